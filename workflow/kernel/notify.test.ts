import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEMO_IDS } from "../../app/demo/authority";
import { SqliteStore } from "../../store/sqlite/sqlite-store";
import { recordingNotifier } from "../../test/fakes/recording-notifier";
import { sendCardOnce } from "./notify";
import { cardOnlyDeps } from "../../test/fixtures/workflow-deps";

/**
 * One notification per thing: two senders of the same notification (two
 * forecasts due at one instant, a double click) send it once; a send
 * interrupted by a crash is reported as in doubt, never repeated silently.
 */
const root = mkdtempSync(join(tmpdir(), "convene-notify-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;

function setup() {
  n += 1;
  const store = new SqliteStore({ file: join(root, `n-${n}.sqlite`) });
  let now = new Date("2027-01-26T09:00:00.000Z");
  const clock = () => new Date(now.getTime());
  const notifier = recordingNotifier(clock);
  // Teams takes a moment to answer: long enough for a second sender to arrive.
  const slow = {
    ...notifier,
    sendCard: async (...args: Parameters<typeof notifier.sendCard>) => {
      await new Promise((r) => setTimeout(r, 20));
      return notifier.sendCard(...args);
    },
  };
  const deps = cardOnlyDeps({ store, clock, notifier: slow });
  return { store, deps, notifier, advance: (ms: number) => (now = new Date(now.getTime() + ms)) };
}

const notice = {
  id: "m-1:quoracy:11111111-1111-4111-8111-111111111111",
  kind: "quoracy-forecast",
  recipient: { entraObjectId: DEMO_IDS.clerk, name: "Casey Clerk", email: "casey@x.example" },
  card: { type: "AdaptiveCard" },
  preview: "ICPC for case C-1 may not be quorate",
  caseId: "case-1",
  meetingId: "m-1",
};

describe("sendCardOnce", () => {
  it("two senders of the same notification at the same moment send one card", async () => {
    const { deps, notifier, store } = setup();
    // The second arrives while the first waits on Teams (two forecasts due together).
    const first = sendCardOnce(deps, notice);
    await new Promise((r) => setTimeout(r, 5));
    const results = await Promise.allSettled([first, sendCardOnce(deps, notice)]);
    expect(notifier.sent).toHaveLength(1);
    // The loser is told to come back later (a transient error): by then it is sent.
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(await sendCardOnce(deps, notice)).toBe("already-sent");
    expect(notifier.sent).toHaveLength(1);
    await store.close();
  });

  it("a send cut short by a crash is reported in doubt to the service owners, then sent", async () => {
    const { deps, notifier, store, advance } = setup();
    // The crashed run: claimed (attempts 1) at 09:00, never recorded.
    await store.create({
      id: notice.id,
      type: "notification",
      pk: notice.id,
      kind: notice.kind,
      channel: "teams",
      recipient: DEMO_IDS.clerk,
      status: "pending",
      attempts: 1,
      claimedAt: "2027-01-26T09:00:00.000Z",
      createdAt: "2027-01-26T09:00:00.000Z",
    });
    // Inside the claim: someone may be sending it now; not again.
    await expect(sendCardOnce(deps, notice)).rejects.toMatchObject({
      code: "Notification.in-flight",
    });
    expect(notifier.sent).toHaveLength(0);
    // After the lease a crashed task is re-run after: in doubt.
    advance(21 * 60_000);
    expect(await sendCardOnce(deps, notice)).toBe("sent");
    expect(notifier.sent).toHaveLength(1);
    const incidents = (await store.listAll("incident")).items;
    expect(incidents).toEqual([
      expect.objectContaining({
        kind: "in-doubt-send",
        notificationId: notice.id,
        meetingId: "m-1",
      }),
    ]);
    await store.close();
  });
});
