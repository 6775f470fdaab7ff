import { expectFieldErrors, expectValid, ids } from "../__tests__/submission-helpers";
import {
  InviteListDraft,
  InviteListSubmission,
  MAX_INVITEE_ROWS,
  emptyInviteeDraft,
  withAnotherRow,
} from "./submission";

function row(i: number, fields: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [`invitees.${i}.${k}`, v]));
}

const gp = {
  name: "Dr Amira Khan",
  role: "GP",
  agency: "Oakfield Surgery",
  email: "A.Khan@nhs.example",
  relation: "professional",
  policeCheck: "false",
  policeCheckReason: "",
};
const father = {
  name: "Mark Doe",
  role: "Father",
  agency: "",
  email: "",
  relation: "family",
  policeCheck: "true",
  policeCheckReason: "Lives in the household; previous domestic abuse incidents",
  dob: "1988-11-03",
  address: "22 Sample Street, Swindon SN2 2BB",
};

describe("invite-list.submit submission", () => {
  it("accepts a complete list in the model's invitee shape, dropping empty rows", () => {
    const parsed = expectValid(InviteListSubmission, {
      ...ids,
      ...row(0, gp),
      ...row(1, father),
      ...row(2, { ...emptyInviteeDraft() }),
    });
    expect(parsed.invitees).toEqual([
      {
        name: "Dr Amira Khan",
        role: "GP",
        agency: "Oakfield Surgery",
        email: "a.khan@nhs.example",
        relation: "professional",
        policeCheck: { needed: false },
      },
      {
        name: "Mark Doe",
        role: "Father",
        relation: "family",
        policeCheck: { needed: true, reason: father.policeCheckReason },
        dob: "1988-11-03",
        address: "22 Sample Street, Swindon SN2 2BB",
      },
    ]);
  });

  it("puts each error on its row's input id", () => {
    expectFieldErrors(
      InviteListSubmission,
      {
        ...ids,
        ...row(0, gp),
        ...row(1, { ...father, policeCheckReason: " " }),
        ...row(2, { ...gp, agency: "", email: "not an email" }),
        ...row(3, { ...gp, name: "", relation: "cousin" }),
        ...row(4, { ...father, dob: "", address: "" }),
      },
      {
        "invitees.1.policeCheckReason": /without a reason$/,
        "invitees.4.dob": /date of birth/,
        "invitees.4.address": /address/,
        "invitees.2.email": /valid email/,
        "invitees.2.agency": /agency/,
        "invitees.3.name": /name/,
        "invitees.3.relation": /professional, family or legal/,
      },
    );
  });

  it("needs an email for a legal representative and at least one person", () => {
    expectFieldErrors(
      InviteListSubmission,
      { ...ids, ...row(0, { ...father, relation: "legal-representative", policeCheck: "false" }) },
      { "invitees.0.email": /email/ },
    );
    expectFieldErrors(
      InviteListSubmission,
      { ...ids, ...row(0, emptyInviteeDraft()) },
      {
        invitees: /at least one/,
      },
    );
  });

  it("refuses rows beyond the card's size", () => {
    expectFieldErrors(
      InviteListSubmission,
      { ...ids, ...row(MAX_INVITEE_ROWS, gp) },
      { invitees: /at most 26/ },
    );
  });
});

describe("invite-list.add-row (draft)", () => {
  it("keeps every row as typed, valid or not, and adds one", () => {
    const draft = expectValid(InviteListDraft, {
      ...ids,
      ...row(0, { ...gp, email: "half-typed@" }),
      ...row(1, { name: "Nan" }),
    });
    expect(draft.rows).toEqual([
      { ...emptyInviteeDraft(), ...gp, email: "half-typed@" },
      { ...emptyInviteeDraft(), name: "Nan" },
    ]);
    expect(withAnotherRow(draft.rows)).toHaveLength(3);
    const full = Array.from({ length: MAX_INVITEE_ROWS }, emptyInviteeDraft);
    expect(withAnotherRow(full)).toHaveLength(MAX_INVITEE_ROWS);
  });

  it("still needs the ids", () => {
    expectFieldErrors(
      InviteListDraft,
      { ...row(0, gp) },
      {
        caseId: /case id/,
        meetingId: /meeting id/,
      },
    );
  });
});
