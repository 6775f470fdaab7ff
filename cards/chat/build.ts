import type { CardJson } from "../../ports/notifier";
import type { ChatAnswerView } from "./view-model";

/** Teams renders at most 6 actions on a card; more would be cut silently. */
export const MAX_CHAT_BUTTONS = 6;

/**
 * The chat's answers ("hi", "help", "did you mean C-1001?"). Buttons are
 * Action.Submit with `msteams.imBack`: Teams posts the button's words as the
 * user's own message, so a button does exactly what typing would, through
 * the same checks (https://learn.microsoft.com/en-us/microsoftteams/platform/task-modules-and-cards/cards/cards-actions#adaptive-cards-actions).
 */
export function buildChatAnswerCard(view: ChatAnswerView): CardJson {
  const body: unknown[] = [
    { type: "TextBlock", text: view.title, style: "heading", weight: "Bolder", wrap: true },
    ...view.lines.map((text) => ({ type: "TextBlock", text, wrap: true })),
  ];
  if (view.commands.length > 0)
    body.push({
      type: "FactSet",
      facts: view.commands.map((c) => ({ title: c.words, value: c.what })),
    });
  return {
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: "1.5",
    fallbackText: view.preview,
    body,
    actions: view.buttons.slice(0, MAX_CHAT_BUTTONS).map((b) => ({
      type: "Action.Submit",
      title: b.title,
      data: { msteams: { type: "imBack", value: b.say } },
    })),
  };
}
