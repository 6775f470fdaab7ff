import type { PolicyDefinition } from "../types";

const WT = "Working Together to Safeguard Children 2023";
const CPR = "Care Planning, Placement and Case Review (England) Regulations 2010 reg 33";

/**
 * National rules (docs/rules.md, national rules). Every other policy extends this one;
 * a policy that defines the same rule id for the same meeting kind wins.
 */
export const england: PolicyDefinition = {
  id: "england",
  title: "England (national guidance)",
  source: `${WT}; ${CPR}`,
  rules: [
    {
      id: "icpc.latest",
      kind: "limit",
      meetings: ["ICPC"],
      anchor: "strategy",
      offset: { count: "working-days", n: 15, direction: "after" },
      who: ["clerk"],
      text: "ICPC must be held by {date}",
      source: `${WT}; 002_f360489d1f14a891.txt`,
    },
    {
      // The ICPC's own date is the anchor in an ICPC's timeline (section 3).
      id: "core-group.first.latest",
      kind: "limit",
      meetings: ["ICPC"],
      anchor: "meeting",
      offset: { count: "working-days", n: 10, direction: "after" },
      who: ["SW"],
      text: "First core group must be held by {date}",
      source: WT,
    },
    {
      id: "rcpc.first.latest",
      kind: "limit",
      meetings: ["ICPC"],
      anchor: "meeting",
      offset: { count: "months", n: 3, direction: "after" },
      who: ["clerk"],
      text: "First review conference must be held by {date}",
      source: WT,
    },
    {
      // In an RCPC's timeline this is the limit for the RCPC being planned.
      id: "rcpc.next.latest",
      kind: "limit",
      meetings: ["RCPC"],
      anchor: "previous",
      offset: { count: "months", n: 6, direction: "after" },
      who: ["clerk"],
      text: "RCPC must be held by {date} (6 months after the previous conference)",
      source: WT,
    },
    {
      id: "cla.first.latest",
      kind: "limit",
      meetings: ["CLA"],
      reviews: { from: 1, to: 1 },
      anchor: "looked-after",
      offset: { count: "working-days", n: 20, direction: "after" },
      who: ["IRO", "clerk"],
      text: "First CLA review must be held by {date}",
      source: CPR,
    },
    {
      id: "cla.second.latest",
      kind: "limit",
      meetings: ["CLA"],
      reviews: { from: 2, to: 2 },
      anchor: "previous",
      offset: { count: "months", n: 3, direction: "after" },
      who: ["IRO", "clerk"],
      text: "Second CLA review must be held by {date}",
      source: CPR,
    },
    {
      id: "cla.next.latest",
      kind: "limit",
      meetings: ["CLA"],
      reviews: { from: 3 },
      anchor: "previous",
      offset: { count: "months", n: 6, direction: "after" },
      who: ["IRO", "clerk"],
      text: "CLA review must be held by {date} (6 months after the previous review)",
      source: CPR,
    },
  ],
  checks: [
    {
      id: "plan.repeat.check",
      check: "repeat",
      meetings: ["ICPC"],
      months: 24,
      who: ["CP chair"],
      text: "Repeat plan: a previous child protection plan ended within the last 24 months",
      source: "003_3ceb4ecab9be81a2.txt (NI65); 002_f360489d1f14a891.txt",
    },
    {
      id: "plan.long.check",
      check: "long",
      meetings: ["RCPC"],
      months: 15,
      who: ["CP chair"],
      text: "Long plan: the current child protection plan has lasted 15 months or more",
      source: "003_3ceb4ecab9be81a2.txt (NI64, 15-month supervision marker)",
    },
  ],
};
