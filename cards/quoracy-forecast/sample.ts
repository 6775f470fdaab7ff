import type { QuoracyAgency, QuoracyForecastView } from "./view-model";

/** Police and health declined; the school has not replied (Outlook replies and the quoracy forecast's scenario). */
const AGENCIES: QuoracyAgency[] = [
  { key: "police", name: "Police", rsvp: "declined", reportReceived: false },
  { key: "health-visiting", name: "Health visiting", rsvp: "declined", reportReceived: false },
  { key: "school", name: "Northfield Primary School", rsvp: "none", reportReceived: false },
  { key: "gp", name: "GP (Oakfield Surgery)", rsvp: "tentative", reportReceived: true },
  { key: "housing", name: "Housing", rsvp: "tentative", reportReceived: false },
];

export const quoracyForecastSample: QuoracyForecastView = {
  state: "at-risk",
  caseId: "case-0412",
  caseReference: "CP-2026-0412",
  cardVersion: "2",
  meetingId: "meeting-0412-1",
  meetingKind: "ICPC",
  meetingStart: "2027-01-07T10:00:00.000Z",
  needed: 2,
  agencies: AGENCIES,
  checkedAt: "2027-01-04T09:00:00.000Z",
  standDownApprover: "the safeguarding manager",
};

/** The same meeting once the police accept: the warning withdrawn (the card updated in place). */
export const quoracyWithdrawnSample: QuoracyForecastView = {
  ...quoracyForecastSample,
  state: "quorate",
  cardVersion: "3",
  checkedAt: "2027-01-05T14:20:00.000Z",
  agencies: AGENCIES.map((a) => (a.key === "police" ? { ...a, rsvp: "accepted" } : a)),
};

/** The largest realistic set: 12 agencies, none expected, long names. */
export const quoracyMaxSample: QuoracyForecastView = {
  ...quoracyForecastSample,
  agencies: Array.from({ length: 12 }, (_, i) => ({
    key: `agency-${i + 1}`,
    name: `Partner agency number ${i + 1} (Children's Services, Health and Education)`,
    rsvp: (["declined", "none", "tentative"] as const)[i % 3]!,
    reportReceived: false,
  })),
};
