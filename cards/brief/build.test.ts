import { expectWellFormedCard, visibleText } from "../__tests__/card-checks";
import { buildBriefCard } from "./build";
import { briefSample } from "./sample";

describe("chair's brief", () => {
  it("names the index child by first name in the body only, never in the preview", () => {
    const card = buildBriefCard(briefSample);
    expectWellFormedCard(card, ["Lily"]);
    expect(visibleText(card)).toContain("Lily (index child) and 2 siblings");
    const { indexChildFirstName: _omit, ...noName } = briefSample;
    expect(visibleText(buildBriefCard(noName))).not.toContain("Lily");
  });

  it("groups replies, counts reports and police checks (status only), flags a repeat plan", () => {
    const text = visibleText(buildBriefCard(briefSample));
    for (const s of [
      "Accepted (4)",
      "Declined (1)",
      "No reply (2)",
      "Solicitor for the mother, Shah & Co (tentative)",
      "3 of 4 in.",
      "2 requested: 1 returned, 1 awaited.",
      "Polish, booked",
      "Repeat plan",
      "Yes: Parents attend separately",
    ])
      expect(text).toContain(s);
    expect(text).not.toContain("Long plan");
  });

  it("shows how each person was invited beside their reply", () => {
    const text = visibleText(buildBriefCard(briefSample));
    expect(text).toContain("GP, Oakfield Surgery. Invited by: Outlook invitation");
    expect(text).toContain("Mother. Invited by: Own email");
    expect(text).toContain("Father. Invited by: Letter, not yet sent");
  });

  it("says 'not recorded' where nothing was recorded, never a default stated as fact", () => {
    const { interpreter: _i, familyAccess: _f, split: _s, ...nothing } = briefSample;
    const text = visibleText(buildBriefCard(nothing));
    expect(text).toContain("Interpreter\nNot recorded");
    expect(text).toContain("Split conference\nNot recorded");
    expect(text).not.toContain("Not needed");
    expect(text).not.toMatch(/Split conference\nNo\b/);
  });

  it("says what is missing rather than leaving it out", () => {
    const text = visibleText(
      buildBriefCard({
        ...briefSample,
        interpreter: { language: "Arabic", booked: false },
        familyAccess: undefined,
        policeChecks: [],
        reports: [],
        joinUrl: undefined,
      }),
    );
    expect(text).toContain("Arabic, NOT booked yet");
    expect(text).toContain("Not recorded by the social worker");
    expect(text).toContain("None requested.");
    expect(text).not.toContain("Join the Teams meeting");
  });
});
