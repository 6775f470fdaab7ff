import { agencyKey } from "../reports/agencies";
import { optional } from "../kernel/optional";
import { type TaskContext, type TaskResult } from "../../ports/tasks";
import { conferenceChildren, type Case, type Meeting, type Task } from "../../model";
import { runChecks, type PlanRecord } from "../../rules";
import type { BriefView } from "../../cards/brief/view-model";
import * as cards from "../kernel/cards";
import { conferenceKind } from "../kernel/conference-kind";
import type { WorkflowDeps } from "../kernel/deps";
import { loadMeeting } from "../kernel/load";
import { recordMilestones } from "../timeline/record-milestones";
import { MILESTONES } from "../timeline/milestones";
import { sendCardOnce } from "../kernel/notify";
import { briefAt } from "./plan-brief";
import { taskIds } from "../kernel/task-ids";
import { routeWords } from "../invitations/letters";

const TECH = (a: {
  smartphoneWithVideo: boolean;
  dataOrWifi: boolean;
  hasTeams: boolean;
}): string =>
  [
    a.smartphoneWithVideo ? "smartphone with video" : "no video device",
    a.dataOrWifi ? "data or Wi-Fi" : "no data or Wi-Fi",
    a.hasTeams ? "Teams" : "no Teams",
  ].join(", ");

/** Everything the chair needs before the meeting, read from the store. */
export async function briefView(
  deps: WorkflowDeps,
  kase: Case,
  meeting: Meeting,
): Promise<BriefView> {
  const [list, reports, access] = await Promise.all([
    deps.store.get("invite-list", `${meeting.id}:invite-list`, kase.id),
    deps.store.get("report-status", `${meeting.id}:reports`, kase.id),
    deps.store.get("access-needs", `${meeting.id}:access-needs`, kase.id),
  ]);
  const invitees = list?.invitees ?? [];
  const indexId = meeting.indexChildId ?? kase.indexChildId;
  const index = kase.children.find((c) => c.id === indexId);
  const about = conferenceChildren(kase, meeting).flatMap((id) => {
    const child = kase.children.find((c) => c.id === id);
    return child === undefined ? [] : [child];
  });
  const day = deps.policy.calendar.toLocal(Date.parse(meeting.start ?? "")).day;
  // The repeat-plan and long-plan checks are per child: each child the
  // conference is about, from that child's own plan history. A flag on any
  // child flags the brief, which says whose (first names: the chair is staff
  // on the case).
  const perChild = about.map((child) => {
    const history: PlanRecord[] = (child.planHistory ?? []).map((p) => ({
      start: p.start,
      ...(p.end !== undefined ? { end: p.end } : {}),
    }));
    return {
      firstName: child.name.split(" ")[0] ?? child.name,
      checks: runChecks(deps.policy, meeting.kind, history, day),
    };
  });
  const flag = (id: string) => {
    const results = perChild.flatMap((c) => {
      const r = c.checks.find((x) => x.rule === id);
      return r === undefined ? [] : [{ firstName: c.firstName, ...r }];
    });
    if (results.length === 0) return undefined;
    const flagged = results.filter((r) => r.flagged);
    const shown = flagged.length > 0 ? flagged : results;
    return {
      flagged: flagged.length > 0,
      reason:
        shown.length === 1 && about.length === 1
          ? (shown[0]?.reason ?? "")
          : shown.map((r) => `${r.firstName}: ${r.reason}`).join("; "),
    };
  };
  const agencies = new Map<string, string>();
  for (const i of invitees)
    if (i.relation === "professional" && i.agency) agencies.set(agencyKey(i.agency), i.agency);
  return {
    caseId: kase.id,
    caseReference: kase.reference,
    meetingId: meeting.id,
    meetingKind: conferenceKind(meeting),
    start: meeting.start ?? "",
    end: meeting.end ?? "",
    inPerson: meeting.inPerson,
    ...optional(
      "venue",
      meeting.room !== undefined && meeting.room.reply !== "declined"
        ? meeting.room.name
        : undefined,
    ),
    ...optional("joinUrl", meeting.joinWebUrl),
    // The chair is staff on the case: first name only (cards/brief explains).
    ...optional("indexChildFirstName", index?.name.split(" ")[0]),
    childCount: about.length,
    attendees: invitees.map((i) => ({
      name: i.name,
      role: i.role,
      ...optional("agency", i.agency),
      rsvp: i.rsvp,
      route: routeWords(i, meeting.start),
    })),
    reports: [
      { author: "Social worker", received: reports?.sentToChairAndClerk ?? false },
      ...[...agencies].map(([key, name]) => ({
        author: name,
        received: reports?.agencies[key] ?? false,
      })),
    ],
    policeChecks: invitees
      .filter((i) => i.policeCheck.needed)
      .map((i) => ({ name: i.name, returned: false })),
    ...(access?.interpreter !== undefined
      ? { interpreter: { language: access.interpreter.language, booked: false } }
      : {}),
    ...(access !== undefined
      ? {
          familyAccess: {
            joiningBy: access.joiningBy,
            technology: TECH(access),
            ...optional("accessibilityNeeds", access.accessibilityNeeds),
            reportSharing: access.reportSharing,
            ...optional("participationRisks", access.participationRisks),
          },
          split:
            access.split !== undefined
              ? { needed: true, reason: access.split.reason }
              : { needed: false },
        }
      : {}),
    ...optional("repeatPlan", flag("plan.repeat.check")),
    ...optional("longPlan", flag("plan.long.check")),
  };
}

/**
 * The chair's pre-meeting brief (the conference journey in Teams; virtual-conference `chair.pre-discussion`), from
 * `brief.chair` or from the policy's own rule: both name the same
 * notification, so the chair gets it once.
 */
export async function sendBrief(
  deps: WorkflowDeps,
  task: Task,
  ctx: TaskContext,
): Promise<TaskResult> {
  const ids = taskIds(task);
  const { kase, meeting } = await loadMeeting(deps, ids.caseId, ids.meetingId);
  if (
    meeting.status === "stood-down" ||
    meeting.start === undefined ||
    meeting.chair === undefined
  ) {
    return { skipped: meeting.status };
  }
  const at = briefAt(deps, meeting);
  if (at === undefined) return { skipped: "no-date" };
  const delivery = await sendCardOnce(deps, {
    // Both brief tasks of a meeting name this one notification (same instant);
    // a meeting moved to another date is briefed again.
    id: `${meeting.id}:brief:${at.getTime()}:${meeting.chair.entraObjectId}`,
    kind: "brief",
    recipient: meeting.chair,
    card: cards.brief(await briefView(deps, kase, meeting)),
    preview: `Brief for the ${meeting.kind} of case ${kase.reference}`,
    taskId: task.id,
    caseId: kase.id,
    meetingId: meeting.id,
  });
  await recordMilestones(deps, { caseId: kase.id, meetingId: meeting.id }, [MILESTONES.briefSent], {
    at: ctx.now.toISOString(),
    by: "system",
  });
  return { delivery };
}
