import { parseSubmission } from "../common/errors";
import {
  cardBytes,
  defaultSubmission,
  executeActions,
  expectWellFormedCard,
  inputIds,
  visibleText,
} from "../__tests__/card-checks";
import { VERBS } from "../verbs";
import { buildInviteListCard } from "./build";
import { inviteListMaxSample, inviteListSample } from "./sample";
import {
  InviteListDraft,
  InviteListSubmission,
  MAX_INVITEE_ROWS,
  withAnotherRow,
} from "./submission";

describe("invite-list card", () => {
  it("is a valid card with one row of inputs per person", () => {
    const card = buildInviteListCard(inviteListSample);
    expectWellFormedCard(card);
    expect(inputIds(card)).toHaveLength(5 * 9);
    expect(inputIds(card)).toContain("invitees.4.policeCheckReason");
    expect(executeActions(card).map((a) => a.verb)).toEqual([
      VERBS.addInvitee,
      VERBS.submitInviteList,
    ]);
  });

  it("submits as rendered: the filled rows parse, the empty row is dropped", () => {
    const card = buildInviteListCard(inviteListSample);
    const parsed = parseSubmission(
      InviteListSubmission,
      defaultSubmission(card, VERBS.submitInviteList),
    );
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.value.invitees).toHaveLength(4);
  });

  it("'add another' keeps every row as typed and adds one", () => {
    const card = buildInviteListCard(inviteListSample);
    const typed = { ...defaultSubmission(card, VERBS.addInvitee), "invitees.4.name": "Half typ" };
    const draft = parseSubmission(InviteListDraft, typed);
    if (!draft.ok) throw new Error(JSON.stringify(draft.errors));
    const again = buildInviteListCard({
      ...inviteListSample,
      rows: withAnotherRow(draft.value.rows),
    });
    expect(inputIds(again)).toHaveLength(6 * 9);
    expect(defaultSubmission(again, VERBS.addInvitee)).toMatchObject({
      "invitees.0.name": "Jane Doe",
      "invitees.4.name": "Half typ",
      "invitees.5.name": "",
    });
  });

  it("shows each error on its row and keeps the values", () => {
    const card = buildInviteListCard(inviteListSample);
    const data = {
      ...defaultSubmission(card, VERBS.submitInviteList),
      "invitees.1.policeCheckReason": "",
      "invitees.3.email": "amira.khan@",
    };
    const parsed = parseSubmission(InviteListSubmission, data);
    if (parsed.ok) throw new Error("expected errors");
    const draft = parseSubmission(InviteListDraft, data);
    if (!draft.ok) throw new Error("draft should parse");
    const again = buildInviteListCard({
      ...inviteListSample,
      rows: draft.value.rows,
      errors: parsed.errors,
    });
    expectWellFormedCard(again);
    const text = visibleText(again);
    expect(text).toContain("The police will not run a check without a reason");
    expect(text).toContain("Enter a valid email address");
    expect(text).toContain("Please check the 2 fields marked below.");
    expect(JSON.stringify(again)).toContain('"value":"amira.khan@"');
  });

  it(`stays under 40 KB at ${MAX_INVITEE_ROWS} people, with errors on every row`, () => {
    const full = buildInviteListCard(inviteListMaxSample);
    expectWellFormedCard(full);
    expect(executeActions(full).map((a) => a.verb)).toEqual([VERBS.submitInviteList]);
    const errors = Object.fromEntries(
      inviteListMaxSample.rows.map((_, i) => [
        `invitees.${i}.email`,
        "Enter a valid email address",
      ]),
    );
    const withErrors = buildInviteListCard({ ...inviteListMaxSample, errors });
    expectWellFormedCard(withErrors);
    // eslint-disable-next-line no-console
    console.log(
      `invite-list at ${MAX_INVITEE_ROWS} rows: ${cardBytes(full)} bytes, with errors ${cardBytes(withErrors)}`,
    );
  });
});
