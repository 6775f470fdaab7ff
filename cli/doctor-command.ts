import type { TokenCredential } from "@azure/identity";
import { loadConfig, type BotConfig } from "../app/config";
import { authorityCheck } from "./doctor/authority-check";
import { botCheck } from "./doctor/bot-check";
import type { CheckResult } from "./doctor/check";
import { graphChecks, type GraphCheckDeps } from "./doctor/graph-checks";
import { storeChecks } from "./doctor/store-checks";
import { parseFlags } from "./args";
import type { CommandResult } from "./command-result";

export const DOCTOR_USAGE = "convene doctor [--json]";

export interface DoctorDeps {
  env?: NodeJS.ProcessEnv;
  now?: () => Date;
  graph?: GraphCheckDeps;
  botCredential?: (bot: BotConfig) => TokenCredential | undefined;
}

const MARK: Record<CheckResult["status"], string> = { pass: "ok  ", warn: "warn", fail: "FAIL" };

/**
 * `convene doctor`: the deep, on-demand check of a deployment's
 * configuration (GET /api/ready stays the light one). It opens what the
 * server would open, from the same environment (app/config.ts): the store,
 * Graph with its permissions and the Teams access policy, the bot's
 * identity and the authority file with its mailboxes and groups. Each
 * check prints with the fix for a failure; exit 1 if any failed.
 */
export async function runDoctor(
  argv: readonly string[],
  deps: DoctorDeps = {},
): Promise<CommandResult> {
  const flags = parseFlags(argv, { json: { type: "boolean" } } as const);
  const config = loadConfig(deps.env ?? process.env);
  const now = (deps.now ?? (() => new Date()))();
  const results: CheckResult[] = [];
  results.push(...(await storeChecks(config.store, now)));
  const authority = authorityCheck(config.authority);
  results.push(...authority.results);
  const targets = authority.targets ?? {
    organizer: config.calendar.organizer,
    rooms: [],
    groups: {},
  };
  results.push(...(await graphChecks(config.calendar, targets, deps.graph ?? {})));
  results.push(...(await botCheck(config.bot, deps.botCredential)));
  const failed = results.filter((r) => r.status === "fail").length;
  const output = flags.json
    ? `${JSON.stringify({ ok: failed === 0, failed, checks: results }, null, 2)}\n`
    : results
        .map(
          (r) =>
            `${MARK[r.status]} ${r.area}: ${r.name}: ${r.detail}${r.fix !== undefined ? `\n       fix: ${r.fix}` : ""}\n`,
        )
        .join("") + (failed === 0 ? "All checks passed.\n" : `${failed} check(s) failed.\n`);
  return { output, code: failed === 0 ? 0 : 1 };
}
