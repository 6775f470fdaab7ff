import { readFileSync } from "node:fs";
import { loadStoreSettings } from "../app/config";
import { openCommandStore } from "./store";
import { recordsOf } from "../ports/records";
import { HeadsRecord } from "../workflow/data-protection/heads";
import { verifyAudit } from "../workflow/data-protection/verify";
import { parseFlags } from "./args";
import type { CommandResult } from "./command-result";
import { UsageError } from "./usage-error";

const OPTIONS = {
  heads: { type: "string", multiple: true },
  json: { type: "boolean" },
} as const;

export const AUDIT_USAGE = "convene audit verify [--heads FILE]... [--json]";

function readHeads(file: string): HeadsRecord {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch {
    throw new UsageError(`cannot read ${file} as JSON`);
  }
  const parsed = HeadsRecord.safeParse(raw);
  if (!parsed.success) throw new UsageError(`${file} is not a record of audit chain heads`);
  return parsed.data;
}

/**
 * `convene audit verify`: checks every audit partition's hash chain, and
 * each chain's tail against the heads recorded by the daily run (in the
 * store) and any given with --heads (the log's or the operations mailbox's
 * copy). Exit 0 when intact, 1 when something was edited, deleted or cut.
 */
export async function runAudit(argv: readonly string[]): Promise<CommandResult> {
  const [verb, ...rest] = argv;
  if (verb !== "verify") throw new UsageError('audit needs "verify"');
  const flags = parseFlags(rest, OPTIONS);
  const given = (flags.heads ?? []).map(readHeads);
  const store = recordsOf(await openCommandStore(loadStoreSettings()));
  try {
    const report = await verifyAudit(store, given);
    const output = flags.json
      ? `${JSON.stringify(report, null, 2)}\n`
      : (report.ok
          ? `Audit trail intact: ${report.entries} entries in ${report.partitions} partitions`
          : `Audit trail NOT intact: ${report.problems.length} problem(s) in ${report.partitions} partitions`) +
        (report.headsFrom.length > 0
          ? `, tails checked against heads recorded at ${report.headsFrom.join(", ")}`
          : ", no recorded heads to check the tails against") +
        (report.unchained > 0 ? `; ${report.unchained} entries predate the chain` : "") +
        ".\n" +
        report.problems.map((p) => `  ${p.kind}: ${p.message}\n`).join("");
    return { output, code: report.ok ? 0 : 1 };
  } finally {
    await store.close();
  }
}
