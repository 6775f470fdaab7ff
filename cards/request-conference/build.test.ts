import { parseSubmission } from "../common/errors";
import { submittedValues } from "../common/values";
import {
  defaultSubmission,
  executeActions,
  expectWellFormedCard,
  inputIds,
  visibleText,
} from "../__tests__/card-checks";
import { VERBS } from "../verbs";
import { buildRequestConferenceCard } from "./build";
import { requestConferenceChildNames, requestConferenceSample } from "./sample";
import { RequestConferenceSubmission } from "./submission";

describe("request-conference card", () => {
  it("is a valid card whose preview names the case, not a child", () => {
    const card = buildRequestConferenceCard(requestConferenceSample);
    expectWellFormedCard(card, requestConferenceChildNames);
    expect(card.fallbackText).toContain("CP-2026-0412");
    expect(executeActions(card)).toEqual([
      {
        title: "Ask the clerk to book",
        verb: VERBS.requestConference,
        data: { caseId: "case-0412", cardVersion: "1" },
      },
    ]);
  });

  it("has an input for every field of its submission schema", () => {
    const ids = inputIds(buildRequestConferenceCard(requestConferenceSample));
    expect(ids.sort()).toEqual(
      ["meetingKind", "childIds", "indexChildId", "strategyDate", "previousConferenceDate"].sort(),
    );
  });

  it("re-renders a malformed submission with errors by the fields and the values kept", () => {
    const data = {
      caseId: "case-0412",
      meetingKind: "RCPC",
      childIds: "child-2",
      indexChildId: "child-1",
      strategyDate: "2026-12-14",
    };
    const parsed = parseSubmission(RequestConferenceSubmission, data);
    if (parsed.ok) throw new Error("expected errors");
    const card = buildRequestConferenceCard({
      ...requestConferenceSample,
      errors: parsed.errors,
      values: submittedValues(data),
    });
    expectWellFormedCard(card, requestConferenceChildNames);
    const text = visibleText(card);
    expect(text).toContain("The index child must be one of the children chosen");
    expect(text).toContain("An RCPC counts from the previous conference");
    expect(text).toContain("Please check the 2 fields marked below.");
    const json = JSON.stringify(card);
    expect(json).toContain(
      '"id":"meetingKind","label":"Conference","style":"expanded","isRequired":true,"errorMessage":"Choose ICPC or RCPC","value":"RCPC"',
    );
    expect(json).toContain('"value":"child-2"');
  });

  it("round-trips: the card's own default values make a valid submission", () => {
    const card = buildRequestConferenceCard(requestConferenceSample);
    const data = defaultSubmission(card, VERBS.requestConference);
    expect(parseSubmission(RequestConferenceSubmission, data).ok).toBe(true);
  });
});
