import type { CardJson } from "../../ports/notifier";

/** Children the card has rows for; a larger sibling group comes in through the API or the import. */
export const CARD_CHILDREN = 4;

export interface StaffChoice {
  id: string;
  name: string;
}

export interface NewCaseView {
  /** Present when correcting a stored case (the reference then cannot change). */
  caseId?: string;
  socialWorkers: StaffChoice[];
  teamManagers: StaffChoice[];
  serviceManagers: StaffChoice[];
  /** What to show in the inputs: a stored case, or what was typed. */
  values?: Record<string, string | undefined>;
  /** Field id → message, shown under the field. */
  errors?: Record<string, string>;
}

const text = (value: string, extra: Record<string, unknown> = {}) => ({
  type: "TextBlock",
  text: value,
  wrap: true,
  ...extra,
});

/**
 * The "new case" card (and the same card to correct one). People are chosen
 * from the staff list in a choice set: the Agents Playground's renderer
 * knows Data.Query but the Playground never sends the application/search
 * invoke that dynamic type-ahead needs (docs/cases-in.md).
 * The preview names the case reference only.
 */
export function buildNewCaseCard(view: NewCaseView): CardJson {
  const v = view.values ?? {};
  const e = view.errors ?? {};
  const body: Record<string, unknown>[] = [];
  const error = (id: string) =>
    e[id] !== undefined
      ? [text(e[id], { color: "Attention", size: "Small", spacing: "None" })]
      : [];
  const input = (id: string, label: string, extra: Record<string, unknown> = {}) => [
    {
      type: "Input.Text",
      id,
      label,
      ...(v[id] !== undefined ? { value: v[id] } : {}),
      ...extra,
    },
    ...error(id),
  ];
  const date = (id: string, label: string) => [
    { type: "Input.Date", id, label, ...(v[id] !== undefined ? { value: v[id] } : {}) },
    ...error(id),
  ];
  const people = (id: string, label: string, choices: StaffChoice[], required: boolean) => [
    {
      type: "Input.ChoiceSet",
      id,
      label,
      // "filtered" (Teams' static type-ahead) is not in the Adaptive Cards 1.5
      // schema every card here is checked against: a compact choice set.
      style: "compact",
      isRequired: required,
      ...(required ? { errorMessage: `Choose the ${label.toLowerCase()}` } : {}),
      placeholder: "Choose from the staff list",
      ...(v[id] !== undefined ? { value: v[id] } : {}),
      choices: choices.map((c) => ({ title: c.name, value: c.id })),
    },
    ...error(id),
  ];
  body.push(
    text(view.caseId === undefined ? "New case" : "Correct a case", {
      style: "heading",
      size: "Medium",
      weight: "Bolder",
    }),
  );
  const summary = Object.keys(e).length;
  if (summary > 0)
    body.push(
      text(
        `Please correct ${summary === 1 ? "the field" : `the ${summary} fields`} marked below.`,
        { color: "Attention" },
      ),
    );
  body.push(
    ...input("reference", "Case reference (as in the case system)", {
      isRequired: true,
      errorMessage: "Give the case reference",
      maxLength: 40,
      ...(view.caseId !== undefined ? { isVisible: false } : {}),
    }),
    ...people("socialWorker", "Social worker", view.socialWorkers, true),
    ...people("teamManager", "Team manager", view.teamManagers, true),
    ...people(
      "serviceManager",
      "Service manager (if not the social worker's usual one)",
      view.serviceManagers,
      false,
    ),
    ...input("team", "Team"),
  );
  for (let n = 1; n <= CARD_CHILDREN; n++) {
    body.push({
      type: "Container",
      separator: true,
      items: [
        text(n === 1 ? "Child" : `Child ${n} (leave blank if none)`, { weight: "Bolder" }),
        ...input(
          `child${n}Name`,
          "Full name",
          n === 1 ? { isRequired: true, errorMessage: "Give the child's name" } : {},
        ),
        ...date(`child${n}Dob`, "Date of birth"),
        ...date(`child${n}ExpectedDob`, "Or, for an unborn child, expected date of birth"),
        ...input(`child${n}NhsNumber`, "NHS number (optional)", { maxLength: 12 }),
        ...date(`child${n}PlanStart`, "Earlier child protection plan: start"),
        ...date(`child${n}PlanEnd`, "Earlier plan: end"),
        {
          type: "Input.ChoiceSet",
          id: `child${n}PlanCategory`,
          label: "Earlier plan: category",
          style: "compact",
          ...(v[`child${n}PlanCategory`] !== undefined
            ? { value: v[`child${n}PlanCategory`] }
            : {}),
          choices: ["neglect", "physical", "emotional", "sexual", "multiple"].map((c) => ({
            title: c[0]!.toUpperCase() + c.slice(1),
            value: c,
          })),
        },
        ...error(`child${n}PlanCategory`),
      ],
    });
  }
  body.push(
    {
      type: "Input.ChoiceSet",
      id: "indexChild",
      label: "Index child (the report is written on their record)",
      style: "compact",
      value: v.indexChild ?? "1",
      choices: Array.from({ length: CARD_CHILDREN }, (_, i) => ({
        title: i === 0 ? "Child" : `Child ${i + 1}`,
        value: String(i + 1),
      })),
    },
    ...error("indexChild"),
  );
  return {
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: "1.5",
    fallbackText: view.caseId === undefined ? "Record a new case" : "Correct a case",
    body,
    actions: [
      {
        type: "Action.Execute",
        title: view.caseId === undefined ? "Create case" : "Save corrections",
        verb: "case.save",
        data: view.caseId !== undefined ? { caseId: view.caseId } : {},
      },
    ],
  };
}
