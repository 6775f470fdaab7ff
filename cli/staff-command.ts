import { z } from "zod";
import { loadConfig, loadStoreSettings } from "../app/config";
import { silentLogger } from "../app/logger";
import { loadAuthority } from "../app/load-authority";
import { createCalendar } from "../graph/create-calendar";
import { createPeople } from "../graph/create-people";
import { openCommandStore } from "./store";
import { resolvePolicy } from "../rules";
import type { WorkflowDeps } from "../workflow/kernel/deps";
import { refreshStaff } from "../workflow/staff/refresh";
import { syncStaff } from "../workflow/staff/staff-list";
import { firstIssue, parseFlags } from "./args";
import { UsageError } from "./usage-error";

const OPTIONS = { json: { type: "boolean" }, help: { type: "boolean" } } as const;
const StaffArgs = z.object({ json: z.boolean().optional(), help: z.boolean().optional() }).strict();

export const STAFF_USAGE = "convene staff refresh [--json]";

/**
 * `convene staff refresh`, for service owners: reads the staff list from
 * the Entra ID groups the authority names, now, as the daily task does;
 * stores it for every instance (they apply it within a minute), audits each
 * change. A refresh that fails keeps the last good list, tells the service
 * owners and exits 1. Opens the store, Graph and the authority from the same
 * environment as the server.
 */
export async function runStaff(argv: readonly string[]): Promise<string> {
  const [sub, ...rest] = argv;
  if (sub === "--help" || sub === "-h") return `usage: ${STAFF_USAGE}\n`;
  if (sub !== "refresh") throw new UsageError(`staff: expected "refresh" (usage: ${STAFF_USAGE})`);
  const parsed = StaffArgs.safeParse(parseFlags(rest, OPTIONS));
  if (!parsed.success) throw new UsageError(firstIssue(parsed.error));
  if (parsed.data.help === true) return `usage: ${STAFF_USAGE}\n`;
  // The authority first: without staffGroups there is nothing to refresh,
  // whatever else is configured.
  const authority = loadAuthority(loadStoreSettings().authority);
  if (authority.staffGroups === undefined) {
    throw new UsageError("the authority names no staffGroups: its staff list is the file's");
  }
  const config = loadConfig();
  if (config.calendar.kind !== "graph") {
    throw new UsageError("staffGroups needs Microsoft Graph (GRAPH_TENANT_ID and friends)");
  }
  const clock = () => new Date();
  const calendar = createCalendar(config.calendar, { logger: silentLogger, clock });
  const people = createPeople(config.calendar, { logger: silentLogger, clock }, {});
  const store = await openCommandStore(config);
  try {
    const deps: WorkflowDeps = {
      store,
      calendar,
      replies: calendar,
      // The command sends no cards: alerts go by email.
      notifier: {
        sendCard: async () => ({ outcome: "failed" }),
        updateCard: async () => ({ outcome: "failed" }),
      },
      clock,
      authority,
      policy: resolvePolicy(authority.policy, authority.overrides),
      logger: silentLogger,
      kick: () => undefined,
      directory: people.directory,
    };
    await syncStaff(deps);
    const outcome = await refreshStaff(deps, "on-demand");
    if (!outcome.ok) {
      throw new Error(
        `the staff list could not be refreshed (${outcome.code}); the last good list of ${outcome.kept} people is kept and the service owners were told`,
      );
    }
    if (parsed.data.json === true) return `${JSON.stringify(outcome, null, 2)}\n`;
    const counts = new Map<string, number>();
    for (const c of outcome.changes) counts.set(c.action, (counts.get(c.action) ?? 0) + 1);
    const lines = [
      `Staff list refreshed: ${outcome.people} people (version ${outcome.version}).`,
      ...[...counts].map(([action, n]) => `  ${action}: ${n}`),
      ...(outcome.withoutMailbox > 0
        ? [`  ${outcome.withoutMailbox} group member(s) have no mailbox and are left out.`]
        : []),
    ];
    return `${lines.join("\n")}\n`;
  } finally {
    await store.close();
    calendar.close();
    people.close();
  }
}
