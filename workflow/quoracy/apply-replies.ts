import type { Rsvp } from "../../model/invite-list";
import type { WorkflowDeps } from "../kernel/deps";
import type { AttendeeReply } from "../../ports";
import { updateDoc } from "../kernel/update-doc";

const RSVP: Record<AttendeeReply["reply"], Rsvp> = {
  accepted: "accepted",
  tentative: "tentative",
  declined: "declined",
  none: "pending",
};

/**
 * Copies Outlook's replies onto the invite list's professionals (by email).
 * Answers whether anything changed, so only a change re-evaluates quoracy.
 */
export async function applyReplies(
  deps: WorkflowDeps,
  caseId: string,
  meetingId: string,
  replies: readonly AttendeeReply[],
): Promise<boolean> {
  // A room's answer confirms the venue (booking/check-room.ts), never a person's reply.
  const people = replies.filter((r) => r.resource !== true);
  const byEmail = new Map(people.map((r) => [r.email.toLowerCase(), RSVP[r.reply]]));
  const list = await deps.store.get("invite-list", `${meetingId}:invite-list`, caseId);
  if (list === undefined) return false;
  const { changed } = await updateDoc(deps.store, "invite-list", list.id, caseId, (l) => {
    let touched = false;
    const invitees = l.invitees.map((i) => {
      const next: Rsvp | undefined =
        i.email === undefined ? undefined : byEmail.get(i.email.toLowerCase());
      if (next === undefined || next === i.rsvp || i.relation !== "professional") return i;
      touched = true;
      return { ...i, rsvp: next };
    });
    return touched ? { ...l, invitees } : undefined;
  });
  return changed;
}
