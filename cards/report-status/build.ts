import type { CardJson } from "../../ports/notifier";
import { expandCard } from "../common/expand";
import { formatInstant } from "../common/format";
import { errorSummary, fieldErrorsOn, inputValues } from "../common/redisplay";
import template from "./template.json";
import { AGENCY_KEY, agencyInputId } from "./submission";
import type { ReportStatusView } from "./view-model";

const FIELDS = ["drafted", "qualityAssured", "sharedWithFamily", "sentToChairAndClerk"] as const;

/**
 * Where the reports stand (Leicestershire `report.family` and `report.chair-clerk`, 24
 * hours before; Swindon `reports.*`). A report not shared with the family is a
 * reason to stand the conference down (docs/rules.md, stand-down), hence its own toggle.
 */
export function buildReportStatusCard(view: ReportStatusView): CardJson {
  const agencies = view.agencies.map((a) => {
    if (!AGENCY_KEY.test(a.key)) throw new RangeError(`agency key "${a.key}" is not [A-Za-z0-9_-]`);
    const id = agencyInputId(a.key);
    return {
      id,
      name: a.name,
      value: view.values?.[id] ?? String(a.received),
      error: view.errors?.[id] ?? "",
    };
  });
  const deadlines = [
    ...(view.familyDueAt
      ? [{ title: "To the family by", value: formatInstant(view.familyDueAt) }]
      : []),
    ...(view.chairDueAt
      ? [{ title: "To chair and clerk by", value: formatInstant(view.chairDueAt) }]
      : []),
  ];
  const agencyIds = new Set(agencies.map((a) => a.id));
  return expandCard(template, {
    fallbackText: `Report status for the ${view.meetingKind}, case ${view.caseReference}`,
    caseId: view.caseId,
    meetingId: view.meetingId,
    caseReference: view.caseReference,
    cardVersion: view.cardVersion ?? "",
    meetingKind: view.meetingKind,
    meetingText: view.meetingStart ? ` · ${formatInstant(view.meetingStart)}` : "",
    deadlines,
    agencies,
    v: inputValues(FIELDS, view.values, {
      drafted: view.drafted,
      qualityAssured: view.qualityAssured,
      sharedWithFamily: view.sharedWithFamily,
      sentToChairAndClerk: view.sentToChairAndClerk,
    }),
    e: fieldErrorsOn(FIELDS, view.errors),
    summary: errorSummary(
      view.errors,
      (f) => (FIELDS as readonly string[]).includes(f) || agencyIds.has(f),
    ),
  });
}
