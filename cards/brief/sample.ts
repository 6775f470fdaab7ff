import type { BriefAttendee, BriefView } from "./view-model";

const ATTENDEES: BriefAttendee[] = [
  {
    name: "Sam Patel",
    role: "Social worker",
    agency: "Children's Services",
    rsvp: "accepted",
    route: "Outlook invitation",
  },
  {
    name: "Dr Amira Khan",
    role: "GP",
    agency: "Oakfield Surgery",
    rsvp: "accepted",
    route: "Outlook invitation",
  },
  {
    name: "PC Tom Reece",
    role: "Police",
    agency: "Constabulary",
    rsvp: "accepted",
    route: "Outlook invitation",
  },
  {
    name: "Ann Lee",
    role: "Class teacher",
    agency: "Northfield Primary",
    rsvp: "declined",
    route: "Outlook invitation",
  },
  { name: "Jane Doe", role: "Mother", rsvp: "accepted", route: "Own email" },
  { name: "Mark Doe", role: "Father", rsvp: "pending", route: "Letter, not yet sent" },
  {
    name: "Priya Shah",
    role: "Solicitor for the mother",
    agency: "Shah & Co",
    rsvp: "tentative",
    route: "Own email",
  },
];

export const briefSample: BriefView = {
  caseId: "case-0412",
  caseReference: "CP-2026-0412",
  meetingId: "meeting-0412-1",
  meetingKind: "ICPC",
  start: "2027-01-07T10:00:00.000Z",
  end: "2027-01-07T12:00:00.000Z",
  inPerson: false,
  joinUrl: "https://teams.microsoft.com/l/meetup-join/19%3ameeting_sample%40thread.v2/0",
  indexChildFirstName: "Lily",
  childCount: 3,
  attendees: ATTENDEES,
  reports: [
    { author: "Social worker", received: true },
    { author: "Police", received: true },
    { author: "Health visiting", received: true },
    { author: "School", received: false },
  ],
  policeChecks: [
    { name: "Jane Doe", returned: true },
    { name: "Mark Doe", returned: false },
  ],
  interpreter: { language: "Polish", booked: true },
  familyAccess: {
    joiningBy: "video",
    technology: "Smartphone with video, Wi-Fi, no Teams (joins from the link)",
    reportSharing: "by-hand",
    participationRisks: "Domestic abuse between the parents",
  },
  split: { needed: true, reason: "Parents attend separately" },
  repeatPlan: {
    flagged: true,
    reason: "A previous plan ended on 2025-11-02, within 24 months of 2027-01-07",
  },
  longPlan: { flagged: false, reason: "" },
};

/** The largest realistic brief: 30 invitees, 12 agencies' reports, 10 police checks. */
export const briefMaxSample: BriefView = {
  ...briefSample,
  attendees: Array.from({ length: 30 }, (_, i) => ({
    name: `Invited Person Number ${i + 1}`,
    role: "Designated safeguarding lead",
    agency: "Northfield Primary School and Children's Centre",
    rsvp: (["accepted", "declined", "pending", "tentative"] as const)[i % 4]!,
    route: "Outlook invitation",
  })),
  reports: Array.from({ length: 12 }, (_, i) => ({
    author: `Partner agency number ${i + 1}`,
    received: i % 3 !== 0,
  })),
  policeChecks: Array.from({ length: 10 }, (_, i) => ({
    name: `Adult in the household ${i + 1}`,
    returned: i % 2 === 0,
  })),
};

export const briefChildNames = ["Lily"];
