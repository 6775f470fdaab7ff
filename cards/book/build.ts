import type { CardJson } from "../../ports/notifier";
import { expandCard } from "../common/expand";
import { formatInstant, formatRange } from "../common/format";
import { errorSummary, fieldErrorsOn, inputValues } from "../common/redisplay";
import template from "./template.json";
import type { BookView } from "./view-model";

/** On the card itself. */
const MAIN_FIELDS = ["slotId", "inPerson"] as const;
/** In "Book past the limit" (a ShowCard, folded when the card re-renders). */
const PAST_LIMIT_FIELDS = ["pastLimitSlotId", "approverId", "pastLimitReason"] as const;

/**
 * The clerk's booking card. The builder, not the caller, decides which side
 * of the limit a slot is on (start after the limit instant = out of
 * timescale, docs/rules.md, national rules), so no slot past the limit can ever be
 * booked through the plain "Book this slot" action.
 */
export function buildBookCard(view: BookView): CardJson {
  const limitMs = Date.parse(view.limitAt);
  const slots = [...view.slots]
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start))
    .map((s) => ({
      id: s.id,
      title: `${formatRange(s.start, s.end)}${s.room !== undefined ? ` (${s.room} free)` : ""}`,
      pastLimit: Date.parse(s.start) > limitMs,
    }));
  const inLimit = slots.filter((s) => !s.pastLimit);
  const pastLimit = slots.filter((s) => s.pastLimit);
  const limitText = formatInstant(view.limitAt);
  const e = fieldErrorsOn([...MAIN_FIELDS, ...PAST_LIMIT_FIELDS], view.errors);
  return expandCard(template, {
    fallbackText: `Book the ${view.meetingKind} for case ${view.caseReference}: must be held by ${limitText}`,
    caseId: view.caseId,
    meetingId: view.meetingId,
    caseReference: view.caseReference,
    cardVersion: view.cardVersion ?? "",
    meetingKind: view.meetingKind,
    chairName: view.chairName,
    limitRule: view.limitRule,
    limitText,
    inLimit,
    pastLimit,
    hasInLimit: inLimit.length > 0,
    hasPastLimit: pastLimit.length > 0,
    pastLimitCount: pastLimit.length === 1 ? "1 slot" : `${pastLimit.length} slots`,
    approvalRole: view.approval.role,
    approvers: view.approval.approvers.map((p) => ({
      id: p.id,
      title: p.role ? `${p.name} (${p.role})` : p.name,
    })),
    v: inputValues([...MAIN_FIELDS, ...PAST_LIMIT_FIELDS], view.values, {
      slotId: inLimit.length === 1 ? inLimit[0]!.id : undefined,
      inPerson: view.inPerson ?? false,
    }),
    e,
    // Errors inside the folded ShowCard are spelled out in the summary too.
    summary: errorSummary(view.errors, (f) => (MAIN_FIELDS as readonly string[]).includes(f)),
  });
}
