import type { CardJson } from "../../ports/notifier";
import { expandCard } from "../common/expand";
import { formatInstant, formatInstantDate } from "../common/format";
import { errorSummary, fieldErrorsOn, inputValues } from "../common/redisplay";
import template from "./template.json";
import type { ClaMinutesView } from "./view-model";

const FIELDS = ["minutesRecorded", "sharingTasked"] as const;

/** "1st", "2nd", "3rd", "11th", "22nd". */
export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${["th", "st", "nd", "rd"][n % 10] ?? "th"}`;
}

/**
 * The IRO's card after a CLA review (virtual-conference `cla.minutes`, on the day): two
 * confirmations, and the next review's limit (docs/rules.md, national rules) so the
 * IRO sees what Convene asks the clerks for next. No child is named.
 */
export function buildClaMinutesCard(view: ClaMinutesView): CardJson {
  const facts = [
    {
      title: "Review",
      value: `${ordinal(view.reviewNumber)} review, ${formatInstant(view.meetingStart)}`,
    },
    ...(view.minutesDue
      ? [{ title: "Minutes due", value: formatInstant(view.minutesDue.at) }]
      : []),
    {
      title: "Next review by",
      value: formatInstantDate(view.nextLimit.at),
    },
  ];
  return expandCard(template, {
    fallbackText: `Record the minutes of the CLA review for case ${view.caseReference}`,
    caseId: view.caseId,
    caseReference: view.caseReference,
    meetingId: view.meetingId,
    cardVersion: view.cardVersion ?? "",
    facts,
    v: inputValues(FIELDS, view.values, {}),
    e: fieldErrorsOn(FIELDS, view.errors),
    summary: errorSummary(view.errors, (f) => (FIELDS as readonly string[]).includes(f)),
  });
}
