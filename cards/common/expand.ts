import * as ACData from "adaptivecards-templating";
import type { CardJson } from "../../ports/notifier";

/**
 * One parsed Template per template file: the engine parses on construction
 * and `expand` does not change it, so the hot path (a card per reminder) only
 * binds data.
 */
const templates = new WeakMap<object, ACData.Template>();

/**
 * Expand a card template with its data. The template engine leaves a binding
 * whose value is undefined as literal `${...}` text, so builders pass every
 * field the template names (empty strings, empty objects); the tests check
 * that nothing unexpanded is left.
 */
export function expandCard(template: object, data: object): CardJson {
  let compiled = templates.get(template);
  if (compiled === undefined) {
    compiled = new ACData.Template(template);
    templates.set(template, compiled);
  }
  return compiled.expand({ $root: data }) as CardJson;
}

/** The notification preview Teams shows for a card: its fallbackText (never a child's name). */
export function cardPreview(card: CardJson): string {
  return typeof card.fallbackText === "string" ? card.fallbackText : "";
}
