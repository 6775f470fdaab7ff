import { z } from "zod";
import { resolvePolicy } from "../rules/policy-registry";
import { schedule, type Schedule } from "../rules/schedule";
import { dateArg, firstIssue, parseFlags, policyArg, readOverrides } from "./args";
import { humanWhen, renderTable } from "./table";
import { UsageError } from "./usage-error";

const OPTIONS = {
  policy: { type: "string" },
  from: { type: "string" },
  to: { type: "string" },
  json: { type: "boolean" },
  overrides: { type: "string" },
} as const;

const ScheduleArgs = z
  .object({
    policy: policyArg,
    from: dateArg("--from").optional(),
    to: dateArg("--to").optional(),
    json: z.boolean().optional(),
    overrides: z.string().optional(),
  })
  .strict();

export const SCHEDULE_USAGE =
  "convene schedule --policy P --from DATE --to DATE [--overrides FILE] [--json]";

/** `convene schedule` (docs/rules.md, the timeline command): the recurring jobs in an inclusive date range. */
export function runSchedule(argv: readonly string[]): string {
  const parsed = ScheduleArgs.safeParse(parseFlags(argv, OPTIONS));
  if (!parsed.success) throw new UsageError(firstIssue(parsed.error));
  const { from, to } = parsed.data;
  if (from === undefined) throw new UsageError("--from is required (YYYY-MM-DD)");
  if (to === undefined) throw new UsageError("--to is required (YYYY-MM-DD)");
  const policy = resolvePolicy(parsed.data.policy, readOverrides(parsed.data.overrides));
  const result = schedule(policy, from, to);
  return parsed.data.json ? `${JSON.stringify(result, null, 2)}\n` : renderSchedule(result);
}

function renderSchedule(s: Schedule): string {
  const head = `${s.policy} · recurring jobs ${humanWhen(`${s.from}T00:00`).slice(0, -6)} to ${humanWhen(`${s.to}T00:00`).slice(0, -6)}\n\n`;
  if (s.entries.length === 0) return `${head}No recurring jobs in this range.\n`;
  const rows = s.entries.map((e) => [humanWhen(e.at), e.rule, e.kind, e.who.join(", "), e.text]);
  return head + renderTable(["When", "Job", "Kind", "Who", "What"], rows);
}
