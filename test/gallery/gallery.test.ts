import { GALLERY } from "./gallery";
import { VERB_ENTRIES } from "../../workflow";
import { VERBS } from "../../cards/verbs";
import {
  cardBytes,
  executeActions,
  expectWellFormedCard,
  visibleText,
} from "../../cards/__tests__/card-checks";

/** Card sizes, printed once for the README and the final report. */
const sizes: string[] = [];
afterAll(() => {
  // eslint-disable-next-line no-console
  console.log(`card sizes (bytes):\n${sizes.join("\n")}`);
});

describe.each(GALLERY.map((g) => [g.name, g] as const))("card %s", (_name, g) => {
  const card = g.build();
  sizes.push(`${g.name.padEnd(22)} ${cardBytes(card)}`);

  it("validates against Adaptive Cards 1.5, under 40 KB, fully expanded, no child in the preview", () => {
    expectWellFormedCard(card, g.childNames);
  });

  it("shows the actions expected", () => {
    const text = visibleText(card);
    for (const title of g.actionTitles) expect(text).toContain(title);
  });

  it("gives every Action.Execute the ids it acts on", () => {
    for (const a of executeActions(card)) {
      if (a.verb === VERBS.caseMappingAllocate) {
        // A month's list, not one case: the month, and each row's case by its index.
        expect(a.data.month).toMatch(/^\d{4}-\d{2}$/);
        expect(a.data["allocations.0.caseId"]).toEqual(expect.any(String));
        continue;
      }
      if (a.verb === VERBS.saveCase) {
        // A new case has no id yet; the same card correcting a case carries its caseId.
        expect(a.data.caseId === undefined || typeof a.data.caseId === "string").toBe(true);
        continue;
      }
      if (a.verb.startsWith("chairs.") && !a.verb.startsWith("chairs.cover.")) {
        // The chairs' rota and availability (West Sussex) belong to no case: no ids to carry but a month's.
        if (a.verb.startsWith("chairs.rota.")) expect(a.data.month).toMatch(/^\d{4}-\d{2}$/);
        continue;
      }
      if (a.verb.startsWith("failure.")) {
        // A failure may belong to no case (a list, an unreadable record): its incident's id.
        expect(a.data.incidentId).toEqual(expect.any(String));
        continue;
      }
      expect(typeof a.data.caseId).toBe("string");
      expect(a.data.caseId).not.toBe("");
      if (a.verb.startsWith("task.")) expect(a.data.taskId).not.toBe("");
      else if (a.verb !== "conference.request") expect(a.data.meetingId).not.toBe("");
    }
  });
});

describe("the gallery and the verb registry", () => {
  it("shows every verb a feature declares on at least one card, and no verb none declares", () => {
    const onCards = new Set(GALLERY.flatMap((g) => executeActions(g.build()).map((a) => a.verb)));
    const declared = new Set(VERB_ENTRIES.map((e) => e.verb));
    expect([...onCards].filter((v) => !declared.has(v as never))).toEqual([]);
    const missing = [...declared].filter((v) => !onCards.has(v));
    expect(missing).toEqual([]);
  });
});
