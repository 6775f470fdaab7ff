import { MAX_INVITEE_ROWS } from "./submission";
import type { InviteeDraft, InviteListView } from "./view-model";

/** Fictional people for tests and the README screenshot. */
const PEOPLE: InviteeDraft[] = [
  {
    name: "Jane Doe",
    role: "Mother",
    agency: "",
    email: "jane.doe@example.com",
    relation: "family",
    policeCheck: "true",
    policeCheckReason: "Parent in the household; previous domestic abuse incidents reported",
    dob: "1990-04-12",
    address: "1 Example Road, Swindon SN1 1AA",
    id: "inv-0000000000000001",
  },
  {
    name: "Mark Doe",
    role: "Father",
    agency: "",
    email: "",
    relation: "family",
    policeCheck: "true",
    policeCheckReason: "Parent with contact; police attended the address in October",
    dob: "1988-11-03",
    address: "22 Sample Street, Swindon SN2 2BB",
    id: "inv-0000000000000002",
  },
  {
    name: "Priya Shah",
    role: "Solicitor for the mother",
    agency: "Shah & Co",
    email: "p.shah@shahco.example",
    relation: "legal-representative",
    policeCheck: "false",
    policeCheckReason: "",
    dob: "",
    address: "",
    id: "",
  },
  {
    name: "Dr Amira Khan",
    role: "GP",
    agency: "Oakfield Surgery",
    email: "amira.khan@nhs.example",
    relation: "professional",
    policeCheck: "false",
    policeCheckReason: "",
    dob: "",
    address: "",
    id: "",
  },
];

export const inviteListSample: InviteListView = {
  caseId: "case-0412",
  caseReference: "CP-2026-0412",
  cardVersion: "2",
  meetingId: "meeting-0412-1",
  meetingKind: "ICPC",
  meetingStart: "2027-01-07T10:00:00.000Z",
  dueAt: "2026-12-21T17:00:00.000Z",
  policeChecksDueAt: "2026-12-23T16:00:00.000Z",
  rows: [...PEOPLE, { ...PEOPLE[3]!, name: "", role: "", agency: "", email: "" }],
};

/** The largest list one card holds, every field filled to a realistic length. */
export const inviteListMaxSample: InviteListView = {
  ...inviteListSample,
  rows: Array.from({ length: MAX_INVITEE_ROWS }, (_, i) => ({
    name: `Professional Person Number ${i + 1}`,
    role: "Designated safeguarding lead",
    agency: "Northfield Primary School and Children's Centre",
    email: `professional.person.${i + 1}@northfield-primary.example.sch.uk`,
    relation: i % 3 === 0 ? "family" : "professional",
    policeCheck: i % 3 === 0 ? "true" : "false",
    policeCheckReason:
      i % 3 === 0
        ? "Adult living in the household with the children; previous incidents reported to the police in 2025"
        : "",
    dob: i % 3 === 0 ? "1985-06-15" : "",
    address: i % 3 === 0 ? "Flat 12, Long Building Name, 100 Northfield Road, Swindon SN3 3CC" : "",
    id: `inv-${String(i + 1).padStart(16, "0")}`,
  })),
};

/** Short enough to photograph: a family member with a police check, a GP, an empty row. */
export const inviteListScreenshotSample: InviteListView = {
  ...inviteListSample,
  rows: [PEOPLE[1]!, PEOPLE[3]!, { ...PEOPLE[3]!, name: "", role: "", agency: "", email: "" }],
};
