import { loadStoreSettings } from "../app/config";
import type { Incident } from "../model";
import type { QuarantinedRef, Store } from "../ports/store";
import { unreadableIncidentId } from "../workflow/kernel/unreadable";
import { parseFlags } from "./args";
import { openCommandStore } from "./store";
import { humanWhen, renderTable } from "./table";
import { UsageError } from "./usage-error";

export const QUARANTINE_USAGE = "convene quarantine list [--json]";

/**
 * `convene quarantine list` for operators: every record set aside because it
 * could not be read, by where it was held and why, with the incident that
 * raised it and whether that is still open (a list keeps counting it until
 * then). Never its raw form: that stays in the store for a person to put
 * right (docs/failure-handling.md). Opens the store from the same
 * environment as the server (app/config.ts).
 */
export async function runQuarantine(argv: readonly string[]): Promise<string> {
  const [sub, ...rest] = argv;
  if (sub === undefined) throw new UsageError(`a subcommand is required: ${QUARANTINE_USAGE}`);
  if (sub !== "list") throw new UsageError(`unknown quarantine subcommand "${sub}" (known: list)`);
  const flags = parseFlags(rest, { json: { type: "boolean" } });
  const store = await openCommandStore(loadStoreSettings());
  try {
    return await list(store, flags.json === true);
  } finally {
    await store.close();
  }
}

interface Row {
  recordType: string;
  id: string;
  pk: string;
  quarantinedAt: string;
  reason: string;
  incident: string;
  incidentStatus: Incident["status"] | "none";
}

async function list(store: Store, json: boolean): Promise<string> {
  const [held, incidents] = await Promise.all([store.quarantined(), store.listAll("incident")]);
  const byId = new Map(incidents.items.map((i) => [i.id, i]));
  const rows: Row[] = held.map((q: QuarantinedRef) => {
    const id = unreadableIncidentId({ type: q.recordType, pk: q.pk, id: q.id });
    return {
      recordType: q.recordType,
      id: q.id,
      pk: q.pk,
      quarantinedAt: q.quarantinedAt,
      reason: q.reason,
      incident: id,
      incidentStatus: byId.get(id)?.status ?? "none",
    };
  });
  const open = rows.filter((r) => r.incidentStatus === "open").length;
  if (json) return `${JSON.stringify({ count: rows.length, open, records: rows }, null, 2)}\n`;
  if (rows.length === 0) return "No record is quarantined.\n";
  return (
    renderTable(
      ["Set aside", "Type", "Record", "Partition", "Incident", "Reason"],
      rows.map((r) => [
        humanWhen(r.quarantinedAt),
        r.recordType,
        r.id,
        r.pk,
        r.incidentStatus,
        r.reason,
      ]),
    ) +
    `\n${rows.length} record(s) quarantined, ${open} still open (counted by the lists until marked handled).\n`
  );
}
