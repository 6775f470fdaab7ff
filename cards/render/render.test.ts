import { parseSubmission } from "../common/errors";
import { GALLERY } from "../gallery";
import { SUBMISSIONS } from "../submissions";
import { isVerb, VERBS } from "../verbs";
import { CardRenderer } from "./renderer";

/**
 * Every card through the real `adaptivecards` renderer with the Teams host
 * config, in one headless Chromium: no parse or validation event, the
 * buttons a person expects, and (for cards whose defaults are complete)
 * what the renderer would post to the bot parses with that verb's schema.
 */
let renderer: CardRenderer;
beforeAll(async () => {
  renderer = await CardRenderer.open();
}, 60_000);
afterAll(async () => {
  await renderer?.close();
});

describe("the Adaptive Cards renderer", () => {
  it("reports what it cannot render (so an empty list means something)", async () => {
    const result = await renderer.render({
      type: "AdaptiveCard",
      version: "1.5",
      body: [{ type: "Bogus" }, { type: "Input.Text", id: "a" }, { type: "Input.Text", id: "a" }],
    });
    expect(result.events.length).toBeGreaterThan(0);
  });

  it.each(GALLERY.map((g) => [g.name, g] as const))("renders %s cleanly", async (_name, g) => {
    const result = await renderer.render(g.build());
    expect(result.events).toEqual([]);
    for (const title of g.actionTitles) {
      expect(result.buttons.some((b) => b.startsWith(title))).toBe(true);
    }
    expect(result.text).not.toContain("${");
  });

  it.each([
    ["request-conference", "Ask the clerk to book", VERBS.requestConference],
    ["booking-confirmation", "Accept", VERBS.acceptBooking],
    ["invite-list", "Submit list as complete", VERBS.submitInviteList],
    ["invite-list", "Add another person", VERBS.addInvitee],
    ["family-access", "Save access needs", VERBS.submitFamilyAccess],
    ["report-status", "Save report status", VERBS.updateReportStatus],
    ["reminder", "Done", VERBS.taskDone],
    ["escalation", "Acknowledge", VERBS.taskAcknowledge],
  ] as const)("%s: '%s' posts data its schema accepts", async (name, title, verb) => {
    const entry = GALLERY.find((g) => g.name === name)!;
    await renderer.render(entry.build());
    const action = await renderer.click(title);
    expect(action?.type).toBe("Action.Execute");
    expect(action?.verb).toBe(verb);
    if (!action?.verb || !isVerb(action.verb)) throw new Error("no verb");
    const parsed = parseSubmission(SUBMISSIONS[action.verb], action.data);
    expect(parsed.ok ? "ok" : parsed.errors).toBe("ok");
  });

  it("blocks a submission with a required input missing (isRequired), posting nothing", async () => {
    const outcome = GALLERY.find((g) => g.name === "outcome")!;
    const result = await renderer.render(outcome.build());
    expect(result.events).toEqual([]);
    expect(await renderer.click("Record outcome")).toBeNull();
  });
});
