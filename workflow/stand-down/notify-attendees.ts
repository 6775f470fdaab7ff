import { type TaskContext, type TaskResult } from "../../ports/tasks";
import type { Case, Meeting, PersonRef, Task } from "../../model";
import { asPersonRef } from "../kernel/authority";
import * as cards from "../kernel/cards";
import type { WorkflowDeps } from "../kernel/deps";
import { loadMeeting } from "../kernel/load";
import { sendCardOnce, sendEmailsOnce, type EmailNotice } from "../kernel/notify";
import { subjectFor } from "../kernel/subjects";
import { taskIds } from "../kernel/task-ids";
import { meetingWords, reasonText, tellerOf, whenText } from "./words";

type StoodDown = Meeting & { standDown: NonNullable<Meeting["standDown"]> };

/**
 * meeting.stand-down-notify: every attendee is told, once each, by the
 * originator (Leicestershire: the clerk when the unit stood it down, else the SW; the
 * message says who):
 * - staff (the chair, the SW, the requester, and invitees on the staff
 *   list) by a card, with the reason;
 * - other professionals by email, family members and legal
 *   representatives by an email each (Leicestershire: nobody sees another's address);
 *   emails carry no reason and no rationale, only that it will not go
 *   ahead, whether a new date follows, and who sends it.
 * The teller is not told their own news. Notification ids are per meeting
 * and person: a retried task sends nothing twice.
 */
export async function notifyStandDown(
  deps: WorkflowDeps,
  task: Task,
  _ctx: TaskContext,
): Promise<TaskResult> {
  const ids = taskIds(task);
  const { kase, meeting } = await loadMeeting(deps, ids.caseId, ids.meetingId);
  if (meeting.status !== "stood-down" || meeting.standDown === undefined)
    return { skipped: meeting.status };
  const m = meeting as StoodDown;
  const teller = tellerOf(deps, kase, m.standDown);
  const staffByEmail = new Map(deps.authority.staff.map((s) => [s.email.toLowerCase(), s]));
  const staff = new Map<string, PersonRef>();
  const addStaff = (p: PersonRef | undefined) => {
    if (p === undefined || p.entraObjectId === teller.person?.entraObjectId) return;
    staff.set(p.entraObjectId, p);
  };
  addStaff(m.chair);
  addStaff(kase.socialWorker);
  const requester = deps.authority.staff.find((s) => s.entraObjectId === m.standDown.requestedBy);
  if (requester !== undefined) addStaff(asPersonRef(requester));

  const emails: EmailNotice[] = [];
  const emailed = new Set<string>();
  const list = await deps.store.get("invite-list", `${m.id}:invite-list`, kase.id);
  for (const invitee of list?.invitees ?? []) {
    if (invitee.email === undefined) continue;
    const key = invitee.email.toLowerCase();
    const member = staffByEmail.get(key);
    if (member !== undefined) {
      addStaff(asPersonRef(member));
      continue;
    }
    if (emailed.has(key)) continue;
    emailed.add(key);
    emails.push({
      kind: "stand-down-notice",
      taskId: task.id,
      caseId: kase.id,
      meetingId: m.id,
      email: {
        id: `${m.id}:stood-down:${invitee.id}`,
        to: { email: invitee.email, name: invitee.name },
        subject: subjectFor(
          deps.policy.id,
          `Not going ahead: ${meetingWords(m)}, case ${kase.reference}, ${whenText(m)}`,
          invitee.relation,
        ),
        bodyText: emailText(kase, m, invitee.name, invitee.relation !== "professional", teller),
      },
    });
  }
  for (const person of staff.values()) {
    await sendCardOnce(deps, {
      id: `${m.id}:stood-down:${person.entraObjectId}`,
      kind: "stand-down-notice",
      recipient: person,
      card: cards.done({
        title: `Stood down: ${m.kind}`,
        message: `The ${meetingWords(m)} on ${whenText(m)} will not go ahead. ${nextStep(m)}`,
        caseReference: kase.reference,
        facts: [
          { title: "Reason", value: reasonText(m.standDown) },
          { title: "From", value: `${teller.name} (${teller.role})` },
        ],
      }),
      preview: `Stood down: ${m.kind} for case ${kase.reference}`,
      taskId: task.id,
      caseId: kase.id,
      meetingId: m.id,
    });
  }
  const mail = await sendEmailsOnce(deps, deps.authority.organizer, emails);
  return { cards: staff.size, emails: emails.length, sent: mail.sent };
}

const nextStep = (m: StoodDown): string =>
  m.standDown.reason === "no-longer-needed"
    ? "It is no longer needed and will not be rebooked."
    : "A new date will follow: you will be invited again.";

function emailText(
  kase: Case,
  m: StoodDown,
  name: string,
  family: boolean,
  teller: { name: string; role: string },
): string {
  return [
    `Dear ${name},`,
    "",
    `The ${meetingWords(m)} for case ${kase.reference} on ${whenText(m)} (UK time) will not go ahead.`,
    nextStep(m),
    ...(family
      ? ["", "If you have any questions, please contact your social worker."]
      : ["", "The Outlook invitation has been cancelled."]),
    "",
    `Sent on behalf of ${teller.name}, ${teller.role}.`,
  ].join("\n");
}
