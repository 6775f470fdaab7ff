import type { Case, Meeting } from "../../model";
import { audit } from "../kernel/audit";
import type { WorkflowDeps } from "../kernel/deps";
import { WorkflowError } from "../kernel/errors";
import type { Actor } from "../../ports";
import { replanMeetingTasks } from "../timeline/replan-meeting-tasks";
import { enqueue } from "../kernel/enqueue";
import { updateDoc } from "../kernel/update-doc";

/**
 * Moves a booked meeting to another offered slot (the conference journey in Teams: "a rebooked
 * meeting recomputes its tasks").
 * 1. record the new start and end (IfMatch);
 * 2. recompute its tasks: every rule anchored on the meeting moves with it,
 *    and a reminder already sent for the old date is due again for the new;
 * 3. queue the Outlook update (start and end only, never the body) and the
 *    family's emails with the new date;
 * 4. audit.
 */
export async function rebookMeeting(
  deps: WorkflowDeps,
  actor: Actor,
  kase: Case,
  meetingId: string,
  slot: { start: string; end: string; room?: { email: string; name: string } },
  chair?: NonNullable<Meeting["chair"]>,
  clerk?: NonNullable<Meeting["clerk"]>,
): Promise<void> {
  const { doc: meeting } = await updateDoc(deps.store, "meeting", meetingId, kase.id, (m) => {
    if (m.status !== "booked" && m.status !== "invited") {
      throw new WorkflowError(
        "Conflict",
        "Only a booked conference that has not been held can be moved.",
      );
    }
    const sameChair = chair === undefined || m.chair?.entraObjectId === chair.entraObjectId;
    // In person: the room of the new slot, asked again (a room that declined is replaced).
    const room = m.inPerson && slot.room !== undefined ? slot.room : undefined;
    const sameRoom =
      room === undefined || (m.room?.email === room.email && m.room.reply !== "declined");
    if (m.start === slot.start && sameChair && sameRoom) return undefined;
    const next: Meeting = {
      ...m,
      start: slot.start,
      end: slot.end,
      ...(chair !== undefined ? { chair } : {}),
      ...(clerk !== undefined && m.clerk === undefined ? { clerk } : {}),
    };
    if (room !== undefined) next.room = { ...room, reply: "none", checks: 0 };
    return next;
  });
  // Whether or not this call moved it (a retry after a failure part-way
  // must finish the job), the tasks follow the meeting, Outlook is updated
  // and the family is told: every step is idempotent.
  const replanned = await replanMeetingTasks(deps, kase, meeting);
  await enqueue(deps, {
    taskType: "meeting.reschedule-event",
    caseId: kase.id,
    meetingId,
    key: `${Date.parse(slot.start)}-${deps.clock().getTime()}`,
  });
  // Family invitations are keyed by the meeting's start: the new date is a new email.
  await enqueue(deps, {
    taskType: "meeting.send-invites",
    caseId: kase.id,
    meetingId,
    key: `moved-${Date.parse(slot.start)}`,
  });
  await audit(deps, {
    caseId: kase.id,
    actor: actor.objectId,
    action: "meeting.rebook",
    target: { type: "meeting", id: meetingId },
    detail: {
      moved: replanned.moved,
      cancelled: replanned.cancelled,
      created: replanned.created,
      room: meeting.room !== undefined,
    },
  });
}
