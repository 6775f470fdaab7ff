import { agencyKey } from "../reports/agencies";
import { type TaskContext, type TaskResult } from "../../ports/tasks";
import type { Case, Meeting, PersonRef, Task } from "../../model";
import type { TimelineEntry, Who } from "../../rules";
import type { TaskAction } from "../../cards/task-alert/view-model";
import { asPersonRef, staffWithRole } from "../kernel/authority";
import * as cards from "../kernel/cards";
import type { WorkflowDeps } from "../kernel/deps";
import { loadMeeting } from "../kernel/load";
import { meetingTimeline } from "../timeline/meeting-timeline";
import { isDone, milestoneOf, MILESTONES } from "../timeline/milestones";
import { sendCardOnce, sendEmailsOnce } from "../kernel/notify";
import { staffFor } from "../kernel/roles";
import { kindWords, withPrefix } from "../kernel/subjects";
import { sendBrief } from "../brief/brief";
import { limitRuleOf } from "../booking/offer-booking";
import { taskIds } from "../kernel/task-ids";
import { distinctPeople } from "../kernel/distinct";

/** One card per rule, due instant and person: retries send it once; a moved meeting sends it again. */
export const ruleNoticeId = (taskId: string, entryAt: string, personId: string): string =>
  `${taskId}:${Date.parse(entryAt)}:${personId}`;

/** Virtual-conference's pre-discussion deadline is when Convene briefs the chair (see plan-brief.ts). */
const BRIEF_RULES = new Set(["chair.pre-discussion"]);

/** Rules the agencies act on: they are reached by email (they are not in Convene's Teams). */
const AGENCY_REPORT_RULES = new Set(["reports.icpc", "reports.rcpc", "reports.partners"]);

/**
 * A meeting's own limit counts as met when it is booked for a time at or
 * before the limit (it may not have been held yet when the limit's task runs
 * on the day), or when it was held.
 */
function limitMet(meeting: Meeting, entry: TimelineEntry): boolean {
  if (isDone(meeting, entry.rule)) return true;
  const own = entry.rule === limitRuleOf(meeting);
  if (!own && milestoneOf(entry.rule) !== MILESTONES.held) return false;
  return (
    meeting.start !== undefined &&
    meeting.status !== "requested" &&
    Date.parse(meeting.start) <= Date.parse(entry.at)
  );
}

/** Who is chased when a limit is reached and the meeting is not held (docs/rules.md, national rules). */
const LIMIT_ESCALATION: readonly Who[] = ["TM", "SM", "clerk"];

/**
 * The handler of every timeline rule's task (the task type is the rule id).
 * 1. skip a meeting stood down, or a rule no longer in its timeline (the
 *    meeting was rebooked and the rule recomputed under another task);
 * 2. Virtual-conference `chair.pre-discussion`: send the chair's brief;
 * 3. skip when the thing the rule watches is done (nobody is chased for a
 *    thing already done), or, for an out-of-timescale meeting, when its
 *    limit was already approved past;
 * 4. send the card to the people the rule names: a reminder for reminders,
 *    targets and deadlines, an escalation for escalations and limits; a
 *    deadline that names `escalateTo` escalates to them too;
 * 5. agencies' report deadlines: an email to each agency whose report is
 *    not in, on the invite list.
 * Every send has a deterministic id (`${taskId}:${person}`): a retried task
 * sends each card once.
 */
export async function runRuleTask(
  deps: WorkflowDeps,
  task: Task,
  ctx: TaskContext,
): Promise<TaskResult> {
  const ids = taskIds(task);
  const { kase, meeting } = await loadMeeting(deps, ids.caseId, ids.meetingId);
  if (meeting.status === "stood-down") return { skipped: "stood-down" };
  const entry = meetingTimeline(deps.policy, meeting).entries.find((e) => e.rule === task.taskType);
  if (entry === undefined) return { skipped: "not-in-timeline" };
  // The rule now falls later than this task (the meeting moved and the task
  // is being replanned): not yet. A task retried after a failed send runs
  // later than its entry, and must still send.
  if (Date.parse(entry.at) > Date.parse(task.dueAt)) return { skipped: "rescheduled" };
  if (BRIEF_RULES.has(entry.rule)) return sendBrief(deps, task, ctx);
  if (entry.kind === "limit" ? limitMet(meeting, entry) : isDone(meeting, entry.rule)) {
    return { skipped: "done" };
  }
  if (entry.kind === "limit" && meeting.outOfTimescale !== undefined)
    return { skipped: "approved-out-of-timescale" };

  const sends: { person: PersonRef; kind: "reminder" | "escalation"; actions: TaskAction[] }[] = [];
  const watched = milestoneOf(entry.rule) !== undefined;
  const add = (who: readonly Who[], kind: "reminder" | "escalation", actions: TaskAction[]) => {
    for (const person of staffFor(who, { authority: deps.authority, kase, meeting })) {
      if (!sends.some((s) => s.person.entraObjectId === person.entraObjectId))
        sends.push({ person, kind, actions });
    }
  };
  switch (entry.kind) {
    case "reminder":
    case "target":
    case "deadline":
      add(entry.who, "reminder", watched ? ["done"] : []);
      if (entry.escalateTo !== undefined)
        add(entry.escalateTo, "escalation", ["acknowledge", "reassign", "done"]);
      break;
    case "escalation":
      add(entry.who, "escalation", ["acknowledge", "reassign", "done"]);
      break;
    case "limit":
      add([...entry.who, ...LIMIT_ESCALATION], "escalation", ["acknowledge"]);
      break;
    case "list":
      break;
  }
  const responsible = staffFor(entry.who, { authority: deps.authority, kase, meeting })[0];
  for (const s of sends) {
    await sendCardOnce(deps, {
      // Keyed by the due instant too: a meeting moved to another date is
      // reminded again for the new one (workflow/timeline/replan-meeting-tasks.ts).
      id: ruleNoticeId(task.id, entry.at, s.person.entraObjectId),
      kind: s.kind,
      recipient: s.person,
      card: cards.taskAlert({
        caseId: kase.id,
        caseReference: kase.reference,
        kind: s.kind,
        taskId: task.id,
        meetingId: meeting.id,
        ruleId: entry.rule,
        what: entry.text,
        dueAt: new Date(entry.at).toISOString(),
        now: ctx.now.toISOString(),
        ...(responsible !== undefined && s.kind === "escalation"
          ? { responsible: responsible.name }
          : {}),
        ...(meeting.start !== undefined ? { meetingStart: meeting.start } : {}),
        actions: s.actions,
        ...(s.actions.includes("reassign") ? { reassignTo: reassignOptions(deps, kase) } : {}),
      }),
      preview: `${s.kind === "escalation" ? "Escalation" : "Reminder"}: ${meeting.kind} for case ${kase.reference}`,
      taskId: task.id,
      caseId: kase.id,
      meetingId: meeting.id,
    });
  }
  let agencyEmails = 0;
  if (entry.who.includes("agencies") && AGENCY_REPORT_RULES.has(entry.rule)) {
    agencyEmails = await chaseAgencies(deps, kase, meeting, task, entry);
  }
  return { cards: sends.length, agencyEmails };
}

/** Other social workers of the same team, and the team manager. */
export function reassignOptions(deps: WorkflowDeps, kase: Case) {
  const team = staffWithRole(deps.authority, "social-worker").filter(
    (s) => s.teamManager === kase.teamManager.entraObjectId,
  );
  return distinctPeople([...team.map(asPersonRef), kase.teamManager]).map((p) => ({
    id: p.entraObjectId,
    name: p.name,
    role: p.entraObjectId === kase.teamManager.entraObjectId ? "Team Manager" : "Social worker",
  }));
}

async function chaseAgencies(
  deps: WorkflowDeps,
  kase: Case,
  meeting: Meeting,
  task: Task,
  entry: TimelineEntry,
): Promise<number> {
  const [list, reports] = await Promise.all([
    deps.store.get("invite-list", `${meeting.id}:invite-list`, kase.id),
    deps.store.get("report-status", `${meeting.id}:reports`, kase.id),
  ]);
  const outstanding = (list?.invitees ?? []).filter(
    (i) =>
      i.relation === "professional" &&
      i.email !== undefined &&
      i.agency !== undefined &&
      reports?.agencies[agencyKey(i.agency)] !== true,
  );
  await sendEmailsOnce(
    deps,
    deps.authority.organizer,
    outstanding.map((i) => ({
      kind: "agency-report-reminder",
      taskId: task.id,
      caseId: kase.id,
      meetingId: meeting.id,
      email: {
        id: `${task.id}:${i.id}`,
        to: { email: i.email as string, name: i.name },
        subject: withPrefix(
          deps.policy.id,
          `Report needed: ${kindWords(meeting.kind).toLowerCase()}, case ${kase.reference}`,
        ),
        bodyText: [
          `Dear ${i.name},`,
          "",
          `${entry.text}`,
          `Please send your agency's report for case ${kase.reference} to the chair and the conference clerk.`,
        ].join("\n"),
      },
    })),
  );
  return outstanding.length;
}
