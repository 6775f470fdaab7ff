import type { TimelinessView } from "../../cards/timeliness/view-model";
import { formatHumanDate, type ResolvedPolicy } from "../../rules";
import type { Authority } from "../kernel/authority";
import { NATIONAL_ICPC_TIMELINESS } from "./national";
import type { Rate, Timeliness } from "./timeliness";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const fig = (r: Rate) => ({
  counted: r.counted,
  ...(r.percent !== undefined ? { percent: r.percent } : {}),
});

/** The timeliness card's view of the figures: national ICPC figures newest first. */
export function timelinessView(
  t: Timeliness & { unreadable?: number },
  ctx: { authority: Authority; policy: ResolvedPolicy },
): TimelinessView {
  const cal = ctx.policy.calendar;
  const day = (iso: string) => cal.toLocal(Date.parse(iso)).day;
  const name = (id: string) =>
    ctx.authority.staff.find((s) => s.entraObjectId === id)?.name ?? "Unknown";
  return {
    title: `Timeliness: ${ctx.authority.name}`,
    periodText: `${formatHumanDate(day(t.from))} to ${formatHumanDate(day(t.to) - 1)}`,
    ...(t.unreadable !== undefined && t.unreadable > 0 ? { unreadable: t.unreadable } : {}),
    rows: [
      {
        label: "Children whose ICPC was within 15 working days of the strategy discussion",
        ...fig(t.icpc.overall),
        national: [...NATIONAL_ICPC_TIMELINESS]
          .reverse()
          .map((n) => ({ label: `England ${n.year}`, percent: n.percent })),
      },
      { label: "RCPCs within their limit", ...fig(t.rcpc.overall) },
      { label: "CLA reviews within their limit", ...fig(t.cla.overall) },
      { label: "Reports shared with the family on time", ...fig(t.reportsSharedOnTime) },
      { label: "Invite lists on time", ...fig(t.inviteListsOnTime) },
    ],
    breakdownLabel: "Children whose ICPC was within 15 working days",
    months: Object.entries(t.icpc.byMonth)
      .slice(-12)
      .map(([ym, r]) => ({
        label: `${MONTHS[Number(ym.slice(5, 7)) - 1]} ${ym.slice(0, 4)}`,
        ...fig(r),
      })),
    teams: Object.entries(t.icpc.byTeam).map(([id, r]) => ({
      name: `${name(id)}'s team`,
      ...fig(r),
    })),
    chairs: Object.entries(t.icpc.byChair).map(([id, r]) => ({ name: name(id), ...fig(r) })),
  };
}
