import { z } from "zod";
import { loadStoreSettings } from "../app/config";
import { createLogger } from "../app/logger";
import { unreadableText } from "../cards/common/list";
import { loadAuthority } from "../app/load-authority";
import { openCommandStore } from "./store";
import { formatHumanDate, resolvePolicy, type ResolvedPolicy } from "../rules";
import type { Authority } from "../workflow/kernel/authority";
import { NATIONAL_ICPC_TIMELINESS } from "../workflow/stats/national";
import { loadTimeliness } from "../workflow/stats/load-timeliness";
import { qaNoticeCounts, type QaTeamCount } from "../workflow/after-meeting/qa-counts";
import type { Rate, Timeliness } from "../workflow/stats/timeliness";
import { dateArg, firstIssue, parseFlags } from "./args";
import { renderTable } from "./table";
import { UsageError } from "./usage-error";

const OPTIONS = {
  from: { type: "string" },
  to: { type: "string" },
  json: { type: "boolean" },
} as const;

const StatsArgs = z
  .object({
    from: dateArg("--from").optional(),
    to: dateArg("--to").optional(),
    json: z.boolean().optional(),
  })
  .strict();

export const STATS_USAGE = "convene stats --from DATE --to DATE [--json]";

/**
 * `convene stats` (Outlook replies and the quoracy forecast): the council's timeliness for meetings held
 * from --from to --to inclusive, counted the national way, beside the
 * national ICPC figures. Reads the configured store (DATA_DIR or Cosmos)
 * and authority (AUTHORITY_FILE or the demo one).
 */
export async function runStats(argv: readonly string[]): Promise<string> {
  const parsed = StatsArgs.safeParse(parseFlags(argv, OPTIONS));
  if (!parsed.success) throw new UsageError(firstIssue(parsed.error));
  const { from, to } = parsed.data;
  if (from === undefined) throw new UsageError("--from is required (YYYY-MM-DD)");
  if (to === undefined) throw new UsageError("--to is required (YYYY-MM-DD)");
  if (to < from) throw new UsageError("--to must not be before --from");
  const config = loadStoreSettings();
  const authority = loadAuthority(config.authority);
  const policy = resolvePolicy(authority.policy, authority.overrides);
  const range = {
    from: new Date(policy.calendar.toInstant(from, 0)),
    to: new Date(policy.calendar.toInstant(to + 1, 0)),
  };
  const store = await openCommandStore(config);
  try {
    // A booked meeting whose start has passed counts as held: "passed" is
    // now, read here at the command line (the top layer), never below it.
    // What cannot be read is set aside and raised like anywhere else; the
    // running server's scheduler tells the service owners at its next sweep.
    const figures = await loadTimeliness(
      {
        store,
        policy,
        clock: () => new Date(),
        kick: () => undefined,
        logger: createLogger("warn", process.stderr as never),
      },
      { ...range, now: new Date() },
    );
    // West Sussex: the chairs' QA notices, counted per team for the performance team.
    const qaNotices = await qaNoticeCounts(store, range);
    const result = {
      ...figures,
      qaNotices,
      policy: policy.id,
      national: { icpc: NATIONAL_ICPC_TIMELINESS },
    };
    return parsed.data.json
      ? `${JSON.stringify(result, null, 2)}\n`
      : renderStats(figures, policy, authority, { from, to }) + renderQa(qaNotices);
  } finally {
    await store.close();
  }
}

const pct = (r: Rate) => (r.percent === undefined ? "–" : `${r.percent.toFixed(1)}%`);

function renderStats(
  t: Timeliness & { unreadable: number },
  policy: ResolvedPolicy,
  authority: Authority,
  days: { from: number; to: number },
): string {
  const national = NATIONAL_ICPC_TIMELINESS.map((n) => `${n.percent}% (${n.year})`).join(", ");
  const name = (id: string) => authority.staff.find((s) => s.entraObjectId === id)?.name ?? id;
  const rows: string[][] = [
    [
      "Children whose ICPC was within 15 working days of the strategy discussion",
      pct(t.icpc.overall),
      String(t.icpc.overall.counted),
      national,
    ],
    ["RCPCs within their limit", pct(t.rcpc.overall), String(t.rcpc.overall.counted), ""],
    ["CLA reviews within their limit", pct(t.cla.overall), String(t.cla.overall.counted), ""],
    [
      "Reports shared with the family on time",
      pct(t.reportsSharedOnTime),
      String(t.reportsSharedOnTime.counted),
      "",
    ],
    ["Invite lists on time", pct(t.inviteListsOnTime), String(t.inviteListsOnTime.counted), ""],
  ];
  const part = (title: string, byKey: Record<string, Rate>, label: (k: string) => string) =>
    Object.keys(byKey).length === 0
      ? ""
      : `\n${title}\n` +
        renderTable(
          ["", "on time", "counted"],
          Object.entries(byKey).map(([k, r]) => [label(k), pct(r), String(r.counted)]),
        );
  return (
    `Timeliness, ${formatHumanDate(days.from)} to ${formatHumanDate(days.to)} (policy ${policy.id})\n\n` +
    renderTable(["measure", "council", "counted", "England"], rows) +
    part("Children's ICPCs by month", t.icpc.byMonth, (k) => k) +
    part("Children's ICPCs by team (team manager)", t.icpc.byTeam, name) +
    part("Children's ICPCs by chair", t.icpc.byChair, name) +
    (t.unreadable > 0
      ? `\n${unreadableText(t.unreadable) ?? ""}: these figures leave them out.\n`
      : "")
  );
}

function renderQa(counts: readonly QaTeamCount[]): string {
  if (counts.length === 0) return "";
  return (
    "\nQA notices by team\n" +
    renderTable(
      ["team", "good practice", "dispute resolution"],
      counts.map((c) => [c.team, String(c.goodPractice), String(c.disputeResolution)]),
    )
  );
}
