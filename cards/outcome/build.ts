import type { CardJson } from "../../ports/notifier";
import { expandCard } from "../common/expand";
import { formatInstant, formatInstantDate, londonDate } from "../common/format";
import { errorSummary, fieldErrorsOn, inputValues } from "../common/redisplay";
import { categoryField, planField } from "./submission";
import template from "./template.json";
import type { OutcomeChild, OutcomeView } from "./view-model";

const FIELDS = ["nextRcpcDate", "nextRcpcTime", "coreGroupDate"] as const;

/** Each child's block: its inputs' ids, the choice's words, what was submitted and what is wrong. */
function childBlock(view: OutcomeView, child: OutcomeChild) {
  const review = view.meetingKind === "RCPC" && child.onPlan;
  const planId = planField(child.id);
  const categoryId = categoryField(child.id);
  return {
    firstName: child.firstName,
    heading: `${child.firstName}${child.index === true ? " (index child)" : ""}${
      review ? ": on a plan" : ""
    }`,
    planId,
    categoryId,
    planTitle: review ? "The plan continues" : "Child protection plan",
    noPlanTitle: review ? "The plan ends" : "No child protection plan",
    planValue: view.values?.[planId] ?? "",
    categoryValue: view.values?.[categoryId] ?? "",
    planError: view.errors?.[planId] ?? "",
    categoryError: view.errors?.[categoryId] ?? "",
  };
}

/**
 * The chair records the outcome. The next RCPC and core group dates show
 * their limits (docs/rules.md, national rules: `rcpc.first.latest` / `rcpc.next.latest`,
 * `core-group.first.latest`), as the label and as the date picker's max,
 * and the limits travel in the action's data so the submission schema can
 * refuse a date past them. `plan.sign-off` and `record.available` (Leicestershire) are
 * shown so the chair sees what follows. Decisions are per child: one block
 * for each child the conference was about, by first name only (the chair is
 * staff on the case); at a review a child on a plan is asked whether the
 * plan continues or ends.
 */
export function buildOutcomeCard(view: OutcomeView): CardJson {
  const deadlines = [
    ...(view.planSignOff
      ? [
          {
            title: "Plan signed off by",
            value: `${formatInstant(view.planSignOff.at)} (if there is a plan)`,
          },
        ]
      : []),
    ...(view.recordDue
      ? [{ title: "Record available by", value: formatInstant(view.recordDue.at) }]
      : []),
  ];
  return expandCard(template, {
    fallbackText: `Record the outcome of the ${view.meetingKind} for case ${view.caseReference}`,
    caseId: view.caseId,
    meetingId: view.meetingId,
    caseReference: view.caseReference,
    cardVersion: view.cardVersion ?? "",
    meetingKind: view.meetingKind,
    meetingText: formatInstant(view.meetingStart),
    meetingDate: londonDate(view.meetingStart),
    nextRcpcLimit: londonDate(view.nextRcpcLimit.at),
    nextRcpcLimitText: formatInstantDate(view.nextRcpcLimit.at),
    hasCoreGroupLimit: view.coreGroupLimit !== undefined,
    coreGroupLimit: view.coreGroupLimit ? londonDate(view.coreGroupLimit.at) : "",
    coreGroupLimitText: view.coreGroupLimit ? formatInstantDate(view.coreGroupLimit.at) : "",
    deadlines,
    children: view.children.map((child) => childBlock(view, child)),
    v: inputValues(FIELDS, view.values, { nextRcpcTime: view.nextRcpcTimeSuggested }),
    e: fieldErrorsOn(FIELDS, view.errors),
    summary: errorSummary(
      view.errors,
      (f) =>
        (FIELDS as readonly string[]).includes(f) ||
        view.children.some((c) => f === planField(c.id) || f === categoryField(c.id)),
    ),
  });
}
