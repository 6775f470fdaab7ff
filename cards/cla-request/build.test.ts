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
import { buildClaRequestCard } from "./build";
import { claRequestChildNames, claRequestSample } from "./sample";
import { ClaRequestSubmission } from "./submission";

describe("cla-request card", () => {
  it("is a valid card about a review, whose preview names the case, not a child", () => {
    const card = buildClaRequestCard(claRequestSample);
    expectWellFormedCard(card, claRequestChildNames);
    expect(card.fallbackText).toBe("Request a looked-after child review for case LAC-2027-0733");
    const text = visibleText(card);
    expect(text).toContain("Request a looked-after child (CLA) review");
    expect(text).toContain("Robin (looked after since");
    expect(text).not.toMatch(/conference/i);
    expect(executeActions(card)).toEqual([
      {
        title: "Ask the clerk to book",
        verb: VERBS.requestClaReview,
        data: { caseId: "case-0733", cardVersion: "1" },
      },
    ]);
  });

  it("has an input for every field of its submission schema", () => {
    expect(inputIds(buildClaRequestCard(claRequestSample)).sort()).toEqual(
      ["childIds", "reviewNumber", "previousReviewDate"].sort(),
    );
  });

  it("round-trips: the card's defaults (both children, first review) make a valid submission", () => {
    const card = buildClaRequestCard(claRequestSample);
    const data = defaultSubmission(card, VERBS.requestClaReview);
    // Input.Number carries a number; Teams posts it back as a string.
    data.reviewNumber = "1";
    const parsed = parseSubmission(ClaRequestSubmission, data);
    expect(parsed.ok && parsed.value).toEqual({
      caseId: "case-0733",
      cardVersion: "1",
      childIds: ["child-1", "child-2"],
      reviewNumber: 1,
    });
  });

  it("re-renders a malformed submission with errors by the fields and the values kept", () => {
    const data = { caseId: "case-0733", childIds: "child-2", reviewNumber: "3" };
    const parsed = parseSubmission(ClaRequestSubmission, data);
    if (parsed.ok) throw new Error("expected errors");
    const card = buildClaRequestCard({
      ...claRequestSample,
      errors: parsed.errors,
      values: submittedValues(data),
    });
    expectWellFormedCard(card, claRequestChildNames);
    expect(visibleText(card)).toContain("counts from the previous review");
    const json = JSON.stringify(card);
    expect(json).toContain('"value":"child-2"');
    expect(json).toContain('"value":3');
  });
});
