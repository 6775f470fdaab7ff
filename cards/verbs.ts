/**
 * The verb of every Action.Execute Convene's cards carry (docs/architecture.md, one card per verb:
 * handlers are registered per verb). A verb names the act, not the card, so
 * a card with two actions (accept / decline) has two verbs, each with its own
 * submission schema (declared with its use case in its workflow feature folder).
 *
 * These strings travel in cards already sent to people's chats: renaming one
 * breaks every card still out there, so add new verbs rather than rename.
 */
export const VERBS = {
  /** request-conference: the SW or manager asks the clerk to book an ICPC or RCPC. */
  requestConference: "conference.request",
  /** book: the clerk picks a slot inside the legal limit. */
  book: "booking.book",
  /** book: a slot past the limit, with the approver the policy names (docs/rules.md, national rules; Leicestershire: Service Manager). */
  bookPastLimit: "booking.book-past-limit",
  /** booking-confirmation: chair or SW accepts the booking. */
  acceptBooking: "booking.accept",
  /** booking-confirmation: declines, with a reason (West Sussex: a CPA who knows the family). */
  declineBooking: "booking.decline",
  /** booking-confirmation (chair): recording agreed beforehand for this meeting only, with the reason. */
  allowRecording: "meeting.allow-recording",
  /** invite-list: refresh the card with one more row, keeping what was typed. */
  addInvitee: "invite-list.add-row",
  /** invite-list: the SW says the list is complete, so invitations can go (West Sussex). */
  submitInviteList: "invite-list.submit",
  /** invitation-letter: the SW records a letter was posted or handed over. */
  recordLetterSent: "invitation-letter.sent",
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
  /** escalation: approve (out of timescale, stand-down), always with a rationale (docs/rules.md, stand-down). */
  taskApprove: "task.approve",
  /** outcome: the chair records the conference's outcome. */
  recordOutcome: "outcome.record",
  /** quoracy-forecast: email an agency that has declined or not replied, or whose report is missing. */
  quoracyNudge: "quoracy.nudge",
  /** quoracy-forecast: ask the SW to chase the agencies that work with the family. */
  quoracyAskSocialWorker: "quoracy.ask-sw",
  /** quoracy-forecast: propose standing the meeting down as not quorate (docs/rules.md, stand-down), with a rationale. */
  quoracyProposeStandDown: "quoracy.propose-stand-down",
  /** quoracy-record: the chair records the agencies present or reporting on the day (docs/rules.md, stand-down). */
  quoracyRecord: "quoracy.record",
  /** stand-down-request: clerk, SW, chair or the case's TM/SM asks to stand a meeting down, with reason and rationale. */
  standDownRequest: "stand-down.request",
  /** stand-down-approval: an approver the policy names approves (Leicestershire: safeguarding manager; Swindon: both SMs). */
  standDownApprove: "stand-down.approve",
  /** stand-down-approval: an approver the policy names refuses, with a reason; the meeting goes ahead (docs/rules.md, stand-down). */
  standDownRefuse: "stand-down.refuse",
  /** case-mapping: the QA admin manager allocates each CIN case to a CP chair for the month (chair-consultation). */
  caseMappingAllocate: "case-mapping.allocate",
  /** cla-request: the SW or manager asks the clerk to book a looked-after child's review (the councils' other procedures). */
  requestClaReview: "cla.request",
  /** cla-minutes: the IRO records the review's minutes and recommendations (virtual-conference `cla.minutes`). */
  recordClaMinutes: "cla.record-minutes",
  // Chairs (West Sussex): no case of their own except the cover verbs (caseId + meetingId).
  /** chair-unavailable: a chair marks leave, training, supervision or duty elsewhere. */
  chairUnavailableAdd: "chairs.unavailable.add",
  /** duty-rota: the team manager or a clerk makes a month's rota. */
  rotaGenerate: "chairs.rota.generate",
  /** duty-rota: swap two duty days (a chair asks; the team manager swaps at once). */
  rotaSwap: "chairs.rota.swap",
  /** duty-rota swap request: the other chair accepts. */
  rotaSwapAccept: "chairs.rota.swap-accept",
  /** duty-rota swap request: the other chair declines. */
  rotaSwapDecline: "chairs.rota.swap-decline",
  /** sick-report: a chair off sick on a day (chair, their team manager, a clerk). */
  reportSick: "chairs.report-sick",
  /** sick-cover: the duty chair takes the sick chair's conference. */
  coverAccept: "chairs.cover.accept",
  /** sick-cover: the duty chair cannot take it: the team manager decides. */
  coverDecline: "chairs.cover.decline",
  /** sick-cover decision: the team manager stands the conference down, with a rationale. */
  coverStandDown: "chairs.cover.stand-down",
  /** sick-cover decision: the team manager asks for the next free chair. */
  coverKeepTrying: "chairs.cover.keep-trying",
  /** decisions (chair): the CP plan is signed off (Leicestershire `plan.sign-off`). */
  planSignedOff: "after-meeting.plan-signed-off",
  /** decisions (chair): the chair's record is checked; the clerk distributes it (Leicestershire `record.available`, West Sussex). */
  recordAvailable: "after-meeting.record-available",
  /** decisions (clerk): the record and reports went to the conference members (West Sussex). */
  recordDistributed: "after-meeting.record-distributed",
  /** qa-notice: the CPA's recognition of good practice or informal dispute resolution alert (West Sussex). */
  sendQaNotice: "qa-notice.send",
  /** consultation: a CP chair's consultation with a frontline manager (chair-consultation). */
  recordConsultation: "consultation.record",
  /** re-referral mapping: the case mapping with the frontline service manager was held (chair-consultation). */
  reReferralMappingHeld: "case-mapping.re-referral-held",
  /** needs-attention: a service owner runs a task that gave up again. */
  failureRetry: "failure.retry",
  /** needs-attention: a service owner records that a failure was dealt with by hand. */
  failureHandled: "failure.handled",
  /** new-case: a social worker, manager or clerk records a case, or corrects one (a new social worker is a reassignment). */
  saveCase: "case.save",
} as const;

export type VerbName = keyof typeof VERBS;
export type Verb = (typeof VERBS)[VerbName];

export const ALL_VERBS: readonly Verb[] = Object.values(VERBS);

export function isVerb(value: string): value is Verb {
  return (ALL_VERBS as readonly string[]).includes(value);
}
