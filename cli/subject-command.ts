import { writeFileSync } from "node:fs";
import { z } from "zod";
import { loadStoreSettings } from "../app/config";
import { loadAuthority } from "../app/load-authority";
import { openCommandStore } from "./store";
import { recordsOf } from "../ports/records";
import {
  ERASURE_REASONS,
  SubjectNotFound,
  eraseSubject,
  exportSubject,
  findSubject,
  type ChildIdentity,
} from "../workflow/data-protection/subject";
import { dateArg, firstIssue, parseFlags } from "./args";
import { formatIsoDate } from "../rules/calendar/day-number";
import { UsageError } from "./usage-error";
import type { CommandResult } from "./command-result";

const OPTIONS = {
  case: { type: "string" },
  child: { type: "string" },
  dob: { type: "string" },
  out: { type: "string" },
  reason: { type: "string" },
  approver: { type: "string" },
  json: { type: "boolean" },
} as const;

/** Staff who may approve an erasure: senior managers the council names as such. */
const APPROVER_ROLES = ["director", "service-manager", "safeguarding-manager"] as const;

export const SUBJECT_USAGE =
  "convene subject export --case REF --child NHS_NUMBER|NAME [--dob DATE] [--out FILE] [--json]\n" +
  `  convene subject erase --case REF --child NHS_NUMBER|NAME [--dob DATE] --reason ${ERASURE_REASONS.join("|")} --approver OBJECT_ID|EMAIL [--json]`;

/** NHS numbers end in a modulus 11 check digit (NHS Data Dictionary, "NHS Number"). */
export function validNhsNumber(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  const sum = [...digits.slice(0, 9)].reduce((acc, d, i) => acc + Number(d) * (10 - i), 0);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === Number(digits[9]);
}

const Args = z
  .object({
    case: z
      .string({ error: "--case is required (the case reference)" })
      .trim()
      .min(1, "--case is empty"),
    child: z
      .string({ error: "--child is required (the NHS number, or the name with --dob)" })
      .trim()
      .min(1, "--child is empty"),
    dob: dateArg("--dob").optional(),
    out: z.string().min(1).optional(),
    reason: z.string().optional(),
    approver: z.string().optional(),
    json: z.boolean().optional(),
  })
  .strict();

function identity(args: z.infer<typeof Args>): ChildIdentity {
  if (/^[\d\s]+$/.test(args.child)) {
    const digits = args.child.replace(/\s+/g, "");
    if (!validNhsNumber(digits))
      throw new UsageError("--child is not a valid NHS number (10 digits, check digit)");
    if (args.dob !== undefined) throw new UsageError("--dob goes with a name, not an NHS number");
    return { reference: args.case, nhsNumber: digits };
  }
  if (args.dob === undefined) throw new UsageError("--dob is required with a name (YYYY-MM-DD)");
  return { reference: args.case, name: args.child, dob: formatIsoDate(args.dob) };
}

/**
 * `convene subject export|erase` (docs/data-protection.md): a subject
 * access request answered as JSON, or a child's records erased with the
 * reason and the approver recorded. Reads the store and authority the
 * server uses (DATA_DIR or Cosmos; AUTHORITY_FILE).
 */
export async function runSubject(argv: readonly string[]): Promise<CommandResult> {
  const [verb, ...rest] = argv;
  if (verb !== "export" && verb !== "erase")
    throw new UsageError('subject needs "export" or "erase"');
  const parsed = Args.safeParse(parseFlags(rest, OPTIONS));
  if (!parsed.success) throw new UsageError(firstIssue(parsed.error));
  const args = parsed.data;
  const who = identity(args);
  let reason: (typeof ERASURE_REASONS)[number] | undefined;
  let approver: string | undefined;
  const config = loadStoreSettings();
  if (verb === "erase") {
    if (args.out !== undefined) throw new UsageError("--out is for export");
    const r = ERASURE_REASONS.find((x) => x === args.reason);
    if (r === undefined)
      throw new UsageError(`--reason is required: one of ${ERASURE_REASONS.join(", ")}`);
    reason = r;
    if (args.approver === undefined) throw new UsageError("--approver is required");
    const authority = loadAuthority(config.authority);
    const wanted = args.approver.toLowerCase();
    const staff = authority.staff.find(
      (s) => s.entraObjectId.toLowerCase() === wanted || s.email.toLowerCase() === wanted,
    );
    if (staff === undefined) throw new UsageError("--approver is not a member of staff");
    if (!staff.roles.some((role) => (APPROVER_ROLES as readonly string[]).includes(role)))
      throw new UsageError(`--approver must be a ${APPROVER_ROLES.join(", ")}`);
    approver = staff.entraObjectId;
  } else if (args.reason !== undefined || args.approver !== undefined) {
    throw new UsageError("--reason and --approver are for erase");
  }
  const store = recordsOf(await openCommandStore(config));
  try {
    let subject;
    try {
      subject = await findSubject(store, who);
    } catch (err) {
      if (err instanceof SubjectNotFound) throw new UsageError(err.message);
      throw err;
    }
    // The command line is the top layer: the real clock is read here.
    const now = new Date();
    if (verb === "export") {
      const data = await exportSubject(store, subject, now);
      const text = `${JSON.stringify(data, null, 2)}\n`;
      if (args.out === undefined) return { output: text };
      writeFileSync(args.out, text, { mode: 0o600 });
      const summary = {
        file: args.out,
        meetings: data.meetings.length,
        notifications: data.notifications.length,
        auditEntries: data.audit.length,
      };
      return {
        output: args.json
          ? `${JSON.stringify(summary, null, 2)}\n`
          : `Wrote ${args.out}: ${summary.meetings} meetings, ${summary.notifications} messages, ${summary.auditEntries} audit entries.\n`,
      };
    }
    const report = await eraseSubject(store, subject, {
      reason: reason as (typeof ERASURE_REASONS)[number],
      approver: approver as string,
      at: now,
    });
    const ok = report.remaining.length === 0;
    const output = args.json
      ? `${JSON.stringify({ ok, ...report }, null, 2)}\n`
      : ok
        ? `Erased: ${report.deleted} records deleted, ${report.redacted} redacted, ${report.keysDestroyed} keys destroyed${report.caseErased ? "; the case is gone" : ""}.\n`
        : `Erasure incomplete: ${report.remaining.length} records still hold the child's details: ${report.remaining.map((r) => `${r.container}/${r.id}`).join(", ")}\n`;
    return { output, code: ok ? 0 : 1 };
  } finally {
    await store.close();
  }
}
