import type { CardJson } from "../ports/notifier";

/**
 * The few cards the Teams edge shows on its own account: "working on it"
 * while a slow action finishes, and plain errors. Every other card is
 * cards/' business. They carry no case data, so they are safe anywhere.
 */
const card = (body: CardJson[], fallbackText: string): CardJson => ({
  type: "AdaptiveCard",
  $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
  version: "1.5",
  fallbackText,
  body,
});

const heading = (text: string, color?: string): CardJson => ({
  type: "TextBlock",
  text,
  weight: "Bolder",
  size: "Medium",
  wrap: true,
  ...(color !== undefined ? { color } : {}),
});

const line = (text: string, isSubtle = false): CardJson => ({
  type: "TextBlock",
  text,
  wrap: true,
  ...(isSubtle ? { isSubtle: true, size: "Small" } : {}),
});

export const WORKING_TEXT = "Working on it";

/** Answers an invoke whose handler is still running after the 2-second budget. */
export function workingCard(): CardJson {
  return card(
    [
      heading(`${WORKING_TEXT}…`),
      line("Convene is finishing this. This card will update when it is done."),
    ],
    "Convene is working on it.",
  );
}

/**
 * A refusal or failure the user can act on: what happened and what to do.
 * The error code stays in the log line (by ids), never on the card: a person
 * cannot act on "Reference: NoActor".
 */
export function errorCard(title: string, detail: string): CardJson {
  return card([heading(title, "Attention"), line(detail)], title);
}

/** What something going wrong looks like: never the error's own text. */
export function somethingWentWrongCard(): CardJson {
  return errorCard(
    "Something went wrong",
    "Convene could not finish this. Please try again in a few minutes; if it keeps happening, tell your Convene administrator.",
  );
}

/** A short text shown as a card: a late `message` answer replaces the "working" card with it. */
export function textCard(text: string): CardJson {
  return card([line(text)], text);
}
