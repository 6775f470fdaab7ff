import type { CardJson } from "../../ports/notifier";
import { expandCard } from "../common/expand";
import { formatInstant } from "../common/format";
import { errorSummary, fieldErrorsOn, inputValues } from "../common/redisplay";
import template from "./template.json";
import type { FamilyAccessView } from "./view-model";

const FIELDS = [
  "smartphoneWithVideo",
  "dataOrWifi",
  "hasTeams",
  "joiningBy",
  "interpreterNeeded",
  "interpreterLanguage",
  "accessibilityNeeds",
  "reportSharing",
  "participationRisks",
  "splitConference",
  "splitReason",
] as const;

/**
 * The family's technology and access needs (virtual-conference: devices, data, Teams, how
 * reports reach them by `family.report-sharing`; Leicestershire and docs/rules.md, stand-down: no
 * interpreter or a family who cannot attend are reasons to stand down, so
 * the chair needs these before the day). About the adults: no child named.
 */
export function buildFamilyAccessCard(view: FamilyAccessView): CardJson {
  return expandCard(template, {
    fallbackText: `The family's access needs for the ${view.meetingKind}, case ${view.caseReference}`,
    caseId: view.caseId,
    meetingId: view.meetingId,
    caseReference: view.caseReference,
    cardVersion: view.cardVersion ?? "",
    meetingKind: view.meetingKind,
    meetingText: view.meetingStart ? ` · ${formatInstant(view.meetingStart)}` : "",
    dueText: view.dueAt ? formatInstant(view.dueAt) : "",
    v: inputValues(FIELDS, view.values, {
      smartphoneWithVideo: false,
      dataOrWifi: false,
      hasTeams: false,
      interpreterNeeded: false,
      splitConference: false,
    }),
    e: fieldErrorsOn(FIELDS, view.errors),
    summary: errorSummary(view.errors, (f) => (FIELDS as readonly string[]).includes(f)),
  });
}
