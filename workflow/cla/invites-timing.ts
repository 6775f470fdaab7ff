import type { Meeting } from "../../model";
import type { ResolvedPolicy, TimelineEntry } from "../../rules";
import { meetingTimeline } from "../timeline/meeting-timeline";

/** Swindon rule 11: "SQA will send the invites out along with the consultation documents 15 days in advance". */
export const CLA_INVITES_RULE = "cla.invites.send";
/** Virtual-conference: 5 working days before, the SW completes the report and invite list and alerts the IRO. */
export const CLA_IRO_ALERT_RULE = "cla.report-and-invite-list";

/** The entry of `rule` in a CLA review's timeline (none for other meetings or policies). */
export function claEntry(
  policy: ResolvedPolicy,
  meeting: Meeting,
  rule: string,
): TimelineEntry | undefined {
  if (meeting.kind !== "CLA" || meeting.start === undefined) return undefined;
  return meetingTimeline(policy, meeting).entries.find((e) => e.rule === rule);
}

/**
 * When a CLA review's invites go under a policy with `cla.invites.send`
 * (swindon): at the policy's send time (09:00) on that deadline's date, so
 * they are out by its end of business (17:00, docs/rules.md, counting time), not as
 * soon as the list is in (Swindon asks for the list by 16 days before, the
 * invites on the 15th). None for other policies: invites follow the list.
 */
export function claInvitesAt(policy: ResolvedPolicy, meeting: Meeting): Date | undefined {
  const entry = claEntry(policy, meeting, CLA_INVITES_RULE);
  if (entry === undefined) return undefined;
  const day = policy.calendar.toLocal(Date.parse(entry.at)).day;
  return new Date(policy.calendar.toInstant(day, policy.sendTime));
}

/** A CLA review whose policy sends consultation documents with the invites (Swindon rule 8). */
export const sendsConsultationForms = (policy: ResolvedPolicy, meeting: Meeting): boolean =>
  claEntry(policy, meeting, CLA_INVITES_RULE) !== undefined;
