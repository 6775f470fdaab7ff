import type { CardJson } from "../../ports/notifier";
import { expandCard } from "../common/expand";
import { errorSummary, fieldErrorsOn, inputValues } from "../common/redisplay";
import template from "./template.json";
import type { QaNoticeView } from "./view-model";

const FIELDS = ["kind", "text"] as const;

/** West Sussex: the CPA's QA notice about a case (recognition of good practice, or an informal dispute resolution alert). */
export function buildQaNoticeCard(view: QaNoticeView): CardJson {
  return expandCard(template, {
    fallbackText: `QA notice for case ${view.caseReference}`,
    caseId: view.caseId,
    meetingId: view.meetingId ?? "",
    caseReference: view.caseReference,
    cardVersion: view.cardVersion ?? "",
    socialWorkerName: view.socialWorkerName,
    v: inputValues(FIELDS, view.values, {}),
    e: fieldErrorsOn(FIELDS, view.errors),
    summary: errorSummary(view.errors, (f) => (FIELDS as readonly string[]).includes(f)),
  });
}
