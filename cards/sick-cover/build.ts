import type { CardJson } from "../../ports/notifier";
import { expandCard } from "../common/expand";
import { errorSummary, fieldErrorsOn, inputValues } from "../common/redisplay";
import report from "./report.template.json";
import template from "./template.json";
import type { SickCoverView, SickReportView } from "./view-model";

const FIELDS = ["chairId", "date"] as const;

export function buildSickReportCard(view: SickReportView): CardJson {
  return expandCard(report, {
    fallbackText: "Report a chair off sick",
    chairs: view.chairs,
    v: inputValues(FIELDS, view.values, { chairId: view.chairId, date: view.date }),
    e: fieldErrorsOn(FIELDS, view.errors),
    summary: errorSummary(view.errors, (f) => (FIELDS as readonly string[]).includes(f)),
  });
}

/**
 * West Sussex: "They will then contact Duty CPA and ask them to cover"; "too short
 * notice or there is no CPA on duty": the team manager decides. The
 * preview names the case reference only.
 */
export function buildSickCoverCard(view: SickCoverView): CardJson {
  const offer = view.mode === "offer";
  return expandCard(template, {
    fallbackText: offer
      ? `Please cover the ${view.meetingKind} for case ${view.caseReference}: the chair is off sick`
      : `Decide: no chair to cover the ${view.meetingKind} for case ${view.caseReference}`,
    title: offer ? "Can you chair this conference?" : "No chair to cover: please decide",
    caseId: view.caseId,
    caseReference: view.caseReference,
    meetingId: view.meetingId,
    meetingKind: view.meetingKind,
    whenText: view.whenText,
    sickChairName: view.sickChairName,
    why: view.why ?? "",
    hint: offer
      ? "Accept and the Outlook invitation moves to you; the clerks and the social worker are told."
      : "Keep trying offers it to the next chair free then; stand down records your decision and rationale and tells the clerks.",
    offer,
    decide: !offer,
  });
}
