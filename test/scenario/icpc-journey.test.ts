import { VERBS } from "../../cards/verbs";
import { MILESTONES } from "../../workflow/timeline/milestones";
import { cardText } from "../fakes/recording-notifier";
import { CASE_ID, CHILD_IDS, decisionsFor, requestAndBook, submitListAndAccess } from "./journey";
import { DEMO_IDS, makeWorld, type World } from "./world";

/**
 * The conference journey in Teams: one ICPC per policy from strategy discussion to outcome, against
 * the real store and scheduler, with a fake clock. Every reminder,
 * escalation and brief is sent exactly once, at the time docs/rules.md gives, and
 * none is sent for a thing already done.
 *
 * The same story for each policy (dates hand-picked in an ordinary January,
 * no bank holiday): strategy discussion Mon 11 Jan 2027; the SW requests the
 * ICPC at 14:00; the clerk books Fri 29 Jan 10:00 (inside icpc.latest,
 * Mon 1 Feb 17:00) on Tue 12 Jan; the SW submits the invite list (with a
 * police check and its reason) and the family's access needs on Tue 19 Jan
 * 11:00; the SW never reports the report status (so report deadlines
 * fire); the chair records a plan at 12:00 on the day.
 *
 * `expected` lists, per policy, the sends after booking by hand: the
 * instant, who, and whether it is a reminder, escalation or brief.
 */
const SW = DEMO_IDS.socialWorker;
const TM = DEMO_IDS.teamManager;
const CHAIR = DEMO_IDS.chair;
const CLERK = DEMO_IDS.clerk;

type Expected = [at: string, to: string, kind: "Reminder" | "Escalation" | "Brief"][];

const EXPECTED: Record<string, Expected> = {
  // docs/rules.md, national rules only: the chair's brief the working day before at 09:00.
  england: [["2027-01-28T09:00:00.000Z", CHAIR, "Brief"]],
  // Swindon: invite-list.reminder (09:00) and invite-list.due (17:00) on the
  // 5th working day after the strategy discussion, to the TM; the list
  // came at 11:00 on day 6, after invite-list.escalate (09:00 that day) had
  // gone to the TM and SM; reports.icpc 2 days before (Wed 27 Jan 17:00)
  // to the SW.
  swindon: [
    ["2027-01-18T09:00:00.000Z", TM, "Reminder"],
    ["2027-01-18T17:00:00.000Z", TM, "Reminder"],
    ["2027-01-19T09:00:00.000Z", TM, "Escalation"],
    ["2027-01-19T09:00:00.000Z", DEMO_IDS.serviceManager, "Escalation"],
    ["2027-01-27T17:00:00.000Z", SW, "Reminder"],
    ["2027-01-28T09:00:00.000Z", CHAIR, "Brief"],
  ],
  // Virtual-conference: invite-list.due and notice.participants 10 working days before
  // (Fri 15 Jan 17:00) to the SW, and to the CPA and clerk;
  // family.report-sharing (Wed 20 Jan) is done (access needs on 19 Jan);
  // report.family-walkthrough 5 working days before (Fri 22 Jan 17:00) to
  // the SW; the brief at chair.pre-discussion (3 working days before, Tue 26 Jan 17:00).
  "virtual-conference": [
    ["2027-01-15T17:00:00.000Z", SW, "Reminder"],
    ["2027-01-15T17:00:00.000Z", CHAIR, "Reminder"],
    ["2027-01-15T17:00:00.000Z", CLERK, "Reminder"],
    ["2027-01-22T17:00:00.000Z", SW, "Reminder"],
    ["2027-01-26T17:00:00.000Z", CHAIR, "Brief"],
  ],
  // Leicestershire: police checks (Wed 20 Jan 16:00; best Tue 19 Jan 16:00) and
  // notice.participants (Wed 20 Jan) are done by then; report.family and
  // report.chair-clerk 24 hours before (Thu 28 Jan 10:00) to the SW;
  // sw.join-early 15 minutes before a virtual meeting; plan.sign-off 5
  // working days after (Fri 5 Feb 17:00) to the chair; record.available 15
  // working days after (Fri 19 Feb 17:00) to chair and clerk.
  leicestershire: [
    ["2027-01-28T09:00:00.000Z", CHAIR, "Brief"],
    ["2027-01-28T10:00:00.000Z", SW, "Reminder"],
    ["2027-01-28T10:00:00.000Z", SW, "Reminder"],
    ["2027-01-29T09:45:00.000Z", SW, "Reminder"],
    ["2027-02-05T17:00:00.000Z", CHAIR, "Reminder"],
    ["2027-02-19T17:00:00.000Z", CHAIR, "Reminder"],
    ["2027-02-19T17:00:00.000Z", CLERK, "Reminder"],
  ],
  // West Sussex: register.update on the day is done by the outcome at 12:00.
  "west-sussex": [["2027-01-28T09:00:00.000Z", CHAIR, "Brief"]],
  "chair-consultation": [["2027-01-28T09:00:00.000Z", CHAIR, "Brief"]],
};

describe.each(Object.keys(EXPECTED))(
  "an ICPC under %s, strategy discussion to outcome",
  (policy) => {
    let world: World;
    let meetingId: string;

    beforeAll(async () => {
      world = await makeWorld({ policy, start: "2027-01-11T09:00:00.000Z" });
      meetingId = await requestAndBook(world, {
        strategy: "2027-01-11",
        requestAt: "2027-01-11T14:00:00.000Z",
        bookAt: "2027-01-12T09:30:00.000Z",
        slotStart: "2027-01-29T10:00:00.000Z",
      });
    });
    afterAll(async () => {
      await world.close();
    });

    it("books: the clerk's card updates, chair and SW get their cards once each", async () => {
      const meeting = await world.store.get("meeting", meetingId, CASE_ID);
      expect(meeting?.status).toBe("booked");
      expect(meeting?.outlookEventId).toBeDefined();
      expect(meeting?.milestones[MILESTONES.booked]).toBeDefined();
      expect(world.notifier.updates.map((u) => [u.to, u.activityId])).toEqual([
        [CLERK, "clerk-card-1"],
      ]);
      const byPreview = world.notifier.sent.map((s) => [s.to, s.preview]);
      expect(byPreview).toEqual(
        expect.arrayContaining([
          [CLERK, "Please book the ICPC for case C-1001"],
          [CHAIR, "ICPC booked for case C-1001: please confirm"],
          [SW, "ICPC booked for case C-1001"],
          [SW, "Invite list needed for case C-1001"],
          [SW, "The family's access needs for case C-1001"],
        ]),
      );
      expect(world.notifier.sent).toHaveLength(5);
    });

    it("sends exactly the expected reminders, escalations and brief, each once, on time", async () => {
      const afterBooking = world.notifier.sent.length;
      await submitListAndAccess(world, meetingId, "2027-01-19T11:00:00.000Z");
      // The report-status card follows the invitations, at once.
      expect(
        world.notifier.sent
          .slice(afterBooking)
          .filter((s) => s.preview.startsWith("Report status"))
          .map((s) => [s.to, s.at]),
      ).toEqual([[SW, "2027-01-19T11:00:00.000Z"]]);
      await world.advanceTo("2027-01-29T12:00:00.000Z");
      const outcome = await world.act(CHAIR, VERBS.recordOutcome, {
        caseId: CASE_ID,
        meetingId,
        meetingDate: "2027-01-29",
        nextRcpcLimit: "2027-04-29",
        coreGroupLimit: "2027-02-12",
        ...decisionsFor(CHILD_IDS, true),
        nextRcpcDate: "2027-04-20",
        nextRcpcTime: "10:00",
        coreGroupDate: "2027-02-09",
      });
      expect(outcome.kind).toBe("card");
      expect(cardText((outcome as { card: Record<string, unknown> }).card)).toContain(
        "Outcome recorded",
      );
      await world.advanceTo("2027-03-31T12:00:00.000Z");

      // The outcome books the next RCPC at once: its booking cards to the
      // chair and the SW, the SW's cards to review the carried-over list and
      // the family's access needs, and the core group's date to the SW who
      // leads it, each once, at the outcome; nothing asks a clerk to book it.
      const atOutcome = (s: { at: string }) => s.at === "2027-01-29T12:00:00.000Z";
      const nextRcpc = [
        "RCPC booked for case C-1001",
        "RCPC booked for case C-1001: please confirm",
        "Invite list needed for case C-1001",
        "The family's access needs for case C-1001",
        "First core group meeting for case C-1001",
      ];
      expect(
        world.notifier.sent
          .slice(afterBooking)
          .filter((s) => atOutcome(s) && nextRcpc.includes(s.preview))
          .map((s) => [s.to, s.preview])
          .sort(),
      ).toEqual(
        [
          [CHAIR, "RCPC booked for case C-1001: please confirm"],
          [SW, "RCPC booked for case C-1001"],
          [SW, "Invite list needed for case C-1001"],
          [SW, "The family's access needs for case C-1001"],
          [SW, "First core group meeting for case C-1001"],
        ].sort(),
      );
      expect(
        world.notifier.sent.filter((s) => s.preview.startsWith("Please book the RCPC")),
      ).toEqual([]);
      const sends = world.notifier.sent
        .slice(afterBooking)
        // The next RCPC's booking is above; the quoracy forecast has its own
        // scenario (nobody replies to the invitations here); the decisions
        // that follow the outcome are after-meeting.test.ts's.
        .filter((s) => !(atOutcome(s) && nextRcpc.includes(s.preview)))
        .filter(
          (s) =>
            !s.preview.startsWith("Please book") &&
            !s.preview.startsWith("Report status") &&
            !s.preview.includes("may not be quorate") &&
            !s.preview.startsWith("Decisions"),
        )
        .map((s) => [
          s.at,
          s.to,
          s.preview.startsWith("Brief") ? "Brief" : s.preview.split(":")[0],
        ]);
      const sortKey = (x: unknown[]) => x.join("|");
      expect(sends.map(sortKey).sort()).toEqual(EXPECTED[policy]!.map(sortKey).sort());
      expect(world.failed).toEqual([]);
    });

    it("made one locked Teams meeting in Outlook and emailed each family member once", () => {
      const graph = world.graph!;
      // The ICPC's event (the next RCPC's, booked at the outcome, is after-meeting's).
      const events = [...graph.state.events.values()].filter(
        (e) => !e.cancelled && e.transactionId === meetingId,
      );
      expect(events).toHaveLength(1);
      const [meeting] = [...graph.state.meetings.values()];
      expect(meeting?.settings).toEqual(
        expect.objectContaining({
          lobbyBypassSettings: {
            scope: "organizationExcludingGuests",
            isDialInBypassEnabled: false,
          },
          allowMeetingChat: "disabled",
          allowRecording: false,
          allowTranscription: false,
        }),
      );
      // Professionals are attendees of the event; the family never is (Leicestershire).
      const attendees = JSON.stringify(events[0]?.patches ?? []);
      expect(attendees).toContain("dana.officer@police.example");
      expect(attendees).not.toMatch(/fran@home|gus@home|hal@law/);
      // Each family member and the legal representative: one invitation, alone
      // on it (the conference's decisions follow by email too, virtual-conference).
      for (const email of ["fran@home.example", "gus@home.example", "hal@law.example"]) {
        const mails = graph.state.sentMail.filter(
          (m) =>
            m.to.includes(email) &&
            JSON.stringify(m.message).includes("Invitation: initial child protection conference"),
        );
        expect(mails).toHaveLength(1);
        expect(mails[0]?.to).toEqual([email]);
        expect(mails[0]?.cc).toEqual([]);
      }
      // One police-check request, to the police mailbox, with the reason.
      const police = graph.state.sentMail.filter((m) =>
        m.to.includes("police-checks@police.example"),
      );
      expect(police).toHaveLength(1);
      expect(JSON.stringify(police[0]?.message)).toContain("previous domestic abuse call-outs");
    });

    it("names the children only in the Outlook event's body, never in a subject, preview, log line or other Graph request", () => {
      // The invitation's body names the children the conference is about
      // (professionals need to know which child); nothing else may.
      const calls = world.graph!.calls.map((c) => {
        const body = c.body as { body?: unknown } | undefined;
        return /\/events(\/[^/]+)?$/.test(c.path) && body?.body !== undefined
          ? { ...c, body: { ...body, body: "(the event's body)" } }
          : c;
      });
      expect(JSON.stringify(calls)).not.toMatch(/Alex|Billie/);
      expect(JSON.stringify(world.graph!.calls)).toMatch(/Alex Example, born/);
      for (const s of world.notifier.sent) {
        expect(s.preview).not.toMatch(/Alex|Billie|Example/);
      }
      const logged = JSON.stringify(world.logger.lines);
      expect(logged).not.toMatch(/Alex|Billie|Fran|Gus|Example|Polish/);
    });
  },
);
