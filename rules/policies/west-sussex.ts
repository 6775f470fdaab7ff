import type { PolicyDefinition } from "../types";

const SEED = "003_3ceb4ecab9be81a2.txt";

/** West Sussex conference service: few fixed timescales (docs/rules.md, policies). */
export const westSussex: PolicyDefinition = {
  id: "west-sussex",
  title: "West Sussex",
  source: SEED,
  extends: "england",
  rules: [
    {
      // "the outcome of each conference goes to the CP register the same day";
      // the day's changes then go to health at 17:00 (register.notify-health).
      id: "register.update",
      kind: "deadline",
      meetings: ["ICPC", "RCPC"],
      anchor: "meeting",
      offset: { count: "same-day" },
      who: ["CPA", "clerk"],
      text: "Conference outcome emailed to the child protection unit for the register by {date} {time}",
      source: `${SEED} (email CPU with the outcome of each conference)`,
    },
  ],
  recurring: [
    {
      // Daily, working days only: there are no conferences, so no register
      // changes, on other days; explicit 17:00 (a list sent at end of day).
      id: "register.notify-health",
      kind: "list",
      recurrence: { every: "working-day" },
      time: "17:00",
      who: ["health"],
      text: "Today's CP register changes to the health (A&E) mailboxes",
      source: `${SEED} (databases sent to A&Es at the end of the day)`,
    },
    {
      // "Monthly supervision": the seed names no day, so the list is ready on
      // the first working day of each month.
      id: "indicator.review",
      kind: "list",
      recurrence: { every: "first-working-day-of-month" },
      who: ["CPA", "CPA TM"],
      text: "Supervision indicators per chair: plans of 15 months or more, repeat plans within 2 years, plans ended at the first RCPC",
      source: `${SEED} (supervision: NI64, NI65, off at first RCPC)`,
    },
  ],
};
