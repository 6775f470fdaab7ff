import { ConfigError } from "../app/config";
import { RulesInputError } from "../rules/errors";
import { runSchedule, SCHEDULE_USAGE } from "./schedule-command";
import { runStats, STATS_USAGE } from "./stats-command";
import { IMPORT_USAGE, runImport } from "./import-command";
import { runTimeline, TIMELINE_USAGE } from "./timeline-command";
import { EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, UsageError } from "./usage-error";

export interface Io {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
}

const USAGE = `usage:\n  ${TIMELINE_USAGE}\n  ${SCHEDULE_USAGE}\n  ${STATS_USAGE}\n  ${IMPORT_USAGE}\n`;

const COMMANDS: Readonly<Record<string, (argv: readonly string[]) => string | Promise<string>>> = {
  timeline: runTimeline,
  schedule: runSchedule,
  stats: runStats,
};

/**
 * The `convene` command (bin/convene.js). A thin router: each command
 * returns its whole output, so bad input leaves stdout untouched and costs
 * exactly one line on stderr with exit 2.
 */
export async function main(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined) {
    io.stderr.write(
      `convene: a command is required (timeline, schedule, stats or import); try convene --help\n`,
    );
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
    io.stderr.write(
      `convene: unknown command "${oneLine(command)}" (known: timeline, schedule, stats, import)\n`,
    );
    return EXIT_USAGE;
  }
  try {
    io.stdout.write(await run(rest));
    return EXIT_OK;
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
