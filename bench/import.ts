/**
 * Go-live import benchmark. Run: npm run bench -- import (or node dist/bench/import.js [rows])
 *
 * 10,000 rows (one per child; about 7,000 cases of one to three children,
 * a fifth on plans with a last conference, a tenth looked after) through
 * the import's use case (whole-file validation, then each case saved with
 * its audit entry, its RCPC requested or CLA review opened) into a fresh
 * SQLite file; then, in the same process, the very documents that run wrote
 * (captured as they were written) written directly, one by one through the
 * same store calls, into another fresh file. Prints both and the ratio
 * (aim: under 2x).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { silentLogger } from "../app/logger";
import { demoAuthority } from "../app/demo/authority";
import type { AuditEntry } from "../model";
import type { MutableDocument, Store } from "../ports/store";
import { resolvePolicy } from "../rules";
import { SqliteStore } from "../store/sqlite/sqlite-store";
import { importCases, type ImportRow } from "../workflow/cases/import-cases";
import type { WorkflowDeps } from "../workflow/kernel/deps";

const out = (line: string): void => void process.stdout.write(`${line}\n`);

function rows(count: number): ImportRow[] {
  const list: ImportRow[] = [];
  let c = 0;
  while (list.length < count) {
    c++;
    const size = 1 + (c % 3 === 0 ? 2 : c % 2);
    const onPlan = c % 5 === 0;
    const lookedAfter = c % 10 === 3;
    for (let k = 0; k < size && list.length < count; k++) {
      list.push({
        line: list.length + 2,
        case_reference: `B-${c}`,
        child_id: `P${c}-${k}`,
        child_name: `Child ${c} ${k}`,
        dob: `20${10 + (c % 12)}-0${1 + (k % 9)}-1${k}`,
        social_worker: "sam.social@demo-council.example",
        team_manager: "tayo.manager@demo-council.example",
        ...(onPlan
          ? {
              cp_plan_start: "2025-03-03",
              cp_plan_category: "neglect",
              last_conference_date: "2025-03-17",
            }
          : {}),
        ...(lookedAfter && k === 0 ? { looked_after_since: "2025-06-02" } : {}),
      });
    }
  }
  return list;
}

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 10_000);
  const dir = mkdtempSync(join(tmpdir(), "convene-bench-import-"));
  const authority = demoAuthority("swindon");
  const written: ({ kind: "doc"; doc: MutableDocument } | { kind: "audit"; entry: AuditEntry })[] =
    [];
  const deps = (store: Store): WorkflowDeps => ({
    store,
    calendar: {} as never,
    replies: {} as never,
    notifier: {} as never,
    clock: () => new Date("2025-09-01T10:00:00.000Z"),
    authority,
    policy: resolvePolicy("swindon"),
    logger: silentLogger,
    kick: () => undefined,
  });
  try {
    const input = rows(count);
    const a = new SqliteStore({ file: join(dir, "import.sqlite") });
    const capture: Store = new Proxy(a, {
      get(target, prop, receiver) {
        const v = Reflect.get(target, prop, receiver) as unknown;
        if (typeof v !== "function") return v;
        const fn = (v as (...args: unknown[]) => unknown).bind(target);
        if (prop === "create" || prop === "replace")
          return async (doc: MutableDocument, ...rest: unknown[]) => {
            const r = await fn(doc, ...rest);
            written.push({ kind: "doc", doc });
            return r;
          };
        if (prop === "appendAudit")
          return async (entry: AuditEntry) => {
            const r = await fn(entry);
            written.push({ kind: "audit", entry });
            return r;
          };
        return fn;
      },
    });
    const t0 = performance.now();
    const report = await importCases(deps(capture), input, { dryRun: false });
    const importMs = performance.now() - t0;
    await a.close();
    if (report.errors.length > 0) throw new Error(`bench rows invalid: ${report.errors[0]?.error}`);

    const b = new SqliteStore({ file: join(dir, "direct.sqlite") });
    const t1 = performance.now();
    for (const w of written) {
      if (w.kind === "audit") await b.appendAudit(w.entry);
      else await b.create(w.doc);
    }
    const directMs = performance.now() - t1;
    await b.close();

    out(`rows: ${input.length}; cases: ${report.created}; documents written: ${written.length}`);
    out(`import (validate whole file, then save):  ${importMs.toFixed(0)} ms`);
    out(
      `same documents written directly:          ${directMs.toFixed(0)} ms  (baseline, same process)`,
    );
    out(`ratio: ${(importMs / directMs).toFixed(2)}x (aim: under 2x)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exitCode = 1;
});
