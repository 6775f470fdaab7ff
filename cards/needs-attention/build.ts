import type { CardJson } from "../../ports/notifier";
import { VERBS } from "../verbs";
import type { AttentionItem, NeedsAttentionView } from "./view-model";

/**
 * The service owners' card when Convene gives up on something: what failed,
 * for which meeting, why (plain words), Retry and Mark handled; below it,
 * what else is still open. Plain words only: codes stay in the logs and in
 * `convene tasks show`.
 */
export function buildNeedsAttentionCard(view: NeedsAttentionView): CardJson {
  const { latest } = view;
  const actions = (item: AttentionItem) => [
    ...(item.canRetry
      ? [
          {
            type: "Action.Execute",
            title: "Retry",
            verb: VERBS.failureRetry,
            data: { incidentId: item.incidentId },
          },
        ]
      : []),
    {
      type: "Action.Execute",
      title: "Mark handled",
      verb: VERBS.failureHandled,
      data: { incidentId: item.incidentId },
    },
  ];
  const others =
    view.open.length === 0
      ? [{ type: "TextBlock", text: "Nothing else needs attention.", wrap: true, isSubtle: true }]
      : [
          {
            type: "TextBlock",
            text: "Also needing attention",
            weight: "Bolder",
            spacing: "Medium",
          },
          ...view.open.map((item) => ({
            type: "TextBlock",
            text: `${item.when}: ${item.what} (${item.where})`,
            wrap: true,
          })),
          ...(view.more > 0
            ? [{ type: "TextBlock", text: `and ${view.more} more`, wrap: true, isSubtle: true }]
            : []),
        ];
  return {
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: "1.5",
    fallbackText: `Needs attention: ${latest.what}`,
    body: [
      {
        type: "Container",
        style: "attention",
        items: [{ type: "TextBlock", text: "Needs attention", weight: "Bolder", size: "Medium" }],
      },
      { type: "TextBlock", text: latest.what, wrap: true, weight: "Bolder", color: "Attention" },
      {
        type: "FactSet",
        facts: [
          { title: "For", value: latest.where },
          { title: "Why", value: latest.why },
          { title: "When", value: latest.when },
        ],
      },
      ...others,
    ],
    actions: actions(latest),
  };
}
