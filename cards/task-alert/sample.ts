import type { TaskAlertView } from "./view-model";

export const reminderSample: TaskAlertView = {
  kind: "reminder",
  caseId: "case-0412",
  caseReference: "CP-2026-0412",
  cardVersion: "1",
  taskId: "meeting-0412-1:police-checks.request",
  meetingId: "meeting-0412-1",
  ruleId: "police-checks.request",
  what: "Police check requests, each with a reason, to the clerk",
  dueAt: "2026-12-23T16:00:00.000Z",
  now: "2026-12-23T09:00:00.000Z",
  meetingStart: "2027-01-07T10:00:00.000Z",
  actions: ["done"],
};

/** Swindon: no invite list a day after it was due goes to the manager. */
export const escalationSample: TaskAlertView = {
  kind: "escalation",
  caseId: "case-0412",
  caseReference: "CP-2026-0412",
  cardVersion: "1",
  taskId: "meeting-0412-1:invite-list.escalate",
  meetingId: "meeting-0412-1",
  ruleId: "invite-list.escalate",
  what: "Invite list for the ICPC",
  dueAt: "2026-12-21T17:00:00.000Z",
  now: "2026-12-22T09:00:00.000Z",
  workingDaysLate: 1,
  responsible: "Sam Patel, social worker",
  meetingStart: "2027-01-07T10:00:00.000Z",
  actions: ["acknowledge", "reassign", "approve"],
  reassignTo: [
    { id: "8b3e4a5c-6d7e-4f80-9b1c-3d4e5f6a7b8c", name: "Chris Lane", role: "Social worker" },
    { id: "9c4f5b6d-7e8f-4a91-8c2d-4e5f6a7b8c9d", name: "Dee Moss", role: "Senior practitioner" },
  ],
  approveWhat: "Sending invitations late (out of timescale)",
};
