import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { PROCEDURES, sourceInWords } from "../../rules/procedures";
import { POLICY_IDS, resolvePolicy, type ResolvedPolicy } from "../../rules/policy-registry";
import type {
  Anchor,
  CheckRule,
  Offset,
  Recurrence,
  RecurringRule,
  RuleKind,
  TimelineRule,
} from "../../rules/types";

/**
 * docs/rules.md, generated from the policy registry (rules/policies/) and the
 * procedures' names (rules/procedures.ts) so that it never drifts from the
 * code. Regenerate with
 *   npx ts-node --transpile-only test/docs/rules-doc.ts
 * (or `npm run docs:rules`); test/docs/rules-doc.test.ts fails when the
 * committed file is not what this prints.
 */
export const RULES_DOC = join(__dirname, "..", "..", "docs", "rules.md");

const cell = (s: string): string => s.replace(/\|/g, "\\|").replace(/\n/g, " ");

function row(cells: readonly string[]): string {
  return `| ${cells.map(cell).join(" | ")} |`;
}

function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  return [row(head), row(head.map(() => "---")), ...rows.map(row)].join("\n");
}

function anchorWords(anchor: Anchor): string {
  if (typeof anchor !== "string") return `the \`${anchor.rule}\` entry`;
  switch (anchor) {
    case "strategy":
      return "strategy discussion";
    case "meeting":
      return "the meeting";
    case "previous":
      return "previous conference or review";
    case "looked-after":
      return "date the child became looked after";
  }
}

function offsetWords(offset: Offset): string {
  switch (offset.count) {
    case "working-days":
      return `${offset.n} working day${offset.n === 1 ? "" : "s"} ${offset.direction}`;
    case "days":
      return `${offset.n} days before (calendar, moved back to a working day)`;
    case "weeks":
      return `${offset.n} weeks before (calendar, moved back to a working day)`;
    case "months":
      return `within ${offset.n} months`;
    case "hours":
      return `${offset.n} hours before (exact)`;
    case "minutes":
      return offset.inPerson === undefined
        ? `${offset.n} minutes before (exact)`
        : `${offset.n} minutes before (exact; ${offset.inPerson} in person)`;
    case "same-day":
      return "the same day";
  }
}

function timeWords(kind: RuleKind, time: string | undefined, policy: ResolvedPolicy): string {
  const hhmm = (m: number): string =>
    `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
  if (time !== undefined) return time;
  switch (kind) {
    case "limit":
      return `whole day (shown ${hhmm(policy.limitTime)})`;
    case "deadline":
    case "target":
      return `${hhmm(policy.endOfBusiness)} (end of business)`;
    default:
      return hhmm(policy.sendTime);
  }
}

function recurrenceWords(r: Recurrence): string {
  switch (r.every) {
    case "monday":
      return "every Monday";
    case "month":
      return `the ${r.dayOfMonth}${r.dayOfMonth === 1 ? "st" : "th"} of every month`;
    case "first-working-day-of-month":
      return "first working day of every month";
    case "last-working-day-of-month":
      return "last working day of every month";
    case "working-day":
      return "every working day";
  }
}

function extras(rule: TimelineRule): string {
  const parts: string[] = [];
  if (rule.reviews) {
    parts.push(
      rule.reviews.to === rule.reviews.from
        ? `review ${rule.reviews.from} only`
        : `reviews ${rule.reviews.from}${rule.reviews.to ? `-${rule.reviews.to}` : " on"}`,
    );
  }
  if (rule.watches) parts.push(`fires only if \`${rule.watches}\` is not done`);
  if (rule.escalateTo) parts.push(`escalated to ${rule.escalateTo.join(", ")} if missed`);
  return parts.join("; ");
}

const text = (t: string): string => t.replace(/\{date\}/g, "DATE").replace(/\{time\}/g, "TIME");

function timelineTable(rules: readonly TimelineRule[], policy: ResolvedPolicy): string {
  return table(
    ["rule id", "kind", "meetings", "anchor", "when", "time", "who acts", "what", "procedure"],
    rules.map((r) => [
      `\`${r.id}\``,
      r.kind,
      r.meetings.join(", "),
      anchorWords(r.anchor),
      [offsetWords(r.offset), extras(r)].filter((s) => s.length > 0).join("; "),
      timeWords(r.kind, r.time, policy),
      r.who.join(", "),
      text(r.text),
      sourceInWords(r.source),
    ]),
  );
}

function recurringTable(rules: readonly RecurringRule[], policy: ResolvedPolicy): string {
  return table(
    ["rule id", "kind", "when (moved to the next working day)", "time", "who", "what", "procedure"],
    rules.map((r) => [
      `\`${r.id}\``,
      r.kind,
      recurrenceWords(r.recurrence),
      timeWords(r.kind, r.time, policy),
      r.who.join(", "),
      r.text,
      sourceInWords(r.source),
    ]),
  );
}

function checkTable(rules: readonly CheckRule[]): string {
  return table(
    ["rule id", "meetings", "anchor", "when", "who acts", "what", "procedure"],
    rules.map((r) => [
      `\`${r.id}\``,
      r.meetings.join(", "),
      "the child's plan history",
      r.check === "repeat"
        ? `a previous plan ended within ${r.months} months`
        : `the current plan has lasted ${r.months} months or more`,
      r.who.join(", "),
      r.text,
      sourceInWords(r.source),
    ]),
  );
}

const INTRO = `# Rules: every timescale Convene enforces

<!-- Generated from rules/policies/ and rules/procedures.ts by test/docs/rules-doc.ts: do not edit by hand. Run \`npm run docs:rules\` after changing a rule. -->

Every deadline, reminder, escalation, limit and recurring list Convene acts on
comes from one of the policies below. Each case belongs to exactly one policy;
every policy extends the national rules (\`england\`). Rule ids are stable:
logs, the \`npx convene timeline\` and \`schedule\` commands, code comments and
the other documents cite them. Cards and emails never show them.

The procedures were supplied by councils; names, phone numbers and mailboxes in
them are configuration examples, never code.`;

const WORDS = `## Words

| word | meaning |
| --- | --- |
| ICPC | initial child protection conference |
| RCPC | review child protection conference |
| CLA review | statutory review of a child looked after (older name: LAC review) |
| strategy discussion | the multi-agency discussion at which a section 47 enquiry started: day 0 of an ICPC's timeline |
| CP chair, CPA, IRO | the independent person who chairs: CP chair, Child Protection Advisor, Independent Reviewing Officer (CLA reviews) |
| clerk | the admin team that books meetings and sends invites (SQA, CPU, Safeguarding Unit: names differ by council) |
| SW, TM, SM, PM, GM | social worker, team manager, service manager, practice manager, group manager |
| index child | the child on whose record a sibling group's conference report is written |
| invite list | the people the SW says must be invited: name, role, agency, email, family or legal representative, whether a police check is needed and why |
| policy | one authority's set of rules; every case belongs to exactly one |`;

const TIME = `## Counting time

- Dates and times are Europe/London (GMT in winter, BST in summer); instants
  are stored in UTC.
- **Working day**: Monday to Friday, not a public holiday in England
  (\`date-holidays\`, GB/ENG, type \`public\`, one-off days included) and not a
  closure day the authority configured.
- **N working days after D**: the Nth working day strictly after D; D is day 0
  whether or not it is a working day. **Before** counts the same way backwards.
- **N days or weeks before D** (calendar): D minus N days (7N); on a
  non-working day, the previous working day.
- **Within N months of D**: D plus N calendar months, clamped to the end of a
  shorter month, then back to the previous working day if need be.
- **N hours or minutes before T**: the exact instant, never moved.
- **Times of day**: a deadline or target is due at end of business (17:00 by
  default); a reminder, escalation or list is sent at 09:00; a limit is the
  whole date, shown as 17:00. An escalation fires only if what it watches is
  still not done.
- A recurring list that falls on a non-working day runs on the next working day.
- An authority may change times, closure days, offsets and who is told
  without code (rules/overrides.ts), but never a national limit.`;

const STAND_DOWN = `## Stand-down, rebooking and quoracy

A meeting can be stood down because it is no longer needed (the child is
looked after, has died, moved away, or the threshold is not met), because it is
not quorate, because the SW report was not shared with the family, for want of
an interpreter, because the family cannot attend, or for something unforeseen
(chair, clerk or SW unavailable without cover, network failure).

- **Approval**: always with a rationale, by whom the policy names: in
  Leicestershire a safeguarding manager; in Swindon the operational SM and the
  QA & Review SM jointly. An approver can also refuse, with a reason.
- **Telling people**: whoever originated it tells every attendee (the clerk if
  the unit stood it down, otherwise the SW); the Outlook event is cancelled
  for everyone.
- **Rebooking** must fall before the original limit unless the SM agrees it
  goes out of timescale.
- **Quorate**: at least 2 agencies besides children's social care present or
  reporting, unless fewer than 2 work with the family; the chair decides and
  records it.
- A meeting booked after its limit is *out of timescale*: booking it needs the
  approval the policy names (Leicestershire: the Service Manager) and it is on
  every exception report until held.`;

const TIMELINE = `## The timeline and schedule commands

\`npx convene timeline --policy P --meeting ICPC|RCPC|CLA [--at DATETIME]
[--strategy DATE] [--previous DATE] [--looked-after DATE] [--review N]
[--in-person] --json\` prints every rule of the policy (and of \`england\`) that
applies to that meeting and whose anchor was given, sorted by time, each with
its rule id, kind, instant (ISO 8601 with the Europe/London offset), who acts
and a sentence. Without \`--at\`, rules anchored on the meeting are left out.
\`npx convene schedule --policy P --from DATE --to DATE --json\` prints the
recurring lists in a range. Bad input exits 2 with one line on stderr.`;

const PLANNED = `## Planned, not in the code yet

- **Reminders before deadlines** (\`<rule>.remind\`): a reminder N working days
  (default 2) before each deadline, where the policy has none of its own.
- **Transfers**: \`transfer-in.latest\` (a transfer-in conference within 15
  working days of the transferring council's notice), and Swindon's internal
  transfer rules (the receiving team's SW invited with the partners; the SQA
  inbox told after the internal transfer meeting).

These appear in no policy above, so Convene computes none of them today.`;

const PER_CHILD = `## Counting per child

Decisions are per child: at an ICPC each child gets "plan" or "no plan" and,
with a plan, a category (neglect, physical, sexual or emotional abuse,
multiple); at an RCPC each child's plan continues or ends. The register, the
plan history, the health list and the supervision indicators are per child.
Timeliness is counted as the children in need census counts it: each child who
was the subject of an ICPC in the period, timed from the strategy discussion.`;

function procedureSection(): string {
  return [
    "## The procedures",
    "",
    "National rules come from _Working Together to Safeguard Children 2023_ and the",
    "_Care Planning, Placement and Case Review (England) Regulations 2010_. Each",
    "council procedure below is one policy:",
    "",
    table(
      ["policy", "procedure"],
      PROCEDURES.map((p) => [`\`${p.policy}\``, p.name]),
    ),
  ].join("\n");
}

function policySection(id: string, england: ResolvedPolicy): string {
  const policy = resolvePolicy(id);
  const isEngland = id === "england";
  const own = <T>(list: readonly T[], parent: readonly T[]): T[] =>
    isEngland ? [...list] : list.filter((r) => !parent.includes(r));
  const rules = own(policy.rules, england.rules);
  const recurring = own(policy.recurring, england.recurring);
  const checks = own(policy.checks, england.checks);
  const ownNotes = isEngland
    ? policy.notes
    : policy.notes.filter((n) => !england.notes.includes(n));
  const parts = [
    isEngland ? "## National rules (`england`)" : `### \`${id}\`: ${policy.title}`,
    "",
    `Procedure: ${sourceInWords(policy.source)}.${isEngland ? "" : " Extends `england`."}`,
  ];
  if (isEngland) {
    parts.push(
      "",
      "In an ICPC's timeline the ICPC date is the meeting's own date. A CLA review's",
      "limit is `cla.first.latest` for review 1, `cla.second.latest` for review 2 and",
      "`cla.next.latest` after that. National limits cannot be overridden.",
    );
  }
  if (policy.caseMappingRecentMonths !== undefined) {
    parts.push(
      "",
      `A case mapped in the last ${policy.caseMappingRecentMonths} months (the authority's \`caseMappingRecentMonths\`, 1-24) is reviewed, not redone.`,
    );
  }
  if (rules.length > 0) parts.push("", "Meeting timelines:", "", timelineTable(rules, policy));
  if (recurring.length > 0)
    parts.push("", "Recurring lists and deadlines:", "", recurringTable(recurring, policy));
  if (checks.length > 0) parts.push("", "Checks of the child's history:", "", checkTable(checks));
  if (ownNotes.length > 0) parts.push("", "Also:", "", ...ownNotes.map((n) => `- ${n}`));
  return parts.join("\n");
}

/**
 * Prettier formats the tables as `npm run lint` expects them. It runs as a
 * child process: its API loads plugins by dynamic import, which jest's
 * CommonJS runtime refuses.
 */
function prettierMarkdown(markdown: string): string {
  const bin = require.resolve("prettier/bin/prettier.cjs");
  const run = spawnSync(process.execPath, [bin, "--stdin-filepath", RULES_DOC], {
    input: markdown,
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(`prettier failed: ${run.stderr}`);
  return run.stdout;
}

export function renderRulesDoc(): string {
  const england = resolvePolicy("england");
  const sections = [
    INTRO,
    WORDS,
    TIME,
    procedureSection(),
    policySection("england", england),
    "## Policies from the councils' procedures",
    ...POLICY_IDS.filter((id) => id !== "england").map((id) => policySection(id, england)),
    STAND_DOWN,
    PER_CHILD,
    TIMELINE,
    PLANNED,
  ];
  return prettierMarkdown(`${sections.join("\n\n")}\n`);
}

if (require.main === module) {
  writeFileSync(RULES_DOC, renderRulesDoc());
  process.stdout.write(`${RULES_DOC}\n`);
}
