import { z } from "zod";
import { parseIsoDate } from "../rules/calendar/day-number";
import { formatHumanDate } from "../rules/calendar/en-gb";
import { resolvePolicy } from "../rules/policy-registry";
import { timeline, type Timeline } from "../rules/timeline";
import {
  dateArg,
  firstIssue,
  localDateTimeArg,
  meetingArg,
  parseFlags,
  policyArg,
  readOverrides,
  reviewArg,
} from "./args";
import { humanWhen, renderTable } from "./table";
import { UsageError } from "./usage-error";

const OPTIONS = {
  policy: { type: "string" },
  meeting: { type: "string" },
  at: { type: "string" },
  strategy: { type: "string" },
  previous: { type: "string" },
  "looked-after": { type: "string" },
  review: { type: "string" },
  "in-person": { type: "boolean" },
  json: { type: "boolean" },
  overrides: { type: "string" },
} as const;

const TimelineArgs = z
  .object({
    policy: policyArg,
    meeting: meetingArg,
    at: localDateTimeArg("--at").optional(),
    strategy: dateArg("--strategy").optional(),
    previous: dateArg("--previous").optional(),
    "looked-after": dateArg("--looked-after").optional(),
    review: reviewArg.optional(),
    "in-person": z.boolean().optional(),
    json: z.boolean().optional(),
    overrides: z.string().optional(),
  })
  .strict();

export const TIMELINE_USAGE =
  "convene timeline --policy P --meeting ICPC|RCPC|CLA [--at YYYY-MM-DDTHH:MM] [--strategy DATE] [--previous DATE] [--looked-after DATE] [--review N] [--in-person] [--overrides FILE] [--json]";

/**
 * `convene timeline` (docs/rules.md, the timeline command). `--review` for a CLA review: when
 * omitted it is 1 if only `--looked-after` is given and is required with
 * `--previous` (rules/timeline.ts says why).
 */
export function runTimeline(argv: readonly string[]): string {
  const parsed = TimelineArgs.safeParse(parseFlags(argv, OPTIONS));
  if (!parsed.success) throw new UsageError(firstIssue(parsed.error));
  const args = parsed.data;
  if (args["in-person"] && args.at === undefined) {
    throw new UsageError("--in-person describes the meeting: give --at too");
  }
  const policy = resolvePolicy(args.policy, readOverrides(args.overrides));
  const result = timeline(policy, args.meeting, {
    at: args.at,
    strategy: args.strategy,
    previous: args.previous,
    lookedAfter: args["looked-after"],
    review: args.review,
    inPerson: args["in-person"] === true,
  });
  return args.json ? `${JSON.stringify(result, null, 2)}\n` : renderTimeline(result);
}

function renderTimeline(t: Timeline): string {
  const head: string[] = [
    `${t.policy} · ${t.meeting}${t.anchors.review === undefined ? "" : ` review ${t.anchors.review}`}`,
  ];
  if (t.at !== undefined)
    head.push(`meeting ${humanWhen(t.at)}${t.anchors.inPerson ? " (in person)" : " (virtual)"}`);
  const dated = (label: string, iso: string | undefined) =>
    iso === undefined ? [] : [`${label} ${formatHumanDate(parseIsoDate(iso))}`];
  head.push(
    ...dated("strategy discussion", t.anchors.strategy),
    ...dated("previous", t.anchors.previous),
    ...dated("looked after", t.anchors.lookedAfter),
  );
  const rows = t.entries.map((e) => [humanWhen(e.at), e.rule, e.kind, e.who.join(", "), e.text]);
  return `${head.join(" · ")}\n\n${renderTable(["When", "Rule", "Kind", "Who", "What"], rows)}`;
}
