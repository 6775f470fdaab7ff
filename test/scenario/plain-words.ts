import { POLICY_IDS, resolvePolicy } from "../../rules";
import type { ActionResponse, CardJson } from "../../ports";
import { cardText } from "../fakes/recording-notifier";

/**
 * The plain-words guard: what a person reads (a card, a chat answer, an
 * email, a notification preview) never carries Convene's internal words.
 * Rule ids come from the policy registry itself (every policy's timeline,
 * recurring and check rules), so a new rule is guarded the day it lands.
 */
const RULE_IDS: readonly string[] = [
  ...new Set(
    POLICY_IDS.flatMap((id) => {
      const p = resolvePolicy(id);
      return [...p.rules, ...p.recurring, ...p.checks].map((r) => r.id);
    }),
  ),
].filter((id) => /[.-]/.test(id));

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const RULE_ID = new RegExp(
  `(?<![\\w@.-])(${RULE_IDS.map(escape).join("|")})(?![\\w-]|\\.\\w)`,
  "i",
);

/** Each internal word, with the reason a person should not read it. */
const PATTERNS: readonly { name: string; re: RegExp }[] = [
  { name: "a rule id", re: RULE_ID },
  // A council procedure by number: "(Leicestershire)", "West Sussex's", "chair-consultation 4a", "Leicestershire rule 4".
  // Not inside a longer token (a Teams join link's random hex, an id).
  { name: "a procedure number", re: /(?<![\w:/.%-])00[0-4](?![\w:/])/ },
  { name: "a procedure rule", re: /\brule \d+\b/i },
  { name: "a file name", re: /\b(RULES|DESIGN|README)\.md\b/i },
  { name: "an error code", re: /\bReference:\s*\w+/ },
  { name: "a grammar slip", re: /\ba initial\b/i },
];

export interface Finding {
  where: string;
  problem: string;
  excerpt: string;
}

/** The problems in one text a person reads (empty when it is plain). */
export function plainWordsProblems(where: string, text: string): Finding[] {
  const out: Finding[] = [];
  for (const { name, re } of PATTERNS) {
    const m = re.exec(text);
    if (m === null) continue;
    const from = Math.max(0, m.index - 50);
    out.push({
      where,
      problem: name,
      excerpt: text.slice(from, m.index + m[0].length + 30).replace(/\s+/g, " "),
    });
  }
  return out;
}

/** The words of a card a person reads: its text, titles, facts and fallback text. */
export function readableCardText(card: CardJson): string {
  const extra: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (typeof node === "object" && node !== null) {
      const o = node as Record<string, unknown>;
      for (const key of ["fallbackText", "label", "placeholder", "errorMessage"])
        if (typeof o[key] === "string") extra.push(o[key]);
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return [cardText(card), ...extra].join(" | ");
}

export function responseText(response: ActionResponse): string {
  if (response.kind === "card") return readableCardText(response.card);
  if (response.kind === "message") return response.text;
  return "";
}

/**
 * Collects every text of a world; `problems()` answers what the guard found.
 * Scenario worlds feed it every card sent or updated, every chat answer and
 * action answer, and every email accepted by the calendar port.
 */
export function plainWordsCollector() {
  const seen: { where: string; text: string }[] = [];
  const sources: (() => { where: string; text: string }[])[] = [];
  return {
    seen,
    add(where: string, text: string): void {
      seen.push({ where, text });
    },
    /** A list read at the end (the notifier's cards, kept by the notifier itself). */
    watch(source: () => { where: string; text: string }[]): void {
      sources.push(source);
    },
    all(): { where: string; text: string }[] {
      return [...seen, ...sources.flatMap((s) => s())];
    },
    problems(): Finding[] {
      return this.all().flatMap((s) => plainWordsProblems(s.where, s.text));
    },
  };
}
export type PlainWordsCollector = ReturnType<typeof plainWordsCollector>;

/** The findings as a report a developer can act on: one line each, at most 40. */
export function describeFindings(findings: readonly Finding[]): string {
  const lines = findings.slice(0, 40).map((f) => `${f.where}: ${f.problem}: "${f.excerpt}"`);
  if (findings.length > 40) lines.push(`... and ${findings.length - 40} more`);
  return `${findings.length} message(s) a person reads carry internal words:\n${lines.join("\n")}`;
}
