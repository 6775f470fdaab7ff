import type { DoneView, RefusalView, WorkingView } from "./view-model";

export const doneSample: DoneView = {
  title: "Invite list received",
  message: "Thank you. The clerk sends the invitations; family members each get their own.",
  caseReference: "CP-2026-0412",
  facts: [
    { title: "People", value: "12" },
    { title: "Police checks", value: "3 requested" },
  ],
};

export const refusalSample: RefusalView = {
  reason: "you are not the chair of this conference.",
  hint: "Ask the clerk if the chair has changed.",
  code: "Forbidden",
  caseReference: "CP-2026-0412",
};

export const workingSample: WorkingView = {
  what: "booking the ICPC in Outlook and Teams",
  caseReference: "CP-2026-0412",
};
