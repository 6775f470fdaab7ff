import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { DEMO_IDS } from "../../app/demo/authority";
import type { Notification } from "../../model";
import { SqliteStore } from "../../store/sqlite/sqlite-store";
import { recordingNotifier } from "../../test/fakes/recording-notifier";
import { sendCardOnce } from "../kernel/notify";
import { reportInDoubtAtStart } from "./in-doubt-at-start";
import { cardOnlyDeps } from "../../test/fixtures/workflow-deps";
import { SENT_NOTICE } from "../../test/fixtures/send-notice";

/**
 * A card claimed by a process that was killed before it recorded the
 * outcome may have reached Teams or not. The process that starts next
 * reports it to the service owners at once; the task's re-run (after its
 * lease) then sends it again and does not report it a second time.
 */
const root = mkdtempSync(join(tmpdir(), "convene-in-doubt-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const CLAIMED_AT = "2027-01-26T09:00:00.000Z";
const DEAD = "convene-host:4101:deadbeef";
const NEW = "convene-host:4242:c0ffee00";

function setup() {
  n += 1;
  const file = join(root, `s-${n}.sqlite`);
  const store = new SqliteStore({ file });
  let now = new Date("2027-01-26T09:02:00.000Z");
  const clock = () => new Date(now.getTime());
  const notifier = recordingNotifier(clock);
  const deps = cardOnlyDeps({ store, clock, notifier, instance: NEW });
  return {
    store,
    file,
    deps,
    notifier,
    advance: (ms: number) => (now = new Date(now.getTime() + ms)),
  };
}

const claimed = (id: string, over: Partial<Notification> = {}): Notification => ({
  id,
  type: "notification",
  pk: id,
  kind: "reminder",
  channel: "teams",
  recipient: DEMO_IDS.clerk,
  caseId: "case-C-1001",
  meetingId: "m-1",
  status: "pending",
  attempts: 1,
  claimedAt: CLAIMED_AT,
  claimedBy: DEAD,
  createdAt: CLAIMED_AT,
  ...over,
});

describe("sends left in doubt, found at start-up", () => {
  it("reports a card the stopped process claimed, once, and the re-run does not report it again", async () => {
    const { deps, store, notifier, advance } = setup();
    await store.create(claimed("m-1:reminder:clerk"));
    await store.create(claimed("m-1:sent", { status: "sent" }));
    await store.create(claimed("m-1:email", { channel: "email" }));
    await store.create(claimed("m-1:mine", { claimedBy: NEW }));

    expect(await reportInDoubtAtStart(deps, { instance: NEW, singleInstance: true })).toEqual({
      inDoubt: 1,
      raised: 1,
    });
    const incidents = (await store.listAll("incident")).items;
    expect(incidents).toEqual([
      expect.objectContaining({
        kind: "in-doubt-send",
        status: "open",
        notificationId: "m-1:reminder:clerk",
        caseId: "case-C-1001",
        meetingId: "m-1",
        raisedAt: "2027-01-26T09:02:00.000Z",
      }),
    ]);
    // The service owners are told by the failure.notify task it queued.
    const queued = await store.dueTasks(deps.clock(), 10);
    expect(queued.items.map((t) => t.taskType)).toEqual(["failure.notify"]);

    // A second start finds it again and raises nothing new.
    expect(await reportInDoubtAtStart(deps, { instance: NEW, singleInstance: true })).toEqual({
      inDoubt: 1,
      raised: 0,
    });
    // The task's re-run after its lease sends it, under the same incident.
    advance(21 * 60_000);
    const notice = { ...SENT_NOTICE, id: "m-1:reminder:clerk", kind: "reminder" };
    expect(await sendCardOnce(deps, notice)).toBe("sent");
    expect(notifier.sent).toHaveLength(1);
    expect((await store.listAll("incident")).items).toHaveLength(1);
    const stored = await store.get("notification", notice.id, notice.id);
    expect(stored).toMatchObject({ status: "sent", claimedBy: NEW });
    await store.close();
  });

  it("with several instances (Cosmos), leaves another host's claim to its task's re-run", async () => {
    const { deps, store } = setup();
    await store.create(claimed("m-1:other-host", { claimedBy: "other-host:77:aaaa0000" }));
    await store.create(claimed("m-1:unstamped", { claimedBy: undefined }));
    await store.create(claimed("m-1:this-host"));
    const result = await reportInDoubtAtStart(deps, { instance: NEW, singleInstance: false });
    expect(result).toEqual({ inDoubt: 1, raised: 1 });
    expect((await store.listAll("incident")).items.map((i) => i.notificationId)).toEqual([
      "m-1:this-host",
    ]);
    await store.close();
  });

  it("with one instance (SQLite), any other process's claim is in doubt, stamped or not", async () => {
    const { deps, store } = setup();
    await store.create(claimed("m-1:unstamped", { claimedBy: undefined }));
    await store.create(claimed("m-1:other-host", { claimedBy: "other-host:77:aaaa0000" }));
    const result = await reportInDoubtAtStart(deps, { instance: NEW, singleInstance: true });
    expect(result).toEqual({ inDoubt: 2, raised: 2 });
    await store.close();
  });

  it("sets aside a claimed notification it cannot read, and raises it, rather than skip it", async () => {
    const { deps, store, file } = setup();
    await store.create(claimed("m-1:garbled"));
    const db = new Database(file);
    db.prepare("UPDATE docs SET body = json_set(body, '$.attempts', 'one') WHERE id = ?").run(
      "m-1:garbled",
    );
    db.close();
    expect(await reportInDoubtAtStart(deps, { instance: NEW, singleInstance: true })).toEqual({
      inDoubt: 0,
      raised: 0,
    });
    const incidents = (await store.listAll("incident")).items;
    expect(incidents).toEqual([
      expect.objectContaining({
        kind: "unreadable-record",
        recordType: "notification",
        recordId: "m-1:garbled",
      }),
    ]);
    expect((await store.quarantined()).map((q) => q.id)).toEqual(["m-1:garbled"]);
    await store.close();
  });
});
