import type { CardJson } from "../../ports/notifier";
import { expandCard } from "../common/expand";
import { formatInstant, formatInstantDate, londonDate } from "../common/format";
import { errorSummary, fieldErrorsOn, inputValues } from "../common/redisplay";
import template from "./template.json";
import type { OutcomeView } from "./view-model";

const FIELDS = ["plan", "category", "nextRcpcDate", "coreGroupDate"] as const;

/**
 * The chair records the outcome. The next RCPC and core group dates show
 * their limits (RULES.md section 3: `rcpc.first.latest` / `rcpc.next.latest`,
 * `core-group.first.latest`), as the label and as the date picker's max,
 * and the limits travel in the action's data so the submission schema can
 * refuse a date past them. `plan.sign-off` and `record.available` (002) are
 * shown so the chair sees what follows. No child is named.
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
    v: inputValues(FIELDS, view.values, {}),
    e: fieldErrorsOn(FIELDS, view.errors),
    summary: errorSummary(view.errors, (f) => (FIELDS as readonly string[]).includes(f)),
  });
}
