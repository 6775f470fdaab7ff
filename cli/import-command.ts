import { readFileSync } from "node:fs";
import { loadStoreSettings } from "../app/config";
import { createLogger } from "../app/logger";
import { loadAuthority } from "../app/load-authority";
import { resolvePolicy } from "../rules";
import { openCommandStore } from "./store";
import type { CalendarPort, Notifier, RepliesPort } from "../ports";
import { ConfigError, loadConfig } from "../app/config";
import { createCalendar, type ClosableCalendar } from "../graph/create-calendar";
import type { WorkflowDeps } from "../workflow/kernel/deps";
import {
  IMPORT_COLUMNS,
  importCases,
  REQUIRED_COLUMNS,
  type ImportReport,
  type ImportRow,
} from "../workflow/cases/import-cases";
import { parseFlags } from "./args";
import { readCsv } from "./csv-read";
import { UsageError } from "./usage-error";

export const IMPORT_USAGE = "convene import cases FILE.csv [--dry-run] [--json]";

export const IMPORT_HELP = `${IMPORT_USAGE}

Loads the current caseload at go-live: one row per child, rows with the same
case_reference are one case. The whole file is checked first; if any row is
bad, every bad row is listed with its line number and nothing is written
(exit 2). A second run of the same file changes nothing; a run stopped part
way is completed by running it again.

  --dry-run   check the file and say what would change; write nothing
  --json      print {"created","updated","unchanged","errors"}

Columns (header row required, any order; see docs/cases-in.md):
  case_reference         the case system's reference (required)
  child_id               the case system's id for the child (required)
  child_name             (required)
  dob | expected_dob     date of birth, or expected date for an unborn child (YYYY-MM-DD)
  nhs_number             optional; ten digits, checked by its check digit
  index_child            yes on the index child's row (default: the first child)
  social_worker          email or Entra object id from the staff list (required)
  team_manager           email or Entra object id (required)
  service_manager        optional (default: the social worker's, from the staff list)
  team                   optional
  cp_plan_start          start of the child's current child protection plan
  cp_plan_category       neglect, physical, emotional, sexual or multiple
  last_conference_date   a child on a plan: the last conference; the next (RCPC)
                         is requested with its limit
  next_conference_date, next_conference_time, outlook_event_id
                         that RCPC already booked in Outlook (YYYY-MM-DD, HH:MM UK
                         time, the event's id in the organiser's calendar): the
                         event is read and linked, not created again; a row is
                         refused if the event is not there or starts at another time
  looked_after_since     a looked-after child: the day they became looked after
  last_cla_review_number, last_cla_review_date
                         the last CLA review held; the next is opened from it
                         (without them, review 1 is opened from looked_after_since)
`;

/** What the command prints and its exit code: bad rows go to stderr, one per line. */
export interface ImportOutput {
  stdout: string;
  stderr: string;
  exit: number;
}

const refuse = (what: string): never => {
  throw new Error(`${what} is not available to the import`);
};

function openCalendar(): ClosableCalendar {
  let calendar;
  try {
    calendar = loadConfig().calendar;
  } catch (err) {
    if (err instanceof ConfigError)
      throw new UsageError(`outlook_event_id needs the server's Outlook settings: ${err.message}`);
    throw err;
  }
  return createCalendar(calendar, {
    logger: createLogger("warn", process.stderr as never),
    // The command line is the top layer: the real clock is read here.
    clock: () => new Date(),
  });
}

export async function runImport(
  argv: readonly string[],
  io: { stderr: NodeJS.WritableStream & { isTTY?: boolean } },
): Promise<ImportOutput> {
  const [what, file, ...rest] = argv;
  if (what === "--help" || file === "--help" || rest.includes("--help"))
    return { stdout: IMPORT_HELP, stderr: "", exit: 0 };
  if (what !== "cases") throw new UsageError(`usage: ${IMPORT_USAGE}`);
  if (file === undefined || file.startsWith("--"))
    throw new UsageError(`a CSV file is required: ${IMPORT_USAGE}`);
  const flags = parseFlags(rest, { "dry-run": { type: "boolean" }, json: { type: "boolean" } });
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    throw new UsageError(`cannot read ${file}`);
  }
  const records = readCsv(text);
  const header = records.shift();
  if (header === undefined) throw new UsageError(`${file} is empty`);
  const names = header.fields.map((f) => f.trim().toLowerCase());
  const unknown = names.filter((n) => !(IMPORT_COLUMNS as readonly string[]).includes(n));
  if (unknown.length > 0)
    throw new UsageError(`unknown column ${unknown.join(", ")}; see convene import --help`);
  const absent = REQUIRED_COLUMNS.filter((c) => !names.includes(c));
  if (absent.length > 0) throw new UsageError(`missing column ${absent.join(", ")}`);
  const rows: ImportRow[] = records.map((r) => {
    const row: ImportRow = { line: r.line };
    names.forEach((n, i) => {
      (row as Record<string, unknown>)[n] = r.fields[i];
    });
    return row;
  });

  const config = loadStoreSettings();
  const authority = loadAuthority(config.authority);
  // Only a file that links events already in Outlook reads the calendar,
  // configured as the server's is (Microsoft Graph, or the demo's outbox).
  const calendar = rows.some((r) => (r.outlook_event_id ?? "").trim() !== "")
    ? openCalendar()
    : undefined;
  const store = await openCommandStore(config);
  const deps: WorkflowDeps = {
    store,
    calendar: calendar ?? (new Proxy({}, { get: () => () => refuse("Outlook") }) as CalendarPort),
    replies: new Proxy({}, { get: () => () => refuse("Outlook") }) as RepliesPort,
    notifier: new Proxy({}, { get: () => () => refuse("Teams") }) as Notifier,
    // The command line is the top layer: the real clock is read here.
    clock: () => new Date(),
    authority,
    policy: resolvePolicy(authority.policy, authority.overrides),
    logger: createLogger("warn", process.stderr as never),
    kick: () => undefined,
  };
  const tty = io.stderr.isTTY === true;
  let report: ImportReport;
  try {
    report = await importCases(deps, rows, {
      dryRun: flags["dry-run"] === true,
      ...(tty
        ? {
            progress: (done: number, total: number) => {
              if (done % 100 === 0 || done === total) io.stderr.write(`\r${done}/${total} cases`);
              if (done === total) io.stderr.write("\n");
            },
          }
        : {}),
    });
  } finally {
    await store.close();
    calendar?.close();
  }
  const bad = report.errors.map((e) => `line ${e.line}: ${e.error}\n`).join("");
  const summary = flags.json
    ? `${JSON.stringify(report)}\n`
    : report.errors.length > 0
      ? ""
      : `${flags["dry-run"] ? "would create" : "created"} ${report.created}, ${flags["dry-run"] ? "would update" : "updated"} ${report.updated}, unchanged ${report.unchanged}\n`;
  return {
    stdout: summary,
    stderr:
      report.errors.length > 0
        ? `convene: ${report.errors.length} bad rows; nothing written\n${bad}`
        : "",
    exit: report.errors.length > 0 ? 2 : 0,
  };
}
