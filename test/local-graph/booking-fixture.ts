import type { ConferenceDraft, CreatedConference, Email } from "../../ports/calendar";

/**
 * An ICPC as the Outlook and Teams meeting adapter sizes it: 12 professionals (the chair among them) and
 * 3 family members invited by individual email. The case carries a child's
 * name, as the real case record does; nothing built from it for Outlook may
 * (tests search every request, log line and outbox file for it).
 */
export const SAMPLE_CHILD = { firstName: "Tallulah", lastName: "Quennell-Ashby" };
export const SAMPLE_CHILD_NAME = `${SAMPLE_CHILD.firstName} ${SAMPLE_CHILD.lastName}`;

export const ORGANIZER = "conferences@council.example";

export interface SampleCase {
  caseId: string;
  /** Held on the case; never leaves Convene. */
  child: { firstName: string; lastName: string };
  professionals: { email: string; name: string }[];
  family: { id: string; email: string; name: string }[];
}

export function sampleCase(n: number): SampleCase {
  return {
    caseId: `C-${1000 + n}`,
    child: SAMPLE_CHILD,
    professionals: Array.from({ length: 12 }, (_, i) => ({
      email: `professional${i + 1}.case${n}@agency.example`,
      name: i === 0 ? "Chair Person" : `Professional ${i + 1}`,
    })),
    family: [
      { id: "parent-1", email: `parent1.case${n}@family.example`, name: "Parent One" },
      { id: "parent-2", email: `parent2.case${n}@family.example`, name: "Parent Two" },
      { id: "advocate", email: `advocate.case${n}@law.example`, name: "Family Solicitor" },
    ],
  };
}

/** Thu 7 Jan 2027 10:00-12:00 Europe/London (GMT), shifted by whole days per booking. */
export function bookingTimes(n: number): { start: Date; end: Date } {
  const start = new Date(Date.UTC(2027, 0, 7, 10, 0) + (n % 20) * 86_400_000);
  return { start, end: new Date(start.getTime() + 2 * 3_600_000) };
}

/** As workflow/ builds it: the case number, never the child's name (docs/data-protection.md). */
export function draftFor(c: SampleCase, n: number): ConferenceDraft {
  const meetingId = `meeting-${c.caseId}-${n}`;
  return {
    meetingId,
    transactionId: `tx-${meetingId}`,
    organizer: ORGANIZER,
    subject: `ICPC – case ${c.caseId}`,
    ...bookingTimes(n),
    bodyText:
      "Initial child protection conference.\n" +
      "Please read the reports before the meeting. You will wait in the lobby until the chair admits you.",
    attendees: c.professionals,
    // The first professional chairs: the Teams meeting's co-organiser.
    roles: { ...(c.professionals[0] !== undefined ? { chair: c.professionals[0] } : {}) },
  };
}

/** One email per family member: the join link, dial-in, and what the lobby means. */
export function familyInvitations(
  c: SampleCase,
  draft: ConferenceDraft,
  conference: CreatedConference,
): Email[] {
  const dialIn =
    conference.dialIn?.tollNumber !== undefined
      ? `\nBy phone: ${conference.dialIn.tollNumber}, conference ID ${conference.dialIn.conferenceId ?? ""}`
      : "";
  return c.family.map((person) => ({
    id: `${draft.meetingId}:invite:${person.id}`,
    to: { email: person.email, name: person.name },
    subject: "Invitation: child protection conference",
    bodyText:
      "You are invited to a child protection conference on Microsoft Teams.\n" +
      `Join: ${conference.joinWebUrl}${dialIn}\n` +
      "When you join you will wait in a virtual lobby. The chair will let you in; " +
      "this may be after the professionals have met on their own for a short time.",
  }));
}
