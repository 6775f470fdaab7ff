import { ConfigError } from "../app/config";
import { RulesInputError } from "../rules/errors";
import { runSchedule, SCHEDULE_USAGE } from "./schedule-command";
import { runStaff, STAFF_USAGE } from "./staff-command";
import { runStats, STATS_USAGE } from "./stats-command";
import { IMPORT_USAGE, runImport } from "./import-command";
import { runTimeline, TIMELINE_USAGE } from "./timeline-command";
import { runSubject, SUBJECT_USAGE } from "./subject-command";
import { AUDIT_USAGE, runAudit } from "./audit-command";
import { DOCTOR_USAGE, runDoctor } from "./doctor-command";
import type { CommandResult } from "./command-result";
import { runTasks, TASKS_USAGE } from "./tasks-command";
import { QUARANTINE_USAGE, runQuarantine } from "./quarantine-command";
import { EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, UsageError } from "./usage-error";

export interface Io {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
}

const USAGES: Readonly<Record<string, string>> = {
  timeline: TIMELINE_USAGE,
  schedule: SCHEDULE_USAGE,
  stats: STATS_USAGE,
  subject: SUBJECT_USAGE,
  audit: AUDIT_USAGE,
  tasks: TASKS_USAGE,
  quarantine: QUARANTINE_USAGE,
  staff: STAFF_USAGE,
  import: IMPORT_USAGE,
  doctor: DOCTOR_USAGE,
};

const USAGE = `usage:\n${Object.values(USAGES)
  .map((u) => `  ${u}\n`)
  .join("")}`;

type Command = (
  argv: readonly string[],
) => string | CommandResult | Promise<string | CommandResult>;

const COMMANDS: Readonly<Record<string, Command>> = {
  timeline: runTimeline,
  schedule: runSchedule,
  stats: runStats,
  subject: runSubject,
  audit: runAudit,
  tasks: runTasks,
  quarantine: runQuarantine,
  staff: runStaff,
  doctor: (argv) => runDoctor(argv),
};
const KNOWN = Object.keys(COMMANDS).join(", ");

/**
 * The `convene` command (bin/convene.js). A thin router: each command
 * returns its whole output, so bad input leaves stdout untouched and costs
 * exactly one line on stderr with exit 2.
 */
export async function main(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined) {
    io.stderr.write(`convene: a command is required (${KNOWN}); try convene --help\n`);
    return EXIT_USAGE;
  }
  if (command === "--help" || command === "-h" || command === "help") {
    io.stdout.write(USAGE);
    return EXIT_OK;
  }
  if (command === "import") {
    try {
      const out = await runImport(rest, io);
      io.stdout.write(out.stdout);
      io.stderr.write(out.stderr);
      return out.exit;
    } catch (error) {
      return failed(error, io);
    }
  }
  const run = COMMANDS[command];
  if (run === undefined) {
    io.stderr.write(`convene: unknown command "${oneLine(command)}" (known: ${KNOWN})\n`);
    return EXIT_USAGE;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    io.stdout.write(`usage:\n  ${USAGES[command] ?? command}\n`);
    return EXIT_OK;
  }
  try {
    const result = await run(rest);
    if (typeof result === "string") {
      io.stdout.write(result);
      return EXIT_OK;
    }
    io.stdout.write(result.output);
    return result.code ?? EXIT_OK;
  } catch (error) {
    return failed(error, io);
  }
}

function failed(error: unknown, io: Io): number {
  if (
    error instanceof UsageError ||
    error instanceof RulesInputError ||
    error instanceof ConfigError
  ) {
    io.stderr.write(`convene: ${oneLine(error.message)}\n`);
    return EXIT_USAGE;
  }
  io.stderr.write(
    `convene: internal error: ${oneLine(error instanceof Error ? error.message : String(error))}\n`,
  );
  return EXIT_INTERNAL;
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, " ");
}
