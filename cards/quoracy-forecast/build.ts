import type { CardJson } from "../../ports/notifier";
import { expandCard } from "../common/expand";
import { formatInstant } from "../common/format";
import { errorSummary, fieldErrorsOn, inputValues } from "../common/redisplay";
import { forecastQuoracy } from "../../rules/quoracy";
import { AGENCY_KEY } from "../report-status/submission";
import template from "./template.json";
import type { QuoracyAgency, QuoracyForecastView, QuoracyRsvp } from "./view-model";

/** Every input lives in a folded ShowCard (nudge, ask the SW, stand-down). */
const FIELDS = ["agencyKey", "note", "standDownRationale"] as const;

/**
 * Only what puts the meeting at risk is coloured (red): the host config's
 * green and amber text fail contrast on white, and the words carry the
 * meaning anyway.
 */
const RSVP: Record<QuoracyRsvp, { text: string; color: string }> = {
  accepted: { text: "Accepted", color: "Default" },
  tentative: { text: "Tentative", color: "Default" },
  declined: { text: "Declined", color: "Attention" },
  none: { text: "No reply", color: "Default" },
};

/**
 * docs/rules.md, stand-down through rules/quoracy.ts, the rule workflow/ forecasts with:
 * an agency is expected when it accepted or its report is in (tentative
 * and no reply do not count yet), so the card's "1 of the 2 needed" and
 * the decision to send it agree. The agencies not expected come most
 * worrying first (declined, no reply, tentative).
 */
function forecastOf(list: readonly QuoracyAgency[]) {
  const forecast = forecastQuoracy(
    list.map((a) => ({ key: a.key, reply: a.rsvp, reportReceived: a.reportReceived })),
  );
  const byKey = new Map(list.map((a) => [a.key, a]));
  const atRisk = forecast.atRisk.map((s) => byKey.get(s.key)!);
  return { expected: forecast.expected, atRisk, notExpected: new Set(atRisk.map((a) => a.key)) };
}

const agencies = (n: number) => `${n} ${n === 1 ? "agency" : "agencies"}`;

/** "1 of the 2 agencies needed is expected", "none of the 2 agencies needed is expected yet". */
export function quoracyCountText(expected: number, needed: number): string {
  if (expected === 0) return `none of the ${agencies(needed)} needed is expected yet`;
  return `${expected} of the ${agencies(needed)} needed ${expected === 1 ? "is" : "are"} expected`;
}

/** "2 declined · 1 no reply · 2 tentative · 4 reports missing" (what is at zero is left out). */
export function tally(list: readonly QuoracyAgency[]): string {
  if (list.length === 0) return "No agency other than children's social care is invited";
  const n = (p: (a: QuoracyAgency) => boolean) => list.filter(p).length;
  const missing = n((a) => !a.reportReceived);
  const parts = [
    [n((a) => a.rsvp === "declined"), "declined"],
    [n((a) => a.rsvp === "none"), "no reply"],
    [n((a) => a.rsvp === "tentative"), "tentative"],
    [missing, missing === 1 ? "report missing" : "reports missing"],
  ] as const;
  const said = parts.filter(([count]) => count > 0).map(([count, what]) => `${count} ${what}`);
  return said.length > 0 ? said.join(" · ") : "Every agency has accepted and sent its report";
}

function whyAtRisk(a: QuoracyAgency): string {
  const reply = a.rsvp === "none" ? "no reply" : a.rsvp;
  return `${a.name} (${reply}, no report)`;
}

/**
 * The quoracy forecast to the chair and the clerk (Outlook replies and the quoracy forecast). At risk: a
 * headline with how many of the agencies needed are expected, each
 * agency's reply and report, and the actions: nudge one of the agencies
 * not expected, ask the social worker, or propose a stand-down as not
 * quorate (a proposal: the approval the policy names still decides,
 * docs/rules.md, stand-down). Quorate: the same card withdrawn, the agencies' state and no
 * actions. The preview names the case reference only; agency names are
 * organisations, never family members.
 */
export function buildQuoracyForecastCard(view: QuoracyForecastView): CardJson {
  if (!Number.isInteger(view.needed) || view.needed < 0)
    throw new RangeError(`needed must be a whole number ≥ 0, got ${view.needed}`);
  for (const a of view.agencies) {
    if (!AGENCY_KEY.test(a.key)) throw new RangeError(`agency key "${a.key}" is not [A-Za-z0-9_-]`);
  }
  if (new Set(view.agencies.map((a) => a.key)).size !== view.agencies.length)
    throw new RangeError("agency keys must be unique");
  const atRiskView = view.state === "at-risk";
  const { expected, atRisk, notExpected } = forecastOf(view.agencies);
  const startText = formatInstant(view.meetingStart);
  const count = quoracyCountText(expected, view.needed);
  const facts = [
    { title: "Meeting", value: `${view.meetingKind}, ${startText}` },
    { title: "Case", value: view.caseReference },
    { title: "Expected", value: `${expected} of ${view.agencies.length} invited` },
    ...(view.checkedAt ? [{ title: "Checked", value: formatInstant(view.checkedAt) }] : []),
  ];
  const onCard = new Set<string>(FIELDS);
  return expandCard(template, {
    fallbackText: atRiskView
      ? `At risk of being inquorate: ${view.meetingKind} for case ${view.caseReference}, ${startText} (${expected} of ${view.needed} agencies expected)`
      : `Now quorate: ${view.meetingKind} for case ${view.caseReference}, ${startText}; the warning is withdrawn`,
    caseId: view.caseId,
    meetingId: view.meetingId,
    cardVersion: view.cardVersion ?? "",
    bannerStyle: atRiskView ? "warning" : "good",
    headline: atRiskView
      ? `At risk of being inquorate: ${count}`
      : "Now quorate: the warning is withdrawn",
    subline: atRiskView
      ? tally(view.agencies)
      : `${count[0]!.toUpperCase()}${count.slice(1)}. No action is needed.`,
    sublineColor: atRiskView ? "Attention" : "Default",
    facts,
    agencies: view.agencies.map((a) => ({
      name: a.name,
      rsvpText: RSVP[a.rsvp].text,
      rsvpColor: RSVP[a.rsvp].color,
      reportText: a.reportReceived ? "Received" : "Missing",
      reportColor: notExpected.has(a.key) ? "Attention" : "Default",
    })),
    ruleText:
      "Quorate means at least 2 agencies other than children's social care attend or send a report, or all of them if fewer work with the family (an agency counts once it accepts or its report is in).",
    has: {
      nudge: atRiskView && atRisk.length > 0,
      askSocialWorker: atRiskView,
      proposeStandDown: atRiskView,
    },
    atRisk: atRisk.map((a) => ({ key: a.key, title: whyAtRisk(a) })),
    approvalText: `Standing down needs the approval of ${view.standDownApprover ?? "the manager your policy names"}; the meeting stays booked until then.`,
    v: inputValues(FIELDS, view.values, {}),
    e: fieldErrorsOn(FIELDS, view.errors),
    summary: errorSummary(view.errors, (f) => onCard.has(f)),
  });
}
