import { MILESTONES } from "../../workflow/timeline/milestones";
import { cardActions, cardText } from "../fakes/recording-notifier";
import { bookedLeicestershireIcpc, CASE_ID, submitListAndAccess } from "./journey";
import { DEMO_IDS, type World } from "./world";

/**
 * End to end with the application permission Mail.Send withheld in the
 * local Graph (test/local-graph follows "Permissions" on
 * https://learn.microsoft.com/en-us/graph/api/user-sendmail: without it
 * sendMail answers 403 ErrorAccessDenied). Nothing is wrapped: the Graph
 * adapter classifies the real 403 and the workflow acts on it.
 *
 * Withheld, no email at all can go, including the email to the operations
 * mailbox about the failure itself: the service owners' Teams card reaches
 * them at once, and the email is held (never counted as sent) and goes once
 * the permission is granted again.
 */
const POLICE = "police-checks@police.example";
const OPS = "convene-operations@demo-council.example";
const SW = DEMO_IDS.socialWorker;
const OWNER = DEMO_IDS.serviceManager;

describe("Mail.Send withheld in the local Graph", () => {
  let world: World;
  let meetingId: string;
  beforeAll(async () => {
    ({ world, meetingId } = await bookedLeicestershireIcpc());
    world.graph!.permissions.revoke("Mail.Send");
    await submitListAndAccess(world, meetingId, "2027-01-19T11:00:00.000Z");
  });
  afterAll(async () => {
    await world.close();
  });

  it("fails the police-check task at once, sends nothing and records no milestone", async () => {
    const failed = world.failed.filter((f) => f.taskId.includes("police-checks"));
    expect(failed).toHaveLength(1);
    expect(failed[0]?.error).toMatch(/refused/i);
    // Telling people about it did not give up: the email to them is held, not lost.
    expect(world.failed.filter((f) => /failure\./.test(f.taskId))).toEqual([]);
    expect(world.graph!.state.sentMail.filter((m) => m.to.includes(POLICE))).toHaveLength(0);
    const meeting = await world.store.get("meeting", meetingId, CASE_ID);
    expect(meeting?.milestones[MILESTONES.policeChecksSent]).toBeUndefined();
  });

  it("leaves the chasers on", async () => {
    const open = await world.store.openTasksOfMeeting(meetingId);
    expect(open.items.map((t) => t.taskType)).toContain("police-checks.request");
  });

  it("gives each service owner one card about it, and tells the social worker in plain words", async () => {
    // Invitations go by email too, so they fail as well: each failure is its own card.
    const ownerCards = world.notifier.sent.filter(
      (s) => s.to === OWNER && /could not finish something: the police check/i.test(s.preview),
    );
    expect(ownerCards).toHaveLength(1);
    expect(cardActions(ownerCards[0]!.card).map((a) => a.title)).toEqual(
      expect.arrayContaining(["Retry", "Mark handled"]),
    );
    const swCards = world.notifier.sent.filter(
      (s) =>
        s.to === SW &&
        /police check/i.test(cardText(s.card)) &&
        /not been sent|could not/i.test(cardText(s.card)),
    );
    expect(swCards).toHaveLength(1);
    expect(cardText(swCards[0]!.card)).not.toMatch(/403|Mail\.|rejected|ErrorAccessDenied/);
  });

  it("holds the operations email while Mail.Send is withheld, then sends it once", async () => {
    expect(world.graph!.state.sentMail.filter((m) => m.to.includes(OPS))).toHaveLength(0);
    world.graph!.permissions.grant("Mail.Send");
    await world.advanceTo("2027-01-19T18:00:00.000Z");
    const subject = (m: { message: unknown }) => (m.message as { subject?: string }).subject ?? "";
    const ops = world.graph!.state.sentMail.filter(
      (m) => m.to.includes(OPS) && /police check/i.test(subject(m)),
    );
    expect(ops).toHaveLength(1);
    // Granting the permission does not quietly send the refused police checks:
    // they wait for a person's Retry.
    expect(world.graph!.state.sentMail.filter((m) => m.to.includes(POLICE))).toHaveLength(0);
  });
});
