import type { CardJson } from "../../ports/notifier";
import { expandCard } from "../common/expand";
import { formatInstant } from "../common/format";
import { errorSummary, fieldErrorsOn, inputValues } from "../common/redisplay";
import { REASON_CHOICES } from "./reasons";
import template from "./template.json";
import type { StandDownRequestView } from "./view-model";

const FIELDS = ["reason", "rationale"] as const;

/**
 * Ask to stand a meeting down: docs/rules.md, stand-down's reasons as one fixed
 * list, the rationale always required, and who must approve under the
 * policy said up front. No child is named.
 */
export function buildStandDownRequestCard(view: StandDownRequestView): CardJson {
  return expandCard(template, {
    fallbackText: `Stand down the ${view.meetingKind} for case ${view.caseReference}`,
    caseId: view.caseId,
    meetingId: view.meetingId,
    caseReference: view.caseReference,
    cardVersion: view.cardVersion ?? "",
    meetingKind: view.meetingKind,
    meetingText:
      view.meetingStart === undefined ? "not booked yet" : formatInstant(view.meetingStart),
    approvalText: view.approvalText,
    note: view.note ?? "",
    reasons: REASON_CHOICES,
    v: inputValues(FIELDS, view.values, { reason: view.reason }),
    e: fieldErrorsOn(FIELDS, view.errors),
    summary: errorSummary(view.errors, (f) => (FIELDS as readonly string[]).includes(f)),
  });
}
