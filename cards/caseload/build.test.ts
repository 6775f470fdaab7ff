import { buildCaseloadCard } from "./build";
import { cardText } from "../../test/fakes/recording-notifier";

const view = {
  periodText: "Conferences in the next 6 weeks from Mon 11 Jan 2027",
  rows: [{ name: "Dana Chair", upcoming: 3, cases: 12, dutyDays: 2 }],
};

describe("chairs' caseload card", () => {
  it("says how many records could not be read, and nothing of it when none", () => {
    expect(cardText(buildCaseloadCard({ ...view, unreadable: 1 }))).toContain(
      "1 record could not be read",
    );
    expect(cardText(buildCaseloadCard({ ...view, unreadable: 2 }))).toContain(
      "2 records could not be read",
    );
    expect(cardText(buildCaseloadCard(view))).not.toContain("could not be read");
  });
});
