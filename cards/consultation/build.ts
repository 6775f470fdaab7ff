import type { CardJson } from "../../ports/notifier";
import { expandCard } from "../common/expand";
import { formatDate } from "../common/format";
import { errorSummary, fieldErrorsOn, inputValues } from "../common/redisplay";
import mappingTemplate from "./mapping.template.json";
import template from "./template.json";
import type { ConsultationView, ReReferralMappingView } from "./view-model";

const FIELDS = ["on", "stage", "managerId", "advice"] as const;

/** Chair-consultation items 1-2: the CP chair records a consultation; the decision stays with the frontline manager. */
export function buildConsultationCard(view: ConsultationView): CardJson {
  return expandCard(template, {
    fallbackText: `Record a consultation for case ${view.caseReference}`,
    caseId: view.caseId,
    meetingId: view.meetingId ?? "",
    caseReference: view.caseReference,
    cardVersion: view.cardVersion ?? "",
    today: view.today,
    managers: view.managers.map((m) => ({
      id: m.id,
      title: m.role === undefined ? m.name : `${m.name} (${m.role})`,
    })),
    v: inputValues(FIELDS, view.values, { on: view.today }),
    e: fieldErrorsOn(FIELDS, view.errors),
    summary: errorSummary(view.errors, (f) => (FIELDS as readonly string[]).includes(f)),
  });
}

const MAPPING_FIELDS = ["heldOn"] as const;

/** Chair-consultation item 3: a re-referral books a case mapping with the frontline service manager. */
export function buildReReferralMappingCard(view: ReReferralMappingView): CardJson {
  return expandCard(mappingTemplate, {
    fallbackText: `Re-referral: case mapping for case ${view.caseReference}`,
    caseId: view.caseId,
    meetingId: view.meetingId,
    caseReference: view.caseReference,
    cardVersion: view.cardVersion ?? "",
    serviceManagerName: view.serviceManagerName,
    because: view.because,
    today: view.today,
    heldText: view.heldOn === undefined ? "" : `Case mapping held ${formatDate(view.heldOn)}.`,
    v: inputValues(MAPPING_FIELDS, view.values, { heldOn: view.today }),
    e: fieldErrorsOn(MAPPING_FIELDS, view.errors),
    summary: errorSummary(view.errors, (f) => (MAPPING_FIELDS as readonly string[]).includes(f)),
  });
}
