/**
 * The verb of every Action.Execute Convene's cards carry (DESIGN.md habit 7:
 * handlers are registered per verb). A verb names the act, not the card, so
 * a card with two actions (accept / decline) has two verbs, each with its own
 * submission schema (`SUBMISSIONS` in submissions.ts).
 *
 * These strings travel in cards already sent to people's chats: renaming one
 * breaks every card still out there, so add new verbs rather than rename.
 */
export const VERBS = {
  /** request-conference: the SW or manager asks the clerk to book an ICPC or RCPC. */
  requestConference: "conference.request",
  /** book: the clerk picks a slot inside the legal limit. */
  book: "booking.book",
  /** book: a slot past the limit, with the approver the policy names (RULES.md 3; 002: Service Manager). */
  bookPastLimit: "booking.book-past-limit",
  /** booking-confirmation: chair or SW accepts the booking. */
  acceptBooking: "booking.accept",
  /** booking-confirmation: declines, with a reason (003: a CPA who knows the family). */
  declineBooking: "booking.decline",
  /** invite-list: refresh the card with one more row, keeping what was typed. */
  addInvitee: "invite-list.add-row",
  /** invite-list: the SW says the list is complete, so invitations can go (003). */
  submitInviteList: "invite-list.submit",
  /** family-access: the family's technology and access needs. */
  submitFamilyAccess: "family-access.submit",
  /** report-status: the SW's report and the agencies' reports. */
  updateReportStatus: "report-status.update",
  /** reminder / escalation: the thing is done. */
  taskDone: "task.done",
  /** escalation: the manager has seen it. */
  taskAcknowledge: "task.acknowledge",
  /** reminder / escalation: hand it to someone else from the list offered. */
  taskReassign: "task.reassign",
  /** escalation: approve (out of timescale, stand-down), always with a rationale (RULES.md 5). */
  taskApprove: "task.approve",
  /** outcome: the chair records the conference's outcome. */
  recordOutcome: "outcome.record",
  /** quoracy-forecast: email an agency that has declined or not replied, or whose report is missing. */
  quoracyNudge: "quoracy.nudge",
  /** quoracy-forecast: ask the SW to chase the agencies that work with the family. */
  quoracyAskSocialWorker: "quoracy.ask-sw",
  /** quoracy-forecast: propose standing the meeting down as not quorate (RULES.md 5), with a rationale. */
  quoracyProposeStandDown: "quoracy.propose-stand-down",
  /** case-mapping: the QA admin manager allocates each CIN case to a CP chair for the month (004). */
  caseMappingAllocate: "case-mapping.allocate",
} as const;

export type VerbName = keyof typeof VERBS;
export type Verb = (typeof VERBS)[VerbName];

export const ALL_VERBS: readonly Verb[] = Object.values(VERBS);

export function isVerb(value: string): value is Verb {
  return (ALL_VERBS as readonly string[]).includes(value);
}
