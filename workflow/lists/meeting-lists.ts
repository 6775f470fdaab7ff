import { agencyKey } from "../reports/agencies";
import { type TaskContext, type TaskResult } from "../../ports/tasks";
import type { Meeting, Task } from "../../model";
import type {
  MeetingListKind,
  MeetingListRow,
  MeetingListView,
} from "../../cards/meeting-list/view-model";
import { layoutMeetingListCard } from "../../cards/meeting-list/build";
import { buildTimelinessCard } from "../../cards/timeliness/build";
import {
  addMonthsClamped,
  formatHumanDate,
  formatHumanInstant,
  formatIsoDate,
  type Who,
} from "../../rules";
import { csvAttachment } from "../../cards/csv/csv";
import { meetingListCsv } from "../../cards/csv/lists";
import { type Authority, type StaffMember, type StaffRole } from "../kernel/authority";
import type { WorkflowDeps } from "../kernel/deps";
import { meetingTimeline } from "../timeline/meeting-timeline";
import { MILESTONES } from "../timeline/milestones";
import type { CardJson } from "../../ports";
import { withPrefix } from "../kernel/subjects";
import { deliverList } from "./list-delivery";
import { loadTimeliness } from "../stats/load-timeliness";
import { timelinessView } from "../stats/timeliness-view";
import { unreadableText } from "../../cards/common/list";
import {
  CASE_FILE_TYPES,
  readOrSetAside,
  setAsideUnreadable,
  unreadableCount,
} from "../kernel/unreadable";
import { INVITE_LIST_RULES, dueOf } from "../timeline/timeline-dates";
import { staffWithRoles } from "./job-recipients";

const TITLES: Record<MeetingListKind, string> = {
  "list.weekly": "Weekly list",
  "list.fortnight": "Fortnight list",
  "list.month-ahead": "Month ahead",
};

/** Authority-wide recipients of a list (docs/rules.md's `who`, Swindon rules 18-21). */
const ROLES_OF: Partial<Record<Who, StaffRole[]>> = {
  SM: ["service-manager"],
  TM: ["team-manager"],
  managers: ["team-manager", "service-manager"],
  Director: ["director"],
  "QA TM": ["qa-manager"],
  "QA SM": ["qa-manager"],
};

export function listRecipients(authority: Authority, who: readonly Who[]): StaffMember[] {
  return staffWithRoles(authority, [...new Set(who.flatMap((w) => ROLES_OF[w] ?? []))]);
}

/** One list row per meeting: its report status, invite list and limit, by case reference only. */
async function rowOf(
  deps: WorkflowDeps,
  meeting: Meeting,
  now: Date,
): Promise<MeetingListRow | undefined> {
  const where = "meeting list";
  const kase = (await readOrSetAside(deps, "case", meeting.caseId, meeting.caseId, where)).doc;
  if (kase === undefined || meeting.start === undefined) return undefined;
  const [list, reports] = await Promise.all([
    readOrSetAside(deps, "invite-list", `${meeting.id}:invite-list`, kase.id, where).then(
      (r) => r.doc,
    ),
    readOrSetAside(deps, "report-status", `${meeting.id}:reports`, kase.id, where).then(
      (r) => r.doc,
    ),
  ]);
  const agencies = new Set(
    (list?.invitees ?? [])
      .filter((i) => i.relation === "professional" && i.agency)
      .map((i) => agencyKey(i.agency as string)),
  );
  const due = dueOf(meetingTimeline(deps.policy, meeting), ...INVITE_LIST_RULES);
  const listDone = meeting.milestones[MILESTONES.inviteListComplete];
  const marked = meeting.markedDone?.[MILESTONES.inviteListComplete];
  const inviteList =
    listDone === undefined && marked !== undefined
      ? ("marked-done" as const)
      : listDone !== undefined
        ? due === undefined || Date.parse(listDone.at) <= Date.parse(due)
          ? "on-time"
          : "late"
        : due !== undefined && Date.parse(due) < now.getTime()
          ? "overdue"
          : "awaited";
  return {
    caseId: kase.id,
    caseReference: kase.reference,
    meetingId: meeting.id,
    kind: meeting.kind,
    start: meeting.start,
    ...(meeting.chair !== undefined ? { chairName: meeting.chair.name } : {}),
    status: meeting.status,
    swReport: reports?.sharedWithFamily
      ? "shared"
      : reports?.qualityAssured
        ? "quality-assured"
        : reports?.drafted
          ? "drafted"
          : "not-started",
    agencyReports: {
      received: [...agencies].filter((a) => reports?.agencies[a] === true).length,
      expected: agencies.size,
    },
    inviteList,
    ...(listDone === undefined && marked !== undefined ? { inviteListMarkedBy: marked.role } : {}),
    outOfTimescale: meeting.outOfTimescale !== undefined,
  };
}

/** A run more than an hour after it was due is a catch-up: " (late: due Mon 18 Jan 2027 09:00)". */
export const LATE_AFTER_MS = 60 * 60_000;
export function lateText(now: Date, dueAt: Date): string {
  return now.getTime() - dueAt.getTime() > LATE_AFTER_MS
    ? ` (late: due ${formatHumanInstant(dueAt.getTime())})`
    : "";
}

/** The period a list covers, from the day it runs (Swindon rules 18-21). */
function periodOf(
  deps: WorkflowDeps,
  kind: MeetingListKind,
  now: Date,
): { from: number; to: number } {
  const today = deps.policy.calendar.toLocal(now.getTime()).day;
  if (kind === "list.weekly") return { from: today, to: today + 6 };
  if (kind === "list.fortnight") return { from: today, to: today + 13 };
  return { from: today, to: addMonthsClamped(today, 1) - 1 };
}

/**
 * `list.weekly`, `list.fortnight`, `list.month-ahead` (Swindon rules 18-21): the
 * meetings of the period with their report status and invite lists, as one
 * card to each person the rule names. The month-ahead list carries the
 * council's timeliness chart (Outlook replies and the quoracy forecast), in the card when it fits, else as a
 * card of its own. People not in Teams (StaffMember.inTeams false), and
 * anyone whose card Teams cannot deliver, get it as an email with every row
 * in a CSV (the councils' other procedures, list-delivery.ts).
 */
export function meetingListHandler(deps: WorkflowDeps, kind: MeetingListKind) {
  return async (task: Task, ctx: TaskContext): Promise<TaskResult> => {
    const cal = deps.policy.calendar;
    // A catch-up run (after downtime) is for the period that was due, not
    // the one it runs in, and says it is late (failure is never silent).
    const dueAt = new Date(task.dueAt);
    const late = lateText(ctx.now, dueAt);
    const period = periodOf(deps, kind, dueAt);
    const from = new Date(cal.toInstant(period.from, 0));
    const to = new Date(cal.toInstant(period.to + 1, 0));
    const listing = await deps.store.meetingsInRange(from, to);
    // Never left out silently: set aside, raised, and counted below.
    await setAsideUnreadable(deps, listing.invalid, "meeting list");
    const meetings = listing.items;
    const rows = (await Promise.all(meetings.map((m) => rowOf(deps, m, ctx.now)))).filter(
      (r): r is MeetingListRow => r !== undefined,
    );
    const days: string[] = [];
    for (let d = period.from; d <= period.to; d++)
      if (cal.isWorkingDay(d)) days.push(formatIsoDate(d));
    const timeliness =
      kind === "list.month-ahead"
        ? timelinessView(
            await loadTimeliness(deps, {
              from: new Date(from.getTime() - 365 * 86_400_000),
              to: from,
              now: ctx.now,
            }),
            deps,
          )
        : undefined;
    const view: MeetingListView = {
      list: kind,
      title: `${TITLES[kind]}: ${deps.authority.name}${late}`,
      periodText: `${formatHumanDate(period.from)} to ${formatHumanDate(period.to)}`,
      rows,
      days,
      fullListText: "ask the conference clerks for the full list",
      // Counted after the rows: what they could not read is set aside by now.
      unreadable: await unreadableCount(deps, CASE_FILE_TYPES),
      ...(timeliness !== undefined ? { timeliness } : {}),
    };
    const unread = view.unreadable > 0 ? `, ${unreadableText(view.unreadable) ?? ""}` : "";
    const layout = layoutMeetingListCard(view);
    const cards: CardJson[] = [layout.card];
    if (timeliness !== undefined && !layout.timelinessIncluded)
      cards.push(buildTimelinessCard(timeliness));
    const rule = deps.policy.recurring.find((r) => r.id === kind);
    const recipients = listRecipients(deps.authority, rule?.who ?? ["managers"]);
    const csv = csvAttachment(kind, formatIsoDate(period.from), meetingListCsv(view));
    const title = `${TITLES[kind]}: ${deps.authority.name}`;
    const sent = await deliverList(deps, {
      taskId: task.id,
      list: kind,
      recipients,
      cards,
      preview: `${TITLES[kind]}: ${rows.length} meeting(s), ${view.periodText}${unread}${late}`,
      // Swindon rule 14: swindon's emails about CP/CLA reports start "URGENT CLA/CP".
      subject: withPrefix(deps.policy.id, `${title}, ${view.periodText}`),
      bodyText: [
        `${title}, ${view.periodText}: ${rows.length} meeting(s)${unread}.${late}`,
        "",
        "Every meeting of the period is in the attached CSV file, by case reference,",
        "with its report status and invite list. It opens in Excel.",
        "",
        "Convene sends this list in Microsoft Teams; you have it by email because",
        "Convene cannot reach you there.",
      ].join("\n"),
      csv,
    });
    return {
      meetings: rows.length,
      shown: layout.shownRows,
      recipients: recipients.length,
      cards: sent.cards,
      emails: sent.emails,
    };
  };
}
