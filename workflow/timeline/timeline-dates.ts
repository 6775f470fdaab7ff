import type { Timeline } from "../../rules";

/** The instant (ISO, UTC) of the first of `rules` in the timeline, for showing on a card. */
export function dueOf(timeline: Timeline, ...rules: string[]): string | undefined {
  for (const rule of rules) {
    const entry = timeline.entries.find((e) => e.rule === rule);
    if (entry !== undefined) return new Date(entry.at).toISOString();
  }
  return undefined;
}

export const INVITE_LIST_RULES = [
  "invite-list.due",
  "invite.rcpc",
  "cla.invite-list.due",
  "cla.report-and-invite-list",
];
export const POLICE_CHECK_RULES = ["police-checks.request"];
export const FAMILY_REPORT_RULES = ["report.family", "report.family-walkthrough"];
export const CHAIR_REPORT_RULES = ["report.chair-clerk", "reports.icpc", "reports.rcpc"];
