import Ajv from "ajv";
import addFormats from "ajv-formats";
import draft6 from "ajv/dist/refs/json-schema-draft-06.json";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { CardJson } from "../../ports/notifier";
import { ALL_VERBS } from "../verbs";

/** The offline schemas, vendored from ../shared/schemas (cards/schemas/README.md). */
export const SHARED_SCHEMAS = join(__dirname, "..", "schemas");

/** Teams takes messages up to about 80 KB; a card stays under half of that (the conference journey in Teams). */
export const MAX_CARD_BYTES = 40 * 1024;

let validator: ReturnType<Ajv["compile"]> | undefined;

/** The Adaptive Cards 1.5 schema (draft-06) with ajv 8, as schemas/README.md says. */
export function cardSchemaErrors(card: CardJson): string[] {
  if (validator === undefined) {
    const schema = JSON.parse(
      readFileSync(join(SHARED_SCHEMAS, "adaptive-card-1.5.json"), "utf8"),
    ) as {
      id?: string;
      $id?: string;
    };
    const copy = { ...schema, $id: schema.id };
    delete copy.id;
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addMetaSchema(draft6);
    validator = ajv.compile(copy);
  }
  return validator(card)
    ? []
    : (validator.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ""}`);
}

export function cardBytes(card: CardJson): number {
  return Buffer.byteLength(JSON.stringify(card), "utf8");
}

type Node = Record<string, unknown>;

function walk(value: unknown, visit: (node: Node) => void): void {
  if (Array.isArray(value)) value.forEach((v) => walk(v, visit));
  else if (typeof value === "object" && value !== null) {
    visit(value as Node);
    Object.values(value).forEach((v) => walk(v, visit));
  }
}

export function inputIds(card: CardJson): string[] {
  const ids: string[] = [];
  walk(card, (n) => {
    if (typeof n.type === "string" && n.type.startsWith("Input.") && typeof n.id === "string")
      ids.push(n.id);
  });
  return ids;
}

export interface ExecuteAction {
  title: string;
  verb: string;
  data: Record<string, unknown>;
}

export function executeActions(card: CardJson): ExecuteAction[] {
  const out: ExecuteAction[] = [];
  walk(card, (n) => {
    if (n.type === "Action.Execute")
      out.push({
        title: String(n.title),
        verb: String(n.verb),
        data: (n.data ?? {}) as Record<string, unknown>,
      });
  });
  return out;
}

/** Every TextBlock text, TextRun, fact and choice title: what a person can read. */
export function visibleText(card: CardJson): string {
  const parts: string[] = [];
  walk(card, (n) => {
    for (const key of ["text", "title", "value", "label", "placeholder"]) {
      const v = n[key];
      if (typeof v === "string") parts.push(v);
    }
  });
  return parts.join("\n");
}

/**
 * What every card must satisfy (the conference journey in Teams, docs/data-protection.md): valid 1.5,
 * under 40 KB, fully expanded, ids unique, known verbs only, and no child's
 * name in the fallbackText (the notification preview).
 */
export function expectWellFormedCard(card: CardJson, childNames: readonly string[] = []): void {
  expect(cardSchemaErrors(card)).toEqual([]);
  expect(card.version).toBe("1.5");
  expect(cardBytes(card)).toBeLessThan(MAX_CARD_BYTES);
  expect(JSON.stringify(card)).not.toContain("${");
  const ids = inputIds(card);
  expect(new Set(ids).size).toBe(ids.length);
  for (const action of executeActions(card)) {
    expect(ALL_VERBS).toContain(action.verb);
  }
  const fallback = String(card.fallbackText ?? "");
  expect(fallback.length).toBeGreaterThan(0);
  for (const name of childNames) {
    expect(fallback.toLowerCase()).not.toContain(name.toLowerCase());
  }
}

/**
 * What the card would submit if pressed as rendered: the action's data
 * merged with every input's current value (Teams sends all inputs, as
 * strings). For "the card's defaults make a valid submission" checks.
 */
export function defaultSubmission(card: CardJson, verb: string): Record<string, unknown> {
  const action = executeActions(card).find((a) => a.verb === verb);
  if (action === undefined) throw new Error(`no action with verb ${verb}`);
  const values: Record<string, unknown> = { ...action.data };
  walk(card, (n) => {
    if (typeof n.type === "string" && n.type.startsWith("Input.") && typeof n.id === "string") {
      values[n.id] =
        typeof n.value === "string" ? n.value : n.type === "Input.Toggle" ? "false" : "";
    }
  });
  return values;
}
