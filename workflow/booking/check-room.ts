import { type TaskContext, type TaskResult } from "../../ports/tasks";
import type { Task } from "../../model";
import { formatHumanInstant } from "../../rules";
import { audit } from "../kernel/audit";
import { asPersonRef, staffWithRole } from "../kernel/authority";
import * as cards from "../kernel/cards";
import type { WorkflowDeps } from "../kernel/deps";
import { enqueue } from "../kernel/enqueue";
import { loadMeeting } from "../kernel/load";
import { sendCardOnce } from "../kernel/notify";
import { taskIds } from "../kernel/task-ids";
import { updateDoc } from "../kernel/update-doc";
import { OFFER_REBOOKING } from "./offer-booking";

export const CHECK_ROOM = "meeting.check-room";
/** A room's booking assistant answers within minutes; look after 10. */
export const ROOM_CHECK_MS = 10 * 60_000;
/** Look again every 30 minutes, up to a working day, then ask the clerk. */
const RECHECK_MS = 30 * 60_000;
const MAX_CHECKS = 16;

/**
 * meeting.check-room: reads the room's answer to the meeting request from
 * the organiser's event (its resource attendee's response, Graph's
 * attendee.status; https://learn.microsoft.com/en-us/graph/api/resources/attendee).
 * A room mailbox answers by its own rules, later (Exchange's booking
 * assistant: https://learn.microsoft.com/en-us/exchange/recipients/room-mailboxes).
 * - accepted: recorded on the meeting; the venue stands.
 * - declined: recorded, and the clerks are sent back to choose: a new offer
 *   of slots where the chair and a room are free ("rebook"), and a card
 *   saying why. The meeting stays booked at its time meanwhile.
 * - no answer yet: looked at again later; after a day without one the
 *   clerks are told to check the room themselves (never silently kept).
 */
export async function checkRoom(
  deps: WorkflowDeps,
  task: Task,
  ctx: TaskContext,
): Promise<TaskResult> {
  const ids = taskIds(task);
  const { kase, meeting } = await loadMeeting(deps, ids.caseId, ids.meetingId);
  if (meeting.status !== "booked" && meeting.status !== "invited") {
    return { skipped: meeting.status };
  }
  const room = meeting.room;
  if (room === undefined || room.reply !== "none") return { skipped: "no-room-to-check" };
  if (meeting.outlookEventId === undefined) return { skipped: "no-event-yet" };
  const replies = await deps.replies.attendeeReplies(deps.authority.organizer, [
    meeting.outlookEventId,
  ]);
  const reply =
    replies
      .get(meeting.outlookEventId)
      ?.find((r) => r.email.toLowerCase() === room.email.toLowerCase())?.reply ?? "none";
  const clerks = staffWithRole(deps.authority, "clerk").map(asPersonRef);
  const when = formatHumanInstant(Date.parse(meeting.start ?? ""));

  if (reply === "accepted") {
    await updateDoc(deps.store, "meeting", meeting.id, kase.id, (m) =>
      m.room?.email !== room.email || m.room.reply === "accepted"
        ? undefined
        : { ...m, room: { ...m.room, reply: "accepted" } },
    );
    await audit(deps, {
      caseId: kase.id,
      actor: "system",
      action: "meeting.room-accepted",
      target: { type: "meeting", id: meeting.id },
    });
    return { room: "accepted" };
  }

  if (reply === "declined") {
    await updateDoc(deps.store, "meeting", meeting.id, kase.id, (m) =>
      m.room?.email !== room.email || m.room.reply === "declined"
        ? undefined
        : { ...m, room: { ...m.room, reply: "declined" } },
    );
    await audit(deps, {
      caseId: kase.id,
      actor: "system",
      action: "meeting.room-declined",
      target: { type: "meeting", id: meeting.id },
    });
    for (const clerk of clerks) {
      await sendCardOnce(deps, {
        id: `${task.id}:${clerk.entraObjectId}`,
        kind: "room-declined",
        recipient: clerk,
        card: cards.done({
          title: "The room declined: please choose again",
          message: `${room.name} cannot take the ${meeting.kind} on ${when}. The conference stays booked at that time until you choose: new slots where the chair and a room are free follow.`,
          caseReference: kase.reference,
          facts: [{ title: "Where", value: `${room.name}: declined` }],
        }),
        preview: `The room declined the ${meeting.kind} for case ${kase.reference}`,
        taskId: task.id,
        caseId: kase.id,
        meetingId: meeting.id,
      });
    }
    await enqueue(deps, {
      taskType: OFFER_REBOOKING,
      caseId: kase.id,
      meetingId: meeting.id,
      key: `room-declined-${Date.parse(meeting.start ?? "")}`,
    });
    return { room: "declined" };
  }

  const checks = (room.checks ?? 0) + 1;
  if (checks >= MAX_CHECKS) {
    for (const clerk of clerks) {
      await sendCardOnce(deps, {
        id: `${task.id}:no-answer:${clerk.entraObjectId}`,
        kind: "room-no-answer",
        recipient: clerk,
        card: cards.done({
          title: "The room has not answered",
          message: `${room.name} has not accepted the ${meeting.kind} on ${when}. Please check the room booking yourself, or type "rebook" and the case reference to choose again.`,
          caseReference: kase.reference,
          facts: [{ title: "Where", value: `${room.name}: no answer` }],
        }),
        preview: `No answer from the room for case ${kase.reference}`,
        taskId: task.id,
        caseId: kase.id,
        meetingId: meeting.id,
      });
    }
    return { room: "no-answer", checks };
  }
  await updateDoc(deps.store, "meeting", meeting.id, kase.id, (m) =>
    m.room?.email !== room.email ? undefined : { ...m, room: { ...m.room, checks } },
  );
  await enqueue(deps, {
    taskType: CHECK_ROOM,
    caseId: kase.id,
    meetingId: meeting.id,
    key: `${Date.parse(meeting.start ?? "")}-${checks}`,
    dueAt: new Date(ctx.now.getTime() + RECHECK_MS),
  });
  return { room: "none", checks };
}
