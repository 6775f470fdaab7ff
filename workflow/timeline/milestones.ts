import type { Meeting } from "../../model";

/**
 * What each timeline rule watches: the fact that, once recorded on the
 * meeting, means nobody is chased for it any more. Rule ids are docs/rules.md's.
 * A rule that is absent here watches nothing: it is a plain reminder that is
 * sent while the meeting is still going ahead (`sw.join-early`).
 */
export const MILESTONES = {
  conferenceRequested: "conference.requested",
  booked: "meeting.booked",
  held: "meeting.held",
  inviteListComplete: "invite-list.complete",
  invitesSent: "invites.sent",
  policeChecksSent: "police-checks.sent",
  familyAccessRecorded: "family-access.recorded",
  reportSharedWithFamily: "report.shared-with-family",
  reportsIn: "reports.in",
  /** Leicestershire `report.chair-clerk`: the SW's own report is with the chair and the clerk. */
  reportSentToChair: "report.sent-to-chair",
  briefSent: "brief.sent",
  outcomeRecorded: "outcome.recorded",
  planSignedOff: "plan.signed-off",
  recordDistributed: "record.distributed",
  /** Virtual-conference: the decisions went to every attendee (workflow/after-meeting/decisions.ts). */
  decisionsDistributed: "decisions.distributed",
  /** Leicestershire and West Sussex: the chair has checked the record; the clerk is tasked to distribute it. */
  recordAvailable: "record.available",
} as const;
export type MilestoneName = (typeof MILESTONES)[keyof typeof MILESTONES];

const M = MILESTONES;

const BY_RULE: Readonly<Record<string, MilestoneName>> = {
  // Limits: the meeting itself has been held (or the next one booked, below).
  "icpc.latest": M.held,
  "rcpc.next.latest": M.held,
  "cla.first.latest": M.held,
  "cla.second.latest": M.held,
  "cla.next.latest": M.held,
  // The limits for the meetings an ICPC leads to: the chair's outcome names them.
  "core-group.first.latest": M.outcomeRecorded,
  "rcpc.first.latest": M.outcomeRecorded,
  // Swindon rules 1-4, virtual-conference, West Sussex: the SW's invite list.
  "invite-list.due": M.inviteListComplete,
  "invite-list.reminder": M.inviteListComplete,
  "invite-list.escalate": M.inviteListComplete,
  "invite.rcpc": M.inviteListComplete,
  "cla.invite-list.request": M.inviteListComplete,
  "cla.invite-list.escalate": M.inviteListComplete,
  "cla.invite-list.due": M.inviteListComplete,
  "cla.report-and-invite-list": M.inviteListComplete,
  // The clerk's notice to partners and participants.
  "notice.partners": M.invitesSent,
  "notice.participants": M.invitesSent,
  "cla.invites.send": M.invitesSent,
  // Leicestershire: the SW alerts the TM and asks for the booking.
  "icpc.alert-manager": M.conferenceRequested,
  "icpc.request": M.conferenceRequested,
  "police-checks.request": M.policeChecksSent,
  "police-checks.request.best": M.policeChecksSent,
  // Reports.
  "reports.icpc": M.reportsIn,
  "reports.rcpc": M.reportsIn,
  "reports.partners": M.reportsIn,
  "report.chair-clerk": M.reportSentToChair,
  "report.family": M.reportSharedWithFamily,
  "report.family.best": M.reportSharedWithFamily,
  "report.family-walkthrough": M.reportSharedWithFamily,
  "family.report-sharing": M.familyAccessRecorded,
  // Virtual-conference: the CPA's conversations before the meeting; Convene sends the brief then.
  "chair.pre-discussion": M.briefSent,
  // After the meeting.
  // Virtual-conference: the decisions reach every attendee on the day (sent once the outcome is recorded).
  "decisions.distribute": M.decisionsDistributed,
  "register.update": M.outcomeRecorded,
  "cla.minutes": M.outcomeRecorded,
  "plan.sign-off": M.planSignedOff,
  "record.available": M.recordDistributed,
};

export function milestoneOf(rule: string): MilestoneName | undefined {
  return BY_RULE[rule];
}

export function isDone(meeting: Meeting, rule: string): boolean {
  const milestone = milestoneOf(rule);
  if (milestone === undefined) return false;
  if (meeting.milestones[milestone] !== undefined) return true;
  // Marked done on a reminder: nobody is chased again, though it is not received.
  if (meeting.markedDone?.[milestone] !== undefined) return true;
  // A meeting held after its outcome is recorded counts as held.
  return milestone === M.held && meeting.milestones[M.outcomeRecorded] !== undefined;
}

/**
 * When the conference was asked for (epoch ms), if it was: no chaser is
 * planned for before then (workflow/timeline/plan-meeting-tasks.ts).
 */
export function chaseFrom(meeting: Meeting): number | undefined {
  const at = meeting.milestones[M.conferenceRequested]?.at;
  return at === undefined ? undefined : Date.parse(at);
}
