import { type TaskContext, type TaskResult } from "../../ports/tasks";
import type { Case, Invitee, Meeting, Task } from "../../model";
import { formatHumanInstant } from "../../rules";
import type { WorkflowDeps } from "../kernel/deps";
import { loadMeeting } from "../kernel/load";
import { MILESTONES } from "../timeline/milestones";
import { sendCardOnce, sendEmailsOnce, type EmailNotice } from "../kernel/notify";
import { aOrAn, kindWords, subjectFor } from "../kernel/subjects";
import { updateDoc } from "../kernel/update-doc";
import { reportStatusCard } from "../reports/report-status";
import { consultationAttachment, consultationFormFor } from "../cla/consultation-forms";
import { claInvitesAt, sendsConsultationForms } from "../cla/invites-timing";
import { alertIroOfList } from "../cla/iro-alert";
import { enqueue } from "../kernel/enqueue";
import { taskIds } from "../kernel/task-ids";
import { conferenceRef, meetingPeople } from "./event-attendees";
import { sendLetters } from "./letters";

export const SEND_INVITES = "meeting.send-invites";

/** The family's invitation: plain words, the join link and how the lobby works (Leicestershire). */
export function familyInvitationText(kase: Case, meeting: Meeting, invitee: Invitee): string {
  const when = meeting.start === undefined ? "" : formatHumanInstant(Date.parse(meeting.start));
  return [
    `Dear ${invitee.name},`,
    "",
    `You are invited to ${aOrAn(kindWords(meeting.kind).toLowerCase())} on ${when} (UK time).`,
    meeting.inPerson
      ? meeting.room !== undefined && meeting.room.reply !== "declined"
        ? `The meeting is held at ${meeting.room.name}. You can also join online.`
        : "The meeting is held in person; your social worker will tell you where. You can also join online."
      : "The meeting is held online in Microsoft Teams. You do not need a Teams account.",
    "",
    `Join online: ${meeting.joinWebUrl ?? "(your social worker will send the link)"}`,
    "You can also join by phone: open the link above to see the dial-in number and conference ID,",
    "or ask your social worker for them.",
    "",
    "When you join you will wait in a virtual lobby. This is normal: the chair lets",
    "professionals in first and then you. Nobody else can see your email address.",
    "",
    `Your case reference is ${kase.reference}. If you need an interpreter, help to join`,
    "or anything else to take part, please tell your social worker.",
  ].join("\n");
}

/**
 * meeting.send-invites:
 * 1. wait for the Outlook event (the booking's background half) if need be;
 * 2. set the attendees to the chair, the SW and the professionals on the
 *    list (PATCH of attendees only; never the body, which would replace
 *    the join link);
 * 3. email each family member and legal representative individually
 *    (Leicestershire: nobody sees another's address), each once even when retried;
 *    a family member with no email is left to the SW (invited by letter);
 * 4. record `invites.sent` and send the SW the report-status card, now
 *    that the agencies are known.
 * CLA reviews (the councils' other procedures): under a policy with `cla.invites.send` (Swindon rule
 * 11) the invites wait for that day, however early the list comes, and
 * each family member's email carries the consultation form for who they
 * are to the child (Swindon rule 8); under one with
 * `cla.report-and-invite-list` (virtual-conference) the IRO is alerted that the list is in.
 */
export async function sendInvites(
  deps: WorkflowDeps,
  task: Task,
  ctx: TaskContext,
): Promise<TaskResult> {
  const ids = taskIds(task);
  const { kase, meeting } = await loadMeeting(deps, ids.caseId, ids.meetingId);
  if (meeting.status === "stood-down") return { skipped: "stood-down" };
  // Not booked in Outlook yet (a list can come before the booking, Swindon):
  // creating the event queues the invitations again (tasks/create-event.ts).
  if (meeting.outlookEventId === undefined) return { skipped: "no-event-yet" };
  const list = await deps.store.get("invite-list", `${meeting.id}:invite-list`, kase.id);
  if (list === undefined) return { skipped: "no-list" };
  const holdUntil = claInvitesAt(deps.policy, meeting);
  if (holdUntil !== undefined && ctx.now.getTime() < holdUntil.getTime()) {
    // Keyed by the day: a list sent again queues nothing more; a review
    // moved to another date is held until its own day.
    await enqueue(deps, {
      taskType: SEND_INVITES,
      caseId: kase.id,
      meetingId: meeting.id,
      key: `cla-${holdUntil.getTime()}`,
      dueAt: holdUntil,
    });
    return { skipped: "held-for-cla.invites.send", until: holdUntil.toISOString() };
  }
  const withForms = sendsConsultationForms(deps.policy, meeting);
  const people = meetingPeople(kase, meeting, list);
  const attendees = people.attendees;
  // Setting the attendees resets the Teams meeting's roles: the adapter
  // makes the chair and the clerk co-organisers again and reads them back.
  await deps.calendar.setAttendees(deps.authority.organizer, conferenceRef(meeting), people);

  const family: EmailNotice[] = list.invitees
    .filter((i) => i.relation !== "professional" && i.email !== undefined)
    .map((i) => ({ invitee: i, form: withForms ? consultationFormFor(i) : undefined }))
    .map(({ invitee: i, form }) => ({
      kind: "family-invitation",
      taskId: task.id,
      caseId: kase.id,
      meetingId: meeting.id,
      email: {
        // Keyed by the start too: a meeting moved to another date is a new invitation.
        id: `${meeting.id}:invite:${i.id}:${Date.parse(meeting.start ?? "")}`,
        to: { email: i.email as string, name: i.name },
        // To a family member or their representative: never the staff prefix.
        subject: `Invitation: ${kindWords(meeting.kind).toLowerCase()}, ${formatHumanInstant(Date.parse(meeting.start ?? ""))}`,
        bodyText:
          familyInvitationText(kase, meeting, i) +
          (form === undefined
            ? ""
            : "\n\nYour consultation form for the review is attached: please tell us your views on it, or tell your social worker or the Independent Reviewing Officer."),
        ...(form !== undefined
          ? { attachments: [consultationAttachment(kase, meeting, form)] }
          : {}),
      },
    }));
  // Everyone removed after being invited is told: professionals by the
  // event's update (Exchange sends a removed attendee a cancellation when
  // the organiser updates the meeting) and, as the family, by their own
  // email. Keyed by the person and the removal, so it goes once.
  const cancellations: EmailNotice[] = (list.removed ?? [])
    .filter((r) => r.cancel && r.invitee.email !== undefined)
    .map((r) => ({
      kind: "invitation-cancelled",
      taskId: task.id,
      caseId: kase.id,
      meetingId: meeting.id,
      email: {
        id: `${meeting.id}:cancel:${r.invitee.id}:${Date.parse(r.at)}`,
        to: { email: r.invitee.email as string, name: r.invitee.name },
        subject: subjectFor(
          deps.policy.id,
          `Cancelled: your invitation to the ${kindWords(meeting.kind).toLowerCase()}, ${formatHumanInstant(Date.parse(meeting.start ?? ""))}`,
          r.invitee.relation,
        ),
        bodyText: [
          `Dear ${r.invitee.name},`,
          "",
          `You no longer need to attend the ${kindWords(meeting.kind).toLowerCase()} on ${formatHumanInstant(Date.parse(meeting.start ?? ""))} (UK time). Your invitation has been cancelled.`,
          `If you think this is a mistake, please contact the social worker, ${kase.socialWorker.name}.`,
        ].join("\n"),
      },
    }));
  const mail = await sendEmailsOnce(deps, deps.authority.organizer, [...family, ...cancellations]);
  // Nobody without a route: a family member or legal representative with
  // no email gets a printed letter through the SW, tracked until sent.
  const letters = await sendLetters(
    deps,
    kase,
    meeting,
    list.invitees,
    (i) => familyInvitationText(kase, meeting, i),
    withForms,
    task.id,
    ctx.now,
  );
  await updateDoc(deps.store, "meeting", meeting.id, kase.id, (m) =>
    m.milestones[MILESTONES.invitesSent] !== undefined
      ? undefined
      : {
          ...m,
          status: m.status === "booked" ? "invited" : m.status,
          milestones: {
            ...m.milestones,
            [MILESTONES.invitesSent]: { at: ctx.now.toISOString(), by: "system" },
          },
        },
  );
  await sendCardOnce(deps, {
    id: `${task.id}:report-status:${kase.socialWorker.entraObjectId}`,
    kind: "report-status-request",
    recipient: kase.socialWorker,
    card: await reportStatusCard(deps, kase, meeting),
    preview: `Report status for case ${kase.reference}`,
    taskId: task.id,
    caseId: kase.id,
    meetingId: meeting.id,
  });
  const iroAlerted = await alertIroOfList(deps, kase, meeting, list, task.id);
  return {
    attendees: attendees.length,
    familyEmails: family.length,
    consultationForms: family.filter((f) => f.email.attachments !== undefined).length,
    iroAlerted,
    sent: mail.sent,
    alreadySent: mail.alreadySent,
    letters,
    cancellations: cancellations.length,
  };
}
