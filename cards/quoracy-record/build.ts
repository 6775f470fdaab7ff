import type { CardJson } from "../../ports/notifier";
import { expandCard } from "../common/expand";
import { formatInstant } from "../common/format";
import { errorSummary, fieldErrorsOn, inputValues } from "../common/redisplay";
import template from "./template.json";
import type { QuoracyRecordView } from "./view-model";

const FIELDS = ["agencies", "agenciesWorking"] as const;

/** The chair records who is present or reporting, and how many agencies work with the family. */
export function buildQuoracyRecordCard(view: QuoracyRecordView): CardJson {
  return expandCard(template, {
    fallbackText: `Record quoracy: ${view.meetingKind} for case ${view.caseReference}`,
    caseId: view.caseId,
    meetingId: view.meetingId,
    caseReference: view.caseReference,
    cardVersion: view.cardVersion ?? "",
    meetingKind: view.meetingKind,
    meetingText: formatInstant(view.meetingStart),
    lastRecord: view.lastRecord ?? "",
    agencies: view.agencies,
    v: inputValues(FIELDS, view.values, { agenciesWorking: "2" }),
    e: fieldErrorsOn(FIELDS, view.errors),
    summary: errorSummary(view.errors, (f) => (FIELDS as readonly string[]).includes(f)),
  });
}
