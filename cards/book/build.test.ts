import { executeActions, expectWellFormedCard, visibleText } from "../__tests__/card-checks";
import { VERBS } from "../verbs";
import { buildBookCard } from "./build";
import { bookSample } from "./sample";

describe("book card", () => {
  it("splits the slots at the limit and shows the limit and the approver the policy names", () => {
    const card = buildBookCard(bookSample);
    expectWellFormedCard(card);
    const json = JSON.stringify(card);
    const inLimit = json.slice(json.indexOf('"id":"slotId"'), json.indexOf('"id":"inPerson"'));
    expect(inLimit).toContain("Thu 7 Jan 2027 10:00–12:00");
    expect(inLimit).not.toContain("Fri 8 Jan");
    const text = visibleText(card);
    expect(text).toContain("Must be held by Thu 7 Jan 2027 17:00");
    expect(text).toContain("Approval needed from (Service Manager)");
    expect(text).toContain("Omar Reid (Service Manager)");
    expect(card.fallbackText).toBe(
      "Book the ICPC for case CP-2026-0412: must be held by Thu 7 Jan 2027 17:00",
    );
  });

  it("offers only the approval route when the chair has nothing inside the limit", () => {
    const card = buildBookCard({ ...bookSample, slots: bookSample.slots.slice(3) });
    expectWellFormedCard(card);
    expect(visibleText(card)).toContain("The chair has no free slot inside the limit.");
    expect(executeActions(card).map((a) => a.verb)).toEqual([VERBS.bookPastLimit]);
  });

  it("has no past-limit route when every slot is inside the limit", () => {
    const card = buildBookCard({ ...bookSample, slots: bookSample.slots.slice(0, 1) });
    expect(executeActions(card).map((a) => a.verb)).toEqual([VERBS.book]);
    expect(JSON.stringify(card)).toContain(
      '"id":"slotId","label":"Slots inside the limit","style":"expanded","value":"2027-01-05T10:00"',
    );
  });
});
