import { agencyKey } from "../reports/agencies";
import type { Case, InviteList, Meeting, ReportStatus } from "../../model";
import type { AgencyStanding } from "../../rules/quoracy";

/**
 * Children's social care runs the conference; it is not one of the "other
 * agencies" docs/rules.md, stand-down counts. Matched on the agency's key.
 */
const OWN_AGENCY = /^(children-?s-)?(social-care|social-services|services)$|^csc$/;

export interface AgencyView extends AgencyStanding {
  name: string;
}

/**
 * Each agency invited to a meeting (the professionals of the invite list,
 * grouped by agency) with its best reply and whether its report is in: an
 * agency is as good as its best answer (one accepting officer is enough).
 */
export function agencyStandings(
  list: InviteList | undefined,
  reports: ReportStatus | undefined,
): AgencyView[] {
  const rank = { accepted: 3, tentative: 2, declined: 1, pending: 0 } as const;
  const out = new Map<string, AgencyView>();
  for (const i of list?.invitees ?? []) {
    if (i.relation !== "professional" || i.agency === undefined) continue;
    const key = agencyKey(i.agency);
    if (OWN_AGENCY.test(key)) continue;
    const reply = i.rsvp === "pending" ? "none" : i.rsvp;
    const current = out.get(key);
    const better =
      current === undefined ||
      rank[i.rsvp] > rank[current.reply === "none" ? "pending" : current.reply];
    if (better)
      out.set(key, { key, name: i.agency, reply, reportReceived: reports?.agencies[key] === true });
  }
  return [...out.values()].sort((a, b) => a.key.localeCompare(b.key));
}

export type { Case, Meeting };
