import { type TaskContext, type TaskResult } from "../../ports/tasks";
import type { Task } from "../../model";
import { formatHumanInstant } from "../../rules";
import { birthDateWords } from "./children";
import type { WorkflowDeps } from "../kernel/deps";
import { loadMeeting } from "../kernel/load";
import { meetingTimeline } from "../timeline/meeting-timeline";
import { recordMilestones } from "../timeline/record-milestones";
import { MILESTONES } from "../timeline/milestones";
import { sendEmailsOnce } from "../kernel/notify";
import { aOrAn, kindWords, withPrefix } from "../kernel/subjects";
import { dueOf, POLICE_CHECK_RULES } from "../timeline/timeline-dates";
import { taskIds } from "../kernel/task-ids";

/**
 * meeting.police-checks: one email to the configured police-checks mailbox
 * listing each person the SW asked a check on, with the reason (Leicestershire: police
 * will not run a check without one; they need 7 working days, hence
 * `police-checks.request`). Criminal offence data: it goes to that mailbox
 * only, is never logged, and the email is sent once even when retried.
 */
export async function sendPoliceChecks(
  deps: WorkflowDeps,
  task: Task,
  ctx: TaskContext,
): Promise<TaskResult> {
  const ids = taskIds(task);
  const { kase, meeting } = await loadMeeting(deps, ids.caseId, ids.meetingId);
  if (meeting.status === "stood-down") return { skipped: "stood-down" };
  const list = await deps.store.get("invite-list", `${meeting.id}:invite-list`, kase.id);
  const people = (list?.invitees ?? []).filter((i) => i.policeCheck.needed);
  if (people.length === 0) return { skipped: "none-needed" };
  const due =
    meeting.start !== undefined
      ? dueOf(meetingTimeline(deps.policy, meeting), ...POLICE_CHECK_RULES)
      : undefined;
  const header = [
    `Police check requested for ${aOrAn(kindWords(meeting.kind).toLowerCase())}, case ${kase.reference}.`,
    meeting.start !== undefined
      ? `The conference is on ${formatHumanInstant(Date.parse(meeting.start))}.`
      : "",
    due !== undefined ? `Requested by the deadline of ${formatHumanInstant(Date.parse(due))}.` : "",
  ]
    .filter((line) => line !== "")
    .join(" ");
  // One email per person, keyed by the person: editing the list later (a
  // teacher added) sends only the new checks. Criminal offence data: to the
  // police mailbox only, nobody copied.
  const result = await sendEmailsOnce(
    deps,
    deps.authority.organizer,
    people.map((p) => ({
      kind: "police-check",
      taskId: task.id,
      caseId: kase.id,
      meetingId: meeting.id,
      email: {
        id: `${meeting.id}:police-check:${p.id}`,
        to: { email: deps.authority.policeChecksMailbox, name: "Police checks" },
        subject: withPrefix(deps.policy.id, `Police check: case ${kase.reference}`),
        bodyText: [
          header,
          "",
          `${p.name} (${p.role})`,
          `Date of birth: ${p.dob !== undefined ? birthDateWords(p.dob) : "not recorded"}`,
          `Address: ${p.address ?? "not recorded"}`,
          `Reason: ${p.policeCheck.reason ?? "not recorded"}`,
          "",
          `Requested by ${kase.socialWorker.name}, social worker.`,
        ].join("\n"),
      },
    })),
  );
  await recordMilestones(
    deps,
    { caseId: kase.id, meetingId: meeting.id },
    [MILESTONES.policeChecksSent],
    {
      at: ctx.now.toISOString(),
      by: "system",
    },
  );
  return { people: people.length, sent: result.sent };
}
