import { readFileSync } from "node:fs";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { z } from "zod";
import { MEETING_KINDS, MeetingKind } from "../model/meeting-kind";
import { parseIsoDate } from "../rules/calendar/day-number";
import { parseLocalDateTime } from "../rules/local-date-time";
import { POLICY_IDS, isPolicyId } from "../rules/policy-registry";
import type { PolicyOverrides } from "../rules/overrides";
import { UsageError } from "./usage-error";

type Options = NonNullable<ParseArgsConfig["options"]>;

/**
 * `util.parseArgs` in strict mode (unknown flags and stray arguments are
 * errors), with its messages kept to one line and our wording.
 */
export function parseFlags<O extends Options>(argv: readonly string[], options: O) {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options,
      strict: true,
      allowPositionals: false,
      tokens: true,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new UsageError(message ?? "bad arguments");
  }
  // parseArgs lets the last of a repeated flag win; two meeting dates (or two
  // policies) is a slip to point out, not a choice to make silently.
  const seen = new Set<string>();
  for (const token of parsed.tokens) {
    if (token.kind !== "option") continue;
    if (seen.has(token.name)) throw new UsageError(`--${token.name} is given more than once`);
    seen.add(token.name);
  }
  return parsed.values;
}

/** The first problem zod found, as one line. */
export function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue?.message ?? "bad arguments";
}

/** Runs a rules parser inside zod so its message becomes the issue's. */
function viaRules<T>(parse: (s: string) => T) {
  return (value: string, ctx: z.RefinementCtx): T => {
    try {
      return parse(value);
    } catch (error) {
      ctx.addIssue({
        code: "custom",
        message: error instanceof Error ? error.message : String(error),
      });
      return z.NEVER;
    }
  };
}

export const policyArg = z.string({ error: "--policy is required" }).transform((value, ctx) => {
  if (isPolicyId(value)) return value;
  ctx.addIssue({
    code: "custom",
    message: `unknown policy "${value}" (known: ${POLICY_IDS.join(", ")})`,
  });
  return z.NEVER;
});

/** Meeting kinds are matched case-insensitively ("icpc" is ICPC). */
export const meetingArg = z
  .string({ error: `--meeting is required (${MEETING_KINDS.join(", ")})` })
  .transform((value, ctx): MeetingKind => {
    const parsed = MeetingKind.safeParse(value.toUpperCase());
    if (parsed.success) return parsed.data;
    ctx.addIssue({
      code: "custom",
      message: `unknown meeting kind "${value}" (known: ${MEETING_KINDS.join(", ")})`,
    });
    return z.NEVER;
  });

export const dateArg = (flag: string) =>
  z.string().transform(viaRules((s) => parseIsoDate(s, flag)));
export const localDateTimeArg = (flag: string) =>
  z.string().transform(viaRules((s) => parseLocalDateTime(s, flag)));

export const reviewArg = z
  .string()
  .regex(/^[1-9]\d{0,3}$/, "--review must be a positive whole number (1 for the first CLA review)")
  .transform(Number);

/**
 * `--overrides FILE`: an authority's settings as JSON (rules/overrides.ts),
 * so a value such as end of business can change without code.
 */
export function readOverrides(path: string | undefined): PolicyOverrides | undefined {
  if (path === undefined) return undefined;
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    throw new UsageError(`cannot read overrides file ${path}`);
  }
  try {
    return JSON.parse(text) as PolicyOverrides;
  } catch {
    throw new UsageError(`overrides file ${path} is not valid JSON`);
  }
}
