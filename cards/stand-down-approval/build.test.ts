import { parseSubmission } from "../common/errors";
import { submittedValues } from "../common/values";
import { defaultSubmission, expectWellFormedCard, visibleText } from "../__tests__/card-checks";
import { VERBS } from "../verbs";
import { buildStandDownApprovalCard } from "./build";
import { standDownApprovalSample } from "./sample";
import { StandDownRefuseSubmission } from "./submission";

/** The approver's Refuse (docs/rules.md, stand-down): a reason always, kept when the card comes back. */
describe("stand-down approval card: refuse", () => {
  it("as rendered plus a reason, refusing the request the card names is a valid submission", () => {
    const card = buildStandDownApprovalCard(standDownApprovalSample);
    const data = {
      ...defaultSubmission(card, VERBS.standDownRefuse),
      refuseReason: "The family can attend by phone",
    };
    const parsed = parseSubmission(StandDownRefuseSubmission, data);
    expect(parsed.ok && parsed.value).toMatchObject({
      requestId: standDownApprovalSample.requestId,
      refuseReason: "The family can attend by phone",
    });
  });

  it("without a reason it comes back with the error beside the box and what was typed", () => {
    const card = buildStandDownApprovalCard(standDownApprovalSample);
    const data = { ...defaultSubmission(card, VERBS.standDownRefuse), refuseReason: "  " };
    const parsed = parseSubmission(StandDownRefuseSubmission, data);
    expect(parsed.ok).toBe(false);
    const errors = parsed.ok ? {} : parsed.errors;
    expect(errors).toEqual({ refuseReason: "Say why you are refusing the stand-down" });
    const again = buildStandDownApprovalCard({
      ...standDownApprovalSample,
      errors,
      values: submittedValues({ ...data, refuseReason: "x".repeat(1001) }),
    });
    expectWellFormedCard(again, []);
    expect(visibleText(again)).toContain("Say why you are refusing the stand-down");
    expect(JSON.stringify(again)).toContain("x".repeat(1001));
  });
});
