import { agencyKey } from "../reports/agencies";
import type {
  ExceptionMeeting,
  ExceptionReportView,
  LateInviteListRow,
  LateItem,
  LateReportRow,
  OutOfTimescaleRow,
  StoodDownRow,
} from "../../cards/exception-report/view-model";
import type { Case, InviteList, Meeting, ReportStatus } from "../../model";
import type { Timeline, TimelineEntry } from "../../rules";
import { staffById } from "../kernel/authority";
import type { WorkflowDeps } from "../kernel/deps";
import {
  CASE_FILE_TYPES,
  readOrSetAside,
  setAsideUnreadable,
  unreadableCount,
} from "../kernel/unreadable";
import { meetingTimeline } from "../timeline/meeting-timeline";
import { MILESTONES } from "../timeline/milestones";
import { limitRuleOf } from "../booking/offer-booking";
import { CHAIR_REPORT_RULES, INVITE_LIST_RULES } from "../timeline/timeline-dates";

const WHERE = "exception report";

/** The exception report looks back a week: it goes every Monday (Swindon rule 23). */
export const EXCEPTION_WEEK_MS = 7 * 86_400_000;

type Deps = Pick<WorkflowDeps, "store" | "policy" | "authority" | "logger" | "clock" | "kick">;

const HELD: ReadonlySet<Meeting["status"]> = new Set(["held", "outcome-recorded"]);

/** Agencies' report deadlines (Swindon `reports.*`, virtual-conference `reports.partners`). */
const AGENCY_REPORT_RULES = ["reports.icpc", "reports.rcpc", "reports.partners"];

const iso = (at: string | number) => new Date(at).toISOString();

function firstEntry(tl: Timeline, rules: readonly string[]): TimelineEntry | undefined {
  for (const rule of rules) {
    const entry = tl.entries.find((e) => e.rule === rule);
    if (entry !== undefined) return entry;
  }
  return undefined;
}

function meetingOf(kase: Case, m: Meeting): ExceptionMeeting {
  return {
    caseId: kase.id,
    caseReference: kase.reference,
    meetingId: m.id,
    kind: m.kind,
    ...(m.start !== undefined ? { start: m.start } : {}),
  };
}

/**
 * A deadline missed, for the report: done late during the week (reported
 * that once), or still not done while the meeting is still to be held
 * (reported every week until it is in, or the meeting held or stood down).
 */
function lateness(
  dueAt: string,
  doneAt: string | undefined,
  meeting: Meeting,
  week: { from: number; now: number },
): { doneAt?: string } | undefined {
  const due = Date.parse(dueAt);
  if (doneAt !== undefined) {
    const done = Date.parse(doneAt);
    return done > due && done >= week.from && done < week.now ? { doneAt } : undefined;
  }
  if (due >= week.now || HELD.has(meeting.status)) return undefined;
  return {};
}

/** "Done" pressed on the reminder, though nothing was received (workflow/reminders/task-actions.ts). */
function markedDoneOf(meeting: Meeting, milestone: string): Pick<LateItem, "markedDone"> {
  const marked = meeting.markedDone?.[milestone];
  return marked === undefined ? {} : { markedDone: { role: marked.role, at: iso(marked.at) } };
}

/** Why it is late, as the person chased said on the reminder or escalation (workflow/timeline/late-reason.ts). */
function reasonFor(meeting: Meeting, milestone: string): { reason?: string } {
  const text = meeting.lateReasons?.[milestone]?.text;
  return text === undefined ? {} : { reason: text };
}

interface MeetingFacts {
  kase: Case;
  meeting: Meeting;
  timeline: Timeline | undefined;
  list?: InviteList;
  reports?: ReportStatus;
}

function lateInviteList(f: MeetingFacts, week: { from: number; now: number }) {
  const entry = f.timeline && firstEntry(f.timeline, INVITE_LIST_RULES);
  if (entry === undefined) return undefined;
  const done = f.meeting.milestones[MILESTONES.inviteListComplete]?.at;
  const late = lateness(entry.at, done, f.meeting, week);
  if (late === undefined) return undefined;
  const row: LateInviteListRow = {
    ...meetingOf(f.kase, f.meeting),
    ruleId: entry.rule,
    dueAt: iso(entry.at),
    ...late,
    ...reasonFor(f.meeting, MILESTONES.inviteListComplete),
    ...markedDoneOf(f.meeting, MILESTONES.inviteListComplete),
  };
  return row;
}

function lateReports(f: MeetingFacts, week: { from: number; now: number }): LateReportRow[] {
  if (f.timeline === undefined) return [];
  const rows: LateReportRow[] = [];
  // The SW's own report, to the chair and clerk (Leicestershire `report.chair-clerk`, Swindon `reports.*`).
  const sw = firstEntry(f.timeline, CHAIR_REPORT_RULES);
  if (sw !== undefined) {
    const done = f.meeting.milestones[MILESTONES.reportSentToChair]?.at;
    const late = lateness(sw.at, done, f.meeting, week);
    if (late !== undefined)
      rows.push({
        ...meetingOf(f.kase, f.meeting),
        author: "Social worker",
        ruleId: sw.rule,
        dueAt: iso(sw.at),
        ...late,
        ...reasonFor(f.meeting, MILESTONES.reportSentToChair),
        ...markedDoneOf(f.meeting, MILESTONES.reportSentToChair),
      });
  }
  // Each agency on the invite list whose report is not in. The report status
  // records that a report is in, not when: one in is never reported late.
  const agencies = f.timeline.entries.find(
    (e) => AGENCY_REPORT_RULES.includes(e.rule) && e.who.includes("agencies"),
  );
  if (agencies !== undefined && lateness(agencies.at, undefined, f.meeting, week) !== undefined) {
    const seen = new Set<string>();
    for (const i of f.list?.invitees ?? []) {
      if (i.relation !== "professional" || i.agency === undefined) continue;
      const key = agencyKey(i.agency);
      if (seen.has(key) || f.reports?.agencies[key] === true) continue;
      seen.add(key);
      rows.push({
        ...meetingOf(f.kase, f.meeting),
        author: i.agency,
        ruleId: agencies.rule,
        dueAt: iso(agencies.at),
      });
    }
  }
  return rows;
}

function outOfTimescale(deps: Deps, f: MeetingFacts, now: number): OutOfTimescaleRow | undefined {
  const m = f.meeting;
  if (HELD.has(m.status) || m.status === "stood-down" || f.timeline === undefined) return undefined;
  const rule = limitRuleOf(m);
  const limit = f.timeline.entries.find((e) => e.rule === rule && e.kind === "limit");
  if (limit === undefined) return undefined;
  const limitAt = Date.parse(limit.at);
  const past =
    m.outOfTimescale !== undefined ||
    (m.start !== undefined ? Date.parse(m.start) > limitAt : now > limitAt);
  if (!past) return undefined;
  const approval = m.outOfTimescale;
  return {
    ...meetingOf(f.kase, m),
    limitRule: rule,
    limitAt: iso(limitAt),
    ...(approval !== undefined
      ? {
          approvedBy: staffById(deps.authority, approval.approvedBy)?.name ?? "a former manager",
          approvedAt: approval.approvedAt,
          reason: approval.reason,
        }
      : {}),
  };
}

async function stoodDown(
  deps: Deps,
  f: MeetingFacts,
  byId: ReadonlyMap<string, Meeting>,
  from: number,
): Promise<StoodDownRow | undefined> {
  const s = f.meeting.standDown;
  if (f.meeting.status !== "stood-down" || s === undefined) return undefined;
  const rebooked =
    f.meeting.rebookedAs === undefined ? undefined : byId.get(f.meeting.rebookedAs)?.start;
  // The week's stand-downs, and any earlier one still waiting for its
  // rebooking (docs/rules.md, stand-down: it must fall before the original limit) unless it
  // is no longer needed.
  const thisWeek = Date.parse(s.at) >= from;
  const waiting = rebooked === undefined && s.reason !== "no-longer-needed";
  if (!thisWeek && !waiting) return undefined;
  return {
    ...meetingOf(f.kase, f.meeting),
    at: s.at,
    reason: s.reason,
    rationale: s.rationale,
    approvedBy: s.approvedBy.map((id) => staffById(deps.authority, id)?.name ?? "a former manager"),
    ...(rebooked !== undefined ? { rebookedStart: rebooked } : {}),
  };
}

/**
 * `report.exceptions` (Swindon rules 3, 10, 23; docs/rules.md, national rules and stand-down), as at `now`:
 * - late invite lists and late reports: in late during the week, or still
 *   not in for a meeting still to be held;
 * - meetings stood down during the week, and earlier ones not rebooked yet;
 * - every meeting out of timescale until it is held (docs/rules.md, national rules): booked
 *   (or approved) past its limit, or not booked with its limit passed.
 * Case references only. A meeting whose timeline cannot be computed (a
 * stored meeting with no anchor) is logged by id and reported as far as it can be.
 */
export async function gatherExceptions(
  deps: Deps,
  now: Date,
): Promise<Omit<ExceptionReportView, "title" | "periodText">> {
  const week = { from: now.getTime() - EXCEPTION_WEEK_MS, now: now.getTime() };
  const [cases, meetings] = await Promise.all([
    deps.store.listAll("case"),
    deps.store.listAll("meeting"),
  ]);
  // Never skipped: set aside, raised, and counted below.
  await setAsideUnreadable(deps, [...cases.invalid, ...meetings.invalid], WHERE);
  const caseById = new Map(cases.items.map((c) => [c.id, c]));
  const byId = new Map(meetings.items.map((m) => [m.id, m]));
  const view: Omit<ExceptionReportView, "title" | "periodText"> = {
    asOf: now.toISOString(),
    lateInviteLists: [],
    lateReports: [],
    stoodDown: [],
    outOfTimescale: [],
    unreadable: 0,
  };
  for (const meeting of meetings.items) {
    const kase = caseById.get(meeting.caseId);
    if (kase === undefined) {
      // Its case could not be read (counted as unreadable) or is gone.
      deps.logger.warn(
        { meetingId: meeting.id, caseId: meeting.caseId },
        "exception report: meeting without a readable case",
      );
      continue;
    }
    let timeline: Timeline | undefined;
    try {
      timeline = meetingTimeline(deps.policy, meeting);
    } catch {
      deps.logger.warn({ meetingId: meeting.id }, "exception report: no timeline for meeting");
    }
    const f: MeetingFacts = { kase, meeting, timeline };
    const down = await stoodDown(deps, f, byId, week.from);
    if (down !== undefined) {
      view.stoodDown.push(down);
      continue;
    }
    if (meeting.status === "stood-down") continue;
    // Agencies' reports matter only for a meeting still to be held: the
    // reads are skipped for the (many) meetings already held.
    const [list, reports] = HELD.has(meeting.status)
      ? [undefined, undefined]
      : await Promise.all([
          readOrSetAside(deps, "invite-list", `${meeting.id}:invite-list`, kase.id, WHERE).then(
            (r) => r.doc,
          ),
          readOrSetAside(deps, "report-status", `${meeting.id}:reports`, kase.id, WHERE).then(
            (r) => r.doc,
          ),
        ]);
    const facts = {
      ...f,
      ...(list !== undefined ? { list } : {}),
      ...(reports !== undefined ? { reports } : {}),
    };
    const invite = lateInviteList(facts, week);
    if (invite !== undefined) view.lateInviteLists.push(invite);
    view.lateReports.push(...lateReports(facts, week));
    const out = outOfTimescale(deps, facts, week.now);
    if (out !== undefined) view.outOfTimescale.push(out);
  }
  // By date, then case reference: the same report whatever order the store lists in.
  const by = <T extends ExceptionMeeting>(rows: T[], key: (r: T) => string) =>
    rows.sort(
      (a, b) => key(a).localeCompare(key(b)) || a.caseReference.localeCompare(b.caseReference),
    );
  by(view.lateInviteLists, (r) => r.dueAt);
  by(view.lateReports, (r) => r.dueAt);
  by(view.stoodDown, (r) => r.at);
  by(view.outOfTimescale, (r) => r.start ?? r.limitAt);
  // Counted until a person marks them handled, not only on the run that found them.
  view.unreadable = await unreadableCount(deps, CASE_FILE_TYPES);
  return view;
}
