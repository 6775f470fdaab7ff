import { parseSubmission } from "../common/errors";
import { submittedValues } from "../common/values";
import {
  defaultSubmission,
  executeActions,
  expectWellFormedCard,
  inputIds,
  visibleText,
} from "../__tests__/card-checks";
import { VERBS } from "../verbs";
import { buildClaMinutesCard, ordinal } from "./build";
import { claMinutesSample } from "./sample";
import { ClaMinutesSubmission } from "./submission";

describe("cla-minutes card", () => {
  it("is a valid card naming the review, its minutes deadline and the next review's limit", () => {
    const card = buildClaMinutesCard(claMinutesSample);
    expectWellFormedCard(card, []);
    expect(card.fallbackText).toBe("Record the minutes of the CLA review for case LAC-2027-0733");
    const text = visibleText(card);
    expect(text).toContain("2nd review, ");
    expect(text).not.toContain("cla.next.latest");
    expect(text).toContain("Wed 6 Oct 2027");
    expect(executeActions(card)).toEqual([
      {
        title: "Record minutes",
        verb: VERBS.recordClaMinutes,
        data: {
          caseId: "case-0733",
          meetingId: "case-0733.cla.2.2027-01-29",
          cardVersion: "4",
        },
      },
    ]);
    expect(inputIds(card).sort()).toEqual(["minutesRecorded", "sharingTasked"]);
  });

  it("refuses a submission without both confirmations, and shows why by the fields", () => {
    const card = buildClaMinutesCard(claMinutesSample);
    const data = defaultSubmission(card, VERBS.recordClaMinutes);
    const parsed = parseSubmission(ClaMinutesSubmission, data);
    if (parsed.ok) throw new Error("expected errors");
    expect(Object.keys(parsed.errors).sort()).toEqual(["minutesRecorded", "sharingTasked"]);
    const again = buildClaMinutesCard({
      ...claMinutesSample,
      errors: parsed.errors,
      values: submittedValues({ ...data, minutesRecorded: "true" }),
    });
    expectWellFormedCard(again, []);
    expect(visibleText(again)).toContain("tasked to be shared with those involved");
    expect(
      parseSubmission(ClaMinutesSubmission, {
        ...data,
        minutesRecorded: "true",
        sharingTasked: "true",
      }).ok,
    ).toBe(true);
  });

  it("writes ordinals as people do", () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 103].map(ordinal)).toEqual([
      "1st",
      "2nd",
      "3rd",
      "4th",
      "11th",
      "12th",
      "13th",
      "21st",
      "22nd",
      "103rd",
    ]);
  });
});
