import type { CardJson } from "../../ports/notifier";

/**
 * A built Adaptive Card as plain lines, for the email that carries a card to
 * someone Teams cannot reach: headings and text, facts as "Title: value",
 * and the names of the card's buttons (as what can be done in Teams, never
 * as links). Inputs, hidden elements, images and every action's data and
 * URL are left out: an email gets forwarded, and nothing in it may act
 * without signing in.
 */
export function cardInPlainWords(card: CardJson): { lines: string[]; actions: string[] } {
  const lines: string[] = [];
  const actions: string[] = [];
  const walk = (element: unknown): void => {
    if (Array.isArray(element)) {
      element.forEach(walk);
      return;
    }
    if (element === null || typeof element !== "object") return;
    const e = element as Record<string, unknown>;
    if (e.isVisible === false) return;
    switch (e.type) {
      case "TextBlock":
        if (typeof e.text === "string" && e.text.trim() !== "") lines.push(clean(e.text));
        return;
      case "RichTextBlock":
        if (Array.isArray(e.inlines)) {
          const text = e.inlines
            .map((i) =>
              typeof i === "string" ? i : ((i as { text?: unknown }).text as string | undefined),
            )
            .filter((t): t is string => typeof t === "string")
            .join("");
          if (text.trim() !== "") lines.push(clean(text));
        }
        return;
      case "FactSet":
        if (Array.isArray(e.facts)) {
          for (const f of e.facts as { title?: unknown; value?: unknown }[]) {
            if (typeof f.title === "string" && typeof f.value === "string")
              lines.push(`${clean(f.title)}: ${clean(f.value)}`);
          }
        }
        return;
      case "ActionSet":
        walkActions(e.actions, actions);
        return;
      default:
        if (typeof e.type === "string" && e.type.startsWith("Input.")) return;
        walk(e.items);
        walk(e.columns);
        walk(e.body);
    }
  };
  walk(card.body);
  walkActions(card.actions, actions);
  return { lines, actions: [...new Set(actions)] };
}

function walkActions(list: unknown, into: string[]): void {
  if (!Array.isArray(list)) return;
  for (const a of list as { title?: unknown; card?: { actions?: unknown } }[]) {
    if (typeof a.title === "string" && a.title.trim() !== "") into.push(clean(a.title));
  }
}

/** Adaptive Card text is a little Markdown: keep the words, drop the marks. */
function clean(text: string): string {
  return text
    .replace(/\*\*|__/g, "")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\s+/g, " ")
    .trim();
}
