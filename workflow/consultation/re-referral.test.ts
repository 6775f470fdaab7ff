import type { Case, Meeting } from "../../model";
import { demoAuthority } from "../../app/demo/authority";
import { demoCases } from "../../app/demo/cases";
import { reReferralReason } from "./re-referral";

const kase: Case = demoCases(demoAuthority(), new Date("2027-01-01T00:00:00.000Z"))[0]!;
const icpc = (id: string, extra: Partial<Meeting> = {}): Meeting => ({
  id,
  type: "meeting",
  pk: kase.id,
  caseId: kase.id,
  kind: "ICPC",
  status: "requested",
  anchors: { strategy: "2027-01-11" },
  milestones: {},
  inPerson: false,
  createdAt: "2027-01-11T14:00:00.000Z",
  ...extra,
});

describe("a re-referral for an initial conference (chair-consultation item 3)", () => {
  it("is not one for a first ICPC, or beside a stood-down ICPC never held", () => {
    expect(reReferralReason(kase, [icpc("new")], "new")).toBeUndefined();
    expect(
      reReferralReason(kase, [icpc("old", { status: "stood-down" }), icpc("new")], "new"),
    ).toBeUndefined();
  });

  it("is one after an ICPC that was held", () => {
    const held = icpc("old", {
      status: "outcome-recorded",
      start: "2026-06-01T10:00:00.000Z",
      outcome: {
        recordedBy: kase.chair!.entraObjectId,
        recordedAt: "2026-06-01T12:00:00.000Z",
        children: [{ childId: kase.indexChildId, decision: "no-plan" }],
      },
    });
    expect(reReferralReason(kase, [held, icpc("new")], "new")).toBe(
      "an earlier ICPC was held on Mon 1 Jun 2026",
    );
  });

  it("is one when a child has had a plan (from the council's records)", () => {
    const withPlan: Case = {
      ...kase,
      children: kase.children.map((c, i) =>
        i === 1 ? { ...c, planHistory: [{ start: "2025-02-03", end: "2025-11-10" }] } : c,
      ),
    };
    expect(reReferralReason(withPlan, [icpc("new")], "new")).toBe(
      "a child protection plan ended on Mon 10 Nov 2025",
    );
  });
});
