/**
 * docs/rules.md, stand-down (Leicestershire, Swindon): a conference is quorate when at least 2
 * agencies other than children's social care are present or have sent a
 * report, unless fewer than 2 work with the family (then all of those).
 * The chair decides on the day; this is the forecast that warns them
 * before it: an agency counts as expected when it has accepted the
 * invitation or its report is in. Tentative, declined and no reply do not
 * count: a tentative reply is exactly the doubt the chair needs to know of.
 */
export type AgencyReply = "accepted" | "tentative" | "declined" | "none";

export interface AgencyStanding {
  key: string;
  reply: AgencyReply;
  reportReceived: boolean;
}

export interface QuoracyForecast {
  quorate: boolean;
  /** Agencies expected: accepted, or report in. */
  expected: number;
  /** How many are needed: 2, or every agency invited when fewer than 2 work with the family. */
  needed: number;
  /** The agencies not expected, most worrying first (declined, no reply, tentative). */
  atRisk: AgencyStanding[];
}

export const QUORUM = 2;

const WORRY: Record<AgencyReply, number> = { declined: 0, none: 1, tentative: 2, accepted: 3 };

export function forecastQuoracy(agencies: readonly AgencyStanding[]): QuoracyForecast {
  const expectedOf = (a: AgencyStanding) => a.reply === "accepted" || a.reportReceived;
  const expected = agencies.filter(expectedOf).length;
  const needed = Math.min(QUORUM, agencies.length);
  const atRisk = agencies
    .filter((a) => !expectedOf(a))
    .sort((a, b) => WORRY[a.reply] - WORRY[b.reply] || a.key.localeCompare(b.key));
  return { quorate: expected >= needed, expected, needed, atRisk };
}
