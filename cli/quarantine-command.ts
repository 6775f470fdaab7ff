import { readFileSync } from "node:fs";
import { loadStoreSettings } from "../app/config";
import type { Incident } from "../model";
import type { QuarantinedRef, Store } from "../ports/store";
import { unreadableIncidentId } from "../workflow/kernel/unreadable";
import { heldWithId, restoreRecord } from "../workflow/failures/restore-record";
import { parseFlags } from "./args";
import { openCommandStore } from "./store";
import { humanWhen, renderTable } from "./table";
import { UsageError } from "./usage-error";

export const QUARANTINE_USAGE =
  "convene quarantine list [--json] | quarantine show ID [--json] | quarantine restore ID --file FILE";

/**
 * `convene quarantine` for operators: `list` every record set aside because
 * it could not be read, by where it was held and why, with the incident
 * that raised it and whether that is still open (a list keeps counting it
 * until then), never its raw form; `show ID` the raw form of one, to this
 * terminal only (it may name a child), for the person putting it right;
 * `restore ID --file FILE` the corrected record back in its place, only if
 * it passes its schema, audited, its incident marked handled
 * (docs/failure-handling.md). Opens the store from the same environment as
 * the server (app/config.ts).
 */
export async function runQuarantine(argv: readonly string[]): Promise<string> {
  const [sub, ...rest] = argv;
  if (sub === undefined) throw new UsageError(`a subcommand is required: ${QUARANTINE_USAGE}`);
  if (sub !== "list" && sub !== "show" && sub !== "restore")
    throw new UsageError(`unknown quarantine subcommand "${sub}" (known: list, show, restore)`);
  if (sub === "list") {
    const flags = parseFlags(rest, { json: { type: "boolean" } });
    return withStore((store) => list(store, flags.json === true));
  }
  const [id, ...more] = rest;
  if (id === undefined || id.startsWith("-"))
    throw new UsageError(`a record id is required: ${QUARANTINE_USAGE}`);
  if (sub === "show") {
    const flags = parseFlags(more, { json: { type: "boolean" } });
    return withStore((store) => show(store, id, flags.json === true));
  }
  const flags = parseFlags(more, { file: { type: "string" } });
  if (flags.file === undefined)
    throw new UsageError("--file FILE (the corrected record) is required");
  const corrected = readCorrected(flags.file);
  return withStore((store) => restore(store, id, corrected));
}

async function withStore(run: (store: Store) => Promise<string>): Promise<string> {
  const store = await openCommandStore(loadStoreSettings());
  try {
    return await run(store);
  } finally {
    await store.close();
  }
}

/**
 * The raw form, for an operator putting the record right: it may name a
 * child, so it goes to this terminal only, never to a log or a card.
 */
async function show(store: Store, id: string, json: boolean): Promise<string> {
  const held = await heldWithId(store, id);
  if (held.length === 0)
    throw new UsageError(`no quarantined record "${id}" (see convene quarantine list)`);
  const records = [];
  for (const ref of held) {
    if (ref.recordType === "audit-entry") continue;
    const found = await store.quarantinedRecord(ref.recordType, ref.pk, ref.id);
    if (found !== undefined) records.push(found);
  }
  if (json)
    return `${JSON.stringify({ records: records.map((r) => ({ ...r.ref, raw: r.raw })) }, null, 2)}\n`;
  return records
    .map((r) =>
      [
        `${r.ref.recordType} ${r.ref.id} (partition ${r.ref.pk}), set aside ${humanWhen(r.ref.quarantinedAt)}`,
        `Why: ${r.ref.reason}`,
        "As stored:",
        prettyRaw(r.raw),
        "",
        `Put it right in a file and run: convene quarantine restore ${r.ref.id} --file FILE`,
        "",
      ].join("\n"),
    )
    .join("\n");
}

function prettyRaw(raw: string): string {
  try {
    return JSON.stringify(JSON.parse(raw), null, 2);
  } catch {
    return raw;
  }
}

function readCorrected(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    throw new UsageError(`cannot read ${file}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new UsageError(`${file} is not JSON`);
  }
}

async function restore(store: Store, id: string, corrected: unknown): Promise<string> {
  // The command line reads the real clock: it is the top layer.
  const outcome = await restoreRecord({ store, clock: () => new Date() }, corrected, id);
  if (!outcome.ok) throw new UsageError(outcome.reason);
  return `${outcome.ref.recordType} ${id} is back in place${
    outcome.incidentClosed ? "; its incident is marked handled" : ""
  }.\n`;
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
