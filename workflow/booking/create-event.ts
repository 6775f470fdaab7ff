import { type TaskContext, type TaskResult } from "../../ports/tasks";
import type { Case, Meeting, Task } from "../../model";
import { CalendarError } from "../../ports/calendar";
import { audit } from "../kernel/audit";
import { uniqueBy } from "../kernel/distinct";
import { formatHumanInstant } from "../../rules";
import * as cards from "../kernel/cards";
import type { WorkflowDeps } from "../kernel/deps";
import { loadMeeting } from "../kernel/load";
import { MILESTONES } from "../timeline/milestones";
import { sendCardOnce } from "../kernel/notify";
import { meetingSubject } from "../kernel/subjects";
import { updateDoc } from "../kernel/update-doc";
import { staffCardsAfterBooking } from "./after-booking-cards";
import { enqueue } from "../kernel/enqueue";
import { taskIds } from "../kernel/task-ids";
import { venueWords } from "../kernel/venue";
import { conferenceRef, meetingPeople } from "../invitations/event-attendees";
import { childrenParagraph } from "../invitations/children";
import { startingRows } from "../invitations/invite-list";
import { CHECK_ROOM, ROOM_CHECK_MS } from "./check-room";

/** Leicestershire: the chair admits professionals, then the family after any confidential part. */
const LOBBY_TEXT = [
  "This is a child protection conference. Please keep its details confidential.",
  "Everyone waits in the Teams lobby until the chair admits them: professionals first,",
  "then the family. Meeting chat is switched off and the meeting is not recorded.",
].join(" ");

const LOBBY_TEXT_RECORDED = [
  "This is a child protection conference. Please keep its details confidential.",
  "Everyone waits in the Teams lobby until the chair admits them: professionals first,",
  "then the family. Meeting chat is switched off. The chair has agreed that this meeting is recorded.",
].join(" ");

/**
 * An event booked in Outlook before Convene (linked at the go-live import)
 * keeps whatever its maker set: the family might bypass the lobby, chat may
 * be on, the chair may not be able to admit anyone. It is locked as the
 * events Convene creates are (Leicestershire: lobby, chat, recording; the
 * chair and the clerk as co-organisers), with every person it already
 * invites kept as a participant: the people on the list (which starts from
 * the event's attendees) and anyone the event invites now, read again, since
 * the participants are replaced whole. A refusal or a setting that did not
 * hold fails the task (and reaches the service owners as any task that
 * gives up); `lockedAt` keeps a retry from locking it again.
 */
async function lockLinkedEvent(
  deps: WorkflowDeps,
  kase: Case,
  meeting: Meeting,
  ctx: TaskContext,
): Promise<Meeting> {
  const ref = conferenceRef(meeting);
  const event = await deps.calendar.getEvent(deps.authority.organizer, ref.eventId);
  if (event === undefined) {
    throw new CalendarError(
      "gone",
      `meeting ${meeting.id}: its linked Outlook event is no longer in the organiser's calendar`,
    );
  }
  const list = await deps.store.get("invite-list", `${meeting.id}:invite-list`, kase.id);
  const people = meetingPeople(kase, meeting, list);
  const attendees = uniqueBy(
    [...people.attendees, ...event.attendees.map(({ email, name }) => ({ email, name }))],
    (a) => a.email.toLowerCase(),
  );
  const recordingAgreed = meeting.recording !== undefined;
  await deps.calendar.lockConference(
    deps.authority.organizer,
    ref,
    { ...people, attendees },
    recordingAgreed,
  );
  const at = ctx.now.toISOString();
  const saved = await updateDoc(deps.store, "meeting", meeting.id, kase.id, (m) =>
    m.linkedEvent === undefined || m.linkedEvent.lockedAt !== undefined
      ? undefined
      : {
          ...m,
          linkedEvent: { ...m.linkedEvent, lockedAt: at },
          ...(m.recording !== undefined && recordingAgreed
            ? { recording: { ...m.recording, appliedAt: m.recording.appliedAt ?? at } }
            : {}),
        },
  );
  if (saved.changed) {
    await audit(deps, {
      caseId: kase.id,
      actor: "system",
      action: "meeting.lock-linked-event",
      target: { type: "meeting", id: meeting.id },
      detail: { participants: attendees.length, recordingAgreed },
    });
  }
  return saved.doc;
}

/**
 * meeting.create-event, the background half of booking:
 * 1. skip a meeting stood down meanwhile;
 * 2. create the Outlook event with its locked Teams meeting (graph/ checks
 *    the lobby and chat settings read back); the transactionId makes a
 *    retry after a lost answer find the same event, never a second one;
 * 3. keep the event's ids and record `meeting.booked`; an event linked
 *    at the import instead is locked once (lockLinkedEvent);
 * 4. send the booking confirmation to chair and SW, and the SW's cards
 *    (invite list, family access, report status), once each;
 * 5. update the clerk's card: booked, with the date.
 */
export async function createEvent(
  deps: WorkflowDeps,
  task: Task,
  ctx: TaskContext,
): Promise<TaskResult> {
  const ids = taskIds(task);
  const loaded = await loadMeeting(deps, ids.caseId, ids.meetingId);
  const kase = loaded.kase;
  let meeting = loaded.meeting;
  if (meeting.status === "stood-down" || meeting.start === undefined || meeting.end === undefined) {
    return { skipped: meeting.status };
  }
  if (meeting.outlookEventId === undefined) {
    // The chair, the clerk and the SW; the chair and the clerk co-organise
    // the Teams meeting (graph/ sets the roles and reads them back); the
    // room, for a meeting in person or hybrid, is a resource attendee.
    const people = meetingPeople(kase, meeting, undefined);
    const recordingAgreed = meeting.recording !== undefined;
    const created = await deps.calendar.createConference({
      meetingId: meeting.id,
      transactionId: meeting.transactionId ?? meeting.id,
      organizer: deps.authority.organizer,
      subject: meetingSubject(deps.policy.id, kase, meeting),
      start: new Date(meeting.start),
      end: new Date(meeting.end),
      // The professionals added later receive this body: it names the
      // children with their dates of birth (so an agency can tell who the
      // conference is about), after the lobby text, never in the subject.
      bodyText: `${recordingAgreed ? LOBBY_TEXT_RECORDED : LOBBY_TEXT}\n\n${childrenParagraph(kase)}`,
      attendees: people.attendees,
      roles: people.roles,
      ...(people.room !== undefined ? { room: people.room, location: people.room.name } : {}),
      recordingAgreed,
    });
    meeting = (
      await updateDoc(deps.store, "meeting", meeting.id, kase.id, (m) =>
        m.outlookEventId !== undefined
          ? undefined
          : {
              ...m,
              outlookEventId: created.eventId,
              onlineMeetingId: created.onlineMeetingId,
              joinWebUrl: created.joinWebUrl,
              ...(m.recording !== undefined && created.settings.recordAutomatically
                ? { recording: { ...m.recording, appliedAt: ctx.now.toISOString() } }
                : {}),
              milestones: {
                ...m.milestones,
                [MILESTONES.booked]: { at: ctx.now.toISOString(), by: "system" },
              },
            },
      )
    ).doc;
  }
  if (meeting.linkedEvent !== undefined && meeting.linkedEvent.lockedAt === undefined) {
    meeting = await lockLinkedEvent(deps, kase, meeting, ctx);
  }
  if (meeting.room !== undefined && meeting.room.reply === "none") {
    // The room answers the request later, by its own booking rules.
    await enqueue(deps, {
      taskType: CHECK_ROOM,
      caseId: kase.id,
      meetingId: meeting.id,
      key: `${Date.parse(meeting.start ?? "")}-0`,
      dueAt: new Date(ctx.now.getTime() + ROOM_CHECK_MS),
    });
  }
  // A list submitted before the event existed is sent now.
  const list = await deps.store.get("invite-list", `${meeting.id}:invite-list`, kase.id);
  if (list?.complete === true) {
    await enqueue(deps, {
      taskType: "meeting.send-invites",
      caseId: kase.id,
      meetingId: meeting.id,
      key: `event-${meeting.outlookEventId ?? ""}`.slice(0, 120).replace(/[/\\?#]/g, "_"),
    });
  }
  // An RCPC's list starts from the last conference's, for the SW to review.
  const rows = await startingRows(deps, kase, meeting);
  for (const notice of staffCardsAfterBooking(deps, kase, meeting, task.id, rows)) {
    await sendCardOnce(deps, notice);
  }
  if (meeting.bookingCard !== undefined) {
    const result = await deps.notifier.updateCard(
      meeting.bookingCard.userObjectId,
      meeting.bookingCard.activityId,
      cards.done({
        title: "Conference booked",
        message:
          "The Outlook invitation is out to the chair and the social worker. The family is invited once the invite list is complete.",
        caseReference: kase.reference,
        facts: [
          { title: "When", value: formatHumanInstant(Date.parse(meeting.start ?? "")) },
          { title: "Where", value: venueWords(meeting) },
          { title: "Chair", value: meeting.chair?.name ?? "" },
        ],
      }),
    );
    // Updating the card is a courtesy: the clerk's chat already has the
    // booking confirmation; a failed update is logged, not retried.
    if (result.outcome !== "sent") {
      deps.logger.warn(
        { meetingId: meeting.id, outcome: result.outcome },
        "booking card not updated",
      );
    }
  }
  return { eventId: meeting.outlookEventId ?? null };
}
