import { parseSubmission } from "../common/errors";
import { GALLERY } from "../../test/gallery/gallery";
import { SUBMISSIONS } from "../../workflow";
import { isVerb, VERBS, type Verb } from "../verbs";
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
    ["case-mapping", "Save allocations", VERBS.caseMappingAllocate],
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

  interface ShowCardFlow {
    name: string;
    open: string;
    choose?: string;
    type?: readonly [label: string, value: string];
    submit: string;
    verb: Verb;
    expected: Record<string, string>;
  }
  it.each<ShowCardFlow>([
    {
      name: "quoracy-forecast",
      open: "Nudge agency",
      choose: "Police (declined, no report)",
      submit: "Send the nudge",
      verb: VERBS.quoracyNudge,
      expected: { agencyKey: "police" },
    },
    {
      name: "quoracy-forecast",
      open: "Ask the SW",
      type: ["Note for the social worker", "Please ring the health visitor today"],
      submit: "Send to the social worker",
      verb: VERBS.quoracyAskSocialWorker,
      expected: { note: "Please ring the health visitor today" },
    },
    {
      name: "quoracy-forecast",
      open: "Propose stand-down",
      type: ["Rationale", "Police and health declined; no reports by the day before"],
      submit: "Send for approval",
      verb: VERBS.quoracyProposeStandDown,
      expected: {
        reason: "not-quorate",
        standDownRationale: "Police and health declined; no reports by the day before",
      },
    },
  ])(
    "$name: '$open' then '$submit' posts what $verb accepts",
    async ({ name, open, choose, type, submit, verb, expected }) => {
      const entry = GALLERY.find((g) => g.name === name)!;
      await renderer.render(entry.build());
      await renderer.click(open);
      if (choose !== undefined) await renderer.choose(choose);
      if (type !== undefined) await renderer.type(type[0], type[1]);
      const action = await renderer.click(submit);
      expect(action?.verb).toBe(verb);
      const parsed = parseSubmission(SUBMISSIONS[verb], action?.data);
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
      expect(parsed.value).toMatchObject({ caseId: "case-0412", meetingId: "meeting-0412-1" });
      expect(parsed.value).toMatchObject(expected);
    },
  );

  it("case-mapping: a chair picked from a drop-down is what case-mapping.allocate stores", async () => {
    const entry = GALLERY.find((g) => g.name === "case-mapping")!;
    await renderer.render(entry.build());
    await renderer.select("Chair for CIN-2025-0087", "Priya Nair");
    const action = await renderer.click("Save allocations");
    expect(action?.verb).toBe(VERBS.caseMappingAllocate);
    const parsed = parseSubmission(SUBMISSIONS[VERBS.caseMappingAllocate], action?.data);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.value).toEqual({
      month: "2027-01",
      cardVersion: "1",
      allocations: [
        { caseId: "case-cin-087", chairId: "2d8b9e30-4c5f-4071-8c1d-3e4f5a6b7c82" },
        { caseId: "case-cin-061", chairId: "0b6f7c1e-2a3d-4e5f-8a9b-1c2d3e4f5a60" },
        { caseId: "case-cin-099", chairId: "1c7a8d2f-3b4e-4f60-9b0c-2d3e4f5a6b71" },
      ],
    });
  });

  it("a stand-down cannot be proposed without a rationale, nor a nudge without an agency", async () => {
    const entry = GALLERY.find((g) => g.name === "quoracy-forecast")!;
    await renderer.render(entry.build());
    await renderer.click("Propose stand-down");
    expect(await renderer.click("Send for approval")).toBeNull();
    await renderer.render(entry.build());
    await renderer.click("Nudge agency");
    expect(await renderer.click("Send the nudge")).toBeNull();
  });

  it("blocks a submission with a required input missing (isRequired), posting nothing", async () => {
    const outcome = GALLERY.find((g) => g.name === "outcome")!;
    const result = await renderer.render(outcome.build());
    expect(result.events).toEqual([]);
    expect(await renderer.click("Record outcome")).toBeNull();
  });
});
