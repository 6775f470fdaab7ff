import type { Incident } from "../../model";

/**
 * Plain words for what failed and why, for cards and emails (no codes: the
 * code stays in the incident's `reason`, the logs and `convene tasks show`).
 */
const WHAT_FAILED: Record<string, string> = {
  "meeting.police-checks": "The police check request could not be sent",
  "meeting.send-invites": "The invitations could not be sent",
  // Also the lock of a meeting booked in Outlook before Convene (a linked event).
  "meeting.create-event":
    "The conference could not be booked in Outlook, or its Teams lobby and chat could not be locked",
  "meeting.reschedule-event": "The conference could not be moved in Outlook",
  "conference.offer-booking": "The clerks could not be asked to book the conference",
  "conference.offer-rebooking": "The clerks could not be asked to rebook the conference",
  "approval.out-of-timescale": "The approval for a late conference could not be asked for",
  "brief.chair": "The chair's brief could not be sent",
  "after-meeting.decisions": "The conference decisions could not be sent",
  "list.weekly": "The weekly meeting list could not be sent",
  "list.fortnight": "The fortnight's meeting list could not be sent",
  "list.month-ahead": "The month-ahead list could not be sent",
  "report.exceptions": "The exception report could not be sent",
  "register.notify-health": "The health notification could not be sent",
  "indicator.review": "The indicator review could not be sent",
};

/** Whose work a failed task blocks, in the words they would use. */
const BLOCKED_WORK: Record<string, string> = {
  "meeting.police-checks": "The police check request for case {ref} has not been sent yet",
  "meeting.send-invites": "The invitations for case {ref} have not all been sent yet",
  "meeting.create-event": "The conference for case {ref} is not set up in Outlook yet",
  "conference.offer-booking":
    "The clerks have not yet been asked to book the conference for case {ref}",
};

export function whatFailed(incident: Incident): string {
  if (incident.kind === "unreadable-record") return "A stored record could not be read";
  if (incident.kind === "in-doubt-send") return "A message may have been sent twice";
  const type = incident.taskType ?? "";
  return WHAT_FAILED[type] ?? "A reminder or background step could not be finished";
}

export function blockedWork(
  taskType: string | undefined,
  caseReference: string,
): string | undefined {
  const text = BLOCKED_WORK[taskType ?? ""];
  return text?.replace("{ref}", caseReference);
}

/** Why, from the stored code: what a person can do about it. */
export function whyInWords(incident: Incident): string {
  const code = incident.reason.split(":")[0] ?? "";
  if (incident.kind === "unreadable-record")
    return "It was set aside so nothing else is held up; it needs to be checked and put right by hand.";
  if (incident.kind === "in-doubt-send")
    return "Convene stopped while sending it, so it was sent again to be sure it arrived.";
  if (code === "Mail.refused" || code.startsWith("Calendar.rejected"))
    return "Outlook refused it: a permission or an email address needs to be put right.";
  if (code.startsWith("Calendar.gone"))
    return "Outlook says the mailbox or event no longer exists.";
  if (code === "LeaseExpired") return "Convene stopped while doing it, more than once.";
  if (code === "Mail.unfinished" || code.startsWith("Teams.") || code.startsWith("Calendar."))
    return "Outlook or Teams kept failing to take it, after every retry.";
  if (code === "InvalidDocument") return "A stored record it needs could not be read.";
  return "It went wrong after every retry.";
}
