import type { Case, Meeting } from "../../model";
import type { QuoracyForecast } from "../../rules/quoracy";
import { buildQuoracyForecastCard } from "../../cards/quoracy-forecast/build";
import { conferenceKind } from "../kernel/conference-kind";
import type { CardJson } from "../../ports";
import type { AgencyView } from "./standing";

/** docs/rules.md, stand-down: who approves a stand-down under each policy. */
const STAND_DOWN_APPROVER: Readonly<Record<string, string>> = {
  leicestershire: "the safeguarding manager",
  swindon: "the operational service manager and the QA & Review service manager, jointly",
};

export function quoracyCard(
  kase: Case,
  meeting: Meeting,
  agencies: readonly AgencyView[],
  forecast: QuoracyForecast,
  policyId?: string,
  now?: Date,
): CardJson {
  const approver = policyId === undefined ? undefined : STAND_DOWN_APPROVER[policyId];
  return buildQuoracyForecastCard({
    caseId: kase.id,
    caseReference: kase.reference,
    state: forecast.quorate ? "quorate" : "at-risk",
    meetingId: meeting.id,
    meetingKind: conferenceKind(meeting),
    meetingStart: meeting.start ?? "",
    needed: forecast.needed,
    agencies: agencies.map((a) => ({
      key: a.key,
      name: a.name,
      rsvp: a.reply,
      reportReceived: a.reportReceived,
    })),
    ...(now !== undefined ? { checkedAt: now.toISOString() } : {}),
    ...(approver !== undefined ? { standDownApprover: approver } : {}),
  });
}

export { STAND_DOWN_APPROVER };
