import {
  STAND_DOWN_DETAILS,
  type StandDownDetail,
  type StandDownReason,
} from "../../model/meeting";

/**
 * docs/rules.md, stand-down's fixed list, as one choice each: a reason with
 * sub-reasons (no longer needed, unforeseen) is offered once per
 * sub-reason, so the card needs a single choice ("no-longer-needed:deceased").
 * The words are staff-facing; a family's email never carries them.
 */
export const REASON_WORDS: Record<StandDownReason, string> = {
  "no-longer-needed": "No longer needed",
  "not-quorate": "Not quorate",
  "report-not-shared": "SW report not shared with the family",
  "no-interpreter": "No interpreter",
  "family-cannot-attend": "Family cannot attend",
  unforeseen: "Unforeseen",
};

export const DETAIL_WORDS: Record<StandDownDetail, string> = {
  "looked-after": "the child is now looked after",
  deceased: "the child has died",
  "transferred-out": "transferred to another authority",
  "threshold-not-met": "threshold not met",
  "chair-unavailable": "chair unavailable, no cover",
  "clerk-unavailable": "clerk unavailable, no cover",
  "sw-unavailable": "social worker unavailable, no cover",
  "network-failure": "network failure",
};

export interface ReasonChoice {
  value: string;
  title: string;
}

const ORDER: readonly StandDownReason[] = [
  "no-longer-needed",
  "not-quorate",
  "report-not-shared",
  "no-interpreter",
  "family-cannot-attend",
  "unforeseen",
];

export const REASON_CHOICES: readonly ReasonChoice[] = ORDER.flatMap((reason) => {
  const details: readonly StandDownDetail[] =
    reason in STAND_DOWN_DETAILS
      ? STAND_DOWN_DETAILS[reason as keyof typeof STAND_DOWN_DETAILS]
      : [];
  return details.length === 0
    ? [{ value: reason, title: REASON_WORDS[reason] }]
    : details.map((d) => ({
        value: `${reason}:${d}`,
        title: `${REASON_WORDS[reason]}: ${DETAIL_WORDS[d]}`,
      }));
});

/** "Unforeseen: chair unavailable, no cover" for a stored reason and detail. */
export function reasonWords(reason: StandDownReason, detail?: StandDownDetail): string {
  return detail === undefined
    ? REASON_WORDS[reason]
    : `${REASON_WORDS[reason]}: ${DETAIL_WORDS[detail]}`;
}

/**
 * Whether a detail belongs to the reason, and is given when the reason has
 * sub-reasons: the one check both the card and startStandDown make.
 */
export function reasonProblem(
  reason: StandDownReason,
  detail?: StandDownDetail,
): string | undefined {
  const details: readonly string[] =
    reason in STAND_DOWN_DETAILS
      ? STAND_DOWN_DETAILS[reason as keyof typeof STAND_DOWN_DETAILS]
      : [];
  if (details.length === 0)
    return detail === undefined ? undefined : `"${REASON_WORDS[reason]}" has no sub-reason`;
  if (detail === undefined)
    return `Say why: ${REASON_WORDS[reason].toLowerCase()} needs a sub-reason`;
  return details.includes(detail)
    ? undefined
    : `That sub-reason does not go with "${REASON_WORDS[reason]}"`;
}
