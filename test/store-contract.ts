import { SCHEMA_VERSIONS, type Document } from "../model";
import type { ContainerName } from "../store/layout";
import { isStoreError, type Store } from "../ports/store";
import { recordsOf } from "../ports/records";
import {
  T0,
  aCase,
  aConversationReference,
  aMeeting,
  aNotification,
  aReportStatus,
  aTask,
  anAuditEntry,
  anInviteList,
  at,
  someAccessNeeds,
} from "./fixtures/documents";

/** What each adapter's test file provides to the shared contract. */
export interface StoreHarness {
  /** A fresh, empty store (its own database / file). */
  open(): Promise<StoreUnderTest>;
}

export interface StoreUnderTest {
  store: Store;
  /**
   * Writes a document straight into the underlying database, bypassing the
   * schema check: how the bad-data cases plant a malformed document.
   * `readyAt` is the claimable instant for a raw task.
   */
  insertRaw(
    container: ContainerName,
    raw: Record<string, unknown>,
    readyAt?: string,
  ): Promise<void>;
}

const withoutEtag = (doc: { etag?: string }): Record<string, unknown> => {
  const { etag: _etag, ...rest } = doc;
  return rest;
};

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "resolved";
  } catch (err) {
    return isStoreError(err) ? err.code : `other: ${String(err)}`;
  }
}

/** The one contract both adapters pass. */
export function storeContract(name: string, harness: StoreHarness): void {
  describe(`${name} store contract`, () => {
    let sut: StoreUnderTest;
    let store: Store;

    beforeEach(async () => {
      sut = await harness.open();
      store = sut.store;
    });
    afterEach(async () => {
      await store.close();
    });

    const everyType: Exclude<Document, { type: "audit-entry" }>[] = [
      aCase("case-1"),
      aMeeting("m-1", "case-1", at(0)),
      anInviteList("m-1", "case-1"),
      someAccessNeeds("m-1", "case-1"),
      aReportStatus("m-1", "case-1"),
      aTask("m-1:reports.icpc", at(0)),
      aNotification("m-1:reports.icpc:sw"),
      aConversationReference(),
    ];

    it.each(everyType.map((doc) => [doc.type, doc] as const))(
      "round-trips a %s",
      async (_type, doc) => {
        const created = await store.create(doc);
        expect(typeof created.etag).toBe("string");
        // Every write is stamped with its type's current schema version.
        expect(withoutEtag(created)).toEqual({ ...doc, v: SCHEMA_VERSIONS[doc.type] });
        const read = await store.get(doc.type, doc.id, doc.pk);
        expect(read).toEqual(created);
      },
    );

    it("answers Conflict when the id already exists in the partition", async () => {
      await store.create(aCase("case-1"));
      expect(await codeOf(store.create(aCase("case-1")))).toBe("Conflict");
    });

    it("refuses a document that fails its schema, naming it", async () => {
      const bad = { ...aTask("t-bad", at(0)), pk: "not-the-meeting" };
      await expect(store.create(bad)).rejects.toMatchObject({
        code: "InvalidDocument",
        docId: "t-bad",
      });
    });

    it("answers undefined for a missing document and for another type's id", async () => {
      await store.create(aMeeting("m-1", "case-1", at(0)));
      expect(await store.get("case", "nope", "nope")).toBeUndefined();
      expect(await store.get("invite-list", "m-1", "case-1")).toBeUndefined();
    });

    it("replaces with the current etag and refuses a stale one (412) or a missing document", async () => {
      const created = await store.create(aTask("t-1", at(0)));
      const claimed = await store.replace(
        { ...created, status: "running", leaseOwner: "a", leaseUntil: at(1000) },
        created.etag ?? "",
      );
      expect(claimed.etag).not.toBe(created.etag);
      expect(await codeOf(store.replace({ ...created, attempts: 9 }, created.etag ?? ""))).toBe(
        "PreconditionFailed",
      );
      expect((await store.get("task", "t-1", created.pk))?.status).toBe("running");
      expect(await codeOf(store.replace(aTask("t-missing", at(0)), "whatever"))).toBe("NotFound");
    });

    it("pages due tasks oldest first, including dueAt == now and expired leases", async () => {
      const now = new Date(at(10_000));
      const due = [
        aTask("t-a", at(1_000), { meetingId: "m-2" }),
        aTask("t-b", at(2_000)),
        aTask("t-c", at(3_000), { meetingId: "m-3" }),
        aTask("t-d", at(4_000)),
        aTask("t-now", at(10_000), { meetingId: "m-2" }),
        // Its instance died: lease ended at 5s, so claimable since then.
        aTask("t-lease-expired", at(500), {
          status: "running",
          leaseOwner: "dead",
          leaseUntil: at(5_000),
        }),
      ];
      const notDue = [
        aTask("t-future", at(10_001)),
        aTask("t-done", at(100), { status: "done" }),
        aTask("t-failed", at(100), { status: "failed", lastError: "X" }),
        aTask("t-cancelled", at(100), { status: "cancelled" }),
        aTask("t-leased", at(100), {
          status: "running",
          leaseOwner: "alive",
          leaseUntil: at(10_001),
        }),
        aTask("t-job", at(20_000), {
          meetingId: undefined,
          caseId: undefined,
          taskType: "list.weekly",
        }),
      ];
      for (const task of [...notDue, ...due]) await store.create(task);

      const seen: string[] = [];
      let continuation: string | undefined;
      let pages = 0;
      do {
        const page = await store.dueTasks(now, 2, continuation);
        expect(page.items.length).toBeLessThanOrEqual(2);
        expect(page.invalid).toEqual([]);
        for (const task of page.items) expect(typeof task.etag).toBe("string");
        seen.push(...page.items.map((t) => t.id));
        continuation = page.continuation;
        pages += 1;
      } while (continuation !== undefined && pages < 10);
      expect(seen).toEqual(["t-a", "t-b", "t-c", "t-d", "t-lease-expired", "t-now"]);
    });

    it("keeps paging correctly while earlier due tasks are claimed", async () => {
      const now = new Date(at(60_000));
      for (let i = 0; i < 7; i += 1) await store.create(aTask(`t-${i}`, at(i * 1000)));
      const seen: string[] = [];
      let page = await store.dueTasks(now, 3);
      for (;;) {
        for (const task of page.items) {
          seen.push(task.id);
          await store.replace(
            { ...task, status: "running", leaseOwner: "me", leaseUntil: at(120_000) },
            task.etag ?? "",
          );
        }
        if (page.continuation === undefined) break;
        page = await store.dueTasks(now, 3, page.continuation);
      }
      expect(seen).toEqual(["t-0", "t-1", "t-2", "t-3", "t-4", "t-5", "t-6"]);
      expect((await store.dueTasks(now, 3)).items).toEqual([]);
    });

    it("lists meetings starting in [from, to), by start, any status", async () => {
      const from = new Date("2027-01-04T00:00:00.000Z");
      const to = new Date("2027-01-11T00:00:00.000Z");
      await store.create(aMeeting("m-before", "case-1", "2027-01-03T23:59:59.999Z"));
      await store.create(aMeeting("m-first", "case-1", "2027-01-04T00:00:00.000Z"));
      await store.create(
        aMeeting("m-stood-down", "case-2", "2027-01-06T10:00:00.000Z", {
          status: "stood-down",
          standDown: {
            reason: "no-interpreter",
            rationale: "none booked",
            approvedBy: ["00000000-0000-4000-8000-000000000003"],
            at: T0,
          },
        }),
      );
      await store.create(aMeeting("m-last", "case-3", "2027-01-10T23:59:59.999Z"));
      await store.create(aMeeting("m-after", "case-3", "2027-01-11T00:00:00.000Z"));
      await store.create(aMeeting("m-unbooked", "case-3"));
      const { items, invalid } = await store.meetingsInRange(from, to);
      expect(invalid).toEqual([]);
      expect(items.map((m) => m.id)).toEqual(["m-first", "m-stood-down", "m-last"]);
    });

    it("lists every document of one type across partitions, by id", async () => {
      await store.create(aCase("case-2"));
      await store.create(aCase("case-1"));
      await store.create(aMeeting("m-1", "case-1", at(0)));
      const cases = await store.listAll("case");
      expect(cases.invalid).toEqual([]);
      expect(cases.items.map((c) => c.id)).toEqual(["case-1", "case-2"]);
      expect((await store.listAll("meeting")).items.map((m) => m.id)).toEqual(["m-1"]);
      expect((await store.listAll("invite-list")).items).toEqual([]);
    });

    it("lists the meetings of one case", async () => {
      await store.create(aCase("case-1"));
      await store.create(aMeeting("m-2", "case-1", at(86_400_000)));
      await store.create(aMeeting("m-1", "case-1", at(0)));
      await store.create(aMeeting("m-other", "case-2", at(0)));
      await store.create(anInviteList("m-1", "case-1"));
      const { items } = await store.meetingsOfCase("case-1");
      expect(items.map((m) => m.id)).toEqual(["m-1", "m-2"]);
      expect(items.every((m) => typeof m.etag === "string")).toBe(true);
    });

    it("lists the open (pending or running) tasks of one meeting", async () => {
      await store.create(aTask("m-1:b", at(2_000)));
      await store.create(
        aTask("m-1:a", at(1_000), { status: "running", leaseOwner: "x", leaseUntil: at(9_000) }),
      );
      await store.create(aTask("m-1:done", at(0), { status: "done" }));
      await store.create(aTask("m-1:cancelled", at(0), { status: "cancelled" }));
      await store.create(aTask("m-2:a", at(0), { meetingId: "m-2" }));
      const { items } = await store.openTasksOfMeeting("m-1");
      expect(items.map((t) => t.id)).toEqual(["m-1:a", "m-1:b"]);
    });

    it("lists the notifications claimed and never recorded, across partitions", async () => {
      const claimed = (id: string, status: "pending" | "sent") => ({
        ...aNotification(id),
        status,
        attempts: 1,
        claimedAt: at(1_000),
        claimedBy: "host-a:41:abcd1234",
      });
      await store.create(claimed("n-b", "pending"));
      await store.create(claimed("n-a", "pending"));
      await store.create(claimed("n-sent", "sent"));
      await store.create(aNotification("n-fresh"));
      const { items } = await store.claimedNotifications();
      expect(items.map((n) => [n.id, n.claimedBy])).toEqual([
        ["n-a", "host-a:41:abcd1234"],
        ["n-b", "host-a:41:abcd1234"],
      ]);
    });

    it("appends audit entries and offers no way to change them", async () => {
      await store.appendAudit(anAuditEntry("a-2", "case-1", at(2_000)));
      const first = await store.appendAudit(anAuditEntry("a-1", "case-1", at(1_000)));
      await store.appendAudit(anAuditEntry("a-x", "case-2", at(0)));
      expect(await codeOf(store.appendAudit(anAuditEntry("a-1", "case-1", at(5_000))))).toBe(
        "Conflict",
      );
      // The types forbid these; the casts stand for a caller that ignores them.
      const replaceAny = store.replace.bind(store) as (
        doc: unknown,
        etag: string,
      ) => Promise<unknown>;
      const createAny = store.create.bind(store) as (doc: unknown) => Promise<unknown>;
      expect(await codeOf(replaceAny({ ...first, action: "tampered" }, first.etag ?? ""))).toBe(
        "InvalidDocument",
      );
      expect(await codeOf(createAny(anAuditEntry("a-3", "case-1", at(0))))).toBe("InvalidDocument");
      const { items } = await store.auditOfCase("case-1");
      expect(items.map((e) => [e.id, e.action])).toEqual([
        ["a-1", "meeting.book"],
        ["a-2", "meeting.book"],
      ]);
    });

    it("answers documents below a schema version raw and whole, and refuses to read them until migrated", async () => {
      const current = await store.create(aMeeting("m-new", "case-1", at(0)));
      const { etag: _e, v: _v, ...old } = current;
      // As main stored it: no version, one decision for the case.
      await sut.insertRaw("cases", {
        ...old,
        id: "m-old",
        status: "outcome-recorded",
        outcome: {
          recordedBy: aCase().socialWorker.entraObjectId,
          recordedAt: at(1),
          decision: "plan",
          category: "neglect",
        },
      });
      const outdated = await store.outdated("meeting", SCHEMA_VERSIONS.meeting);
      expect(outdated.map((d) => [d.id, d.pk, d.type])).toEqual([["m-old", "case-1", "meeting"]]);
      expect(outdated[0]?.body).toMatchObject({
        outcome: { decision: "plan", category: "neglect" },
      });
      expect(outdated[0]?.body).not.toHaveProperty("v");
      expect(typeof outdated[0]?.etag).toBe("string");
      expect(await store.outdated("meeting", 1)).toEqual([]);
      const listing = await store.meetingsOfCase("case-1");
      expect(listing.items.map((m) => m.id)).toEqual(["m-new"]);
      expect(listing.invalid).toEqual([
        {
          id: "m-old",
          pk: "case-1",
          type: "meeting",
          outdated: true,
          error: "stored at version 1, not yet migrated to 2",
        },
      ]);
      // Only in an older shape: the migration's to bring up, never quarantined.
      expect(await store.quarantine(listing.invalid[0]!, new Date(at(0)))).toBe("outdated");
      expect(await store.quarantined()).toEqual([]);
    });

    it("reports a malformed stored document by id and returns the rest", async () => {
      const now = new Date(at(10_000));
      await store.create(aTask("t-good-1", at(1_000)));
      await store.create(aTask("t-good-2", at(3_000)));
      await sut.insertRaw("tasks", { ...aTask("t-bad", at(2_000)), attempts: "three" }, at(2_000));
      const page = await store.dueTasks(now, 10);
      expect(page.items.map((t) => t.id)).toEqual(["t-good-1", "t-good-2"]);
      expect(page.invalid).toEqual([
        { id: "t-bad", pk: "m-1", type: "task", error: expect.stringContaining("attempts") },
      ]);

      await store.create(aMeeting("m-good", "case-1", at(0)));
      await sut.insertRaw("cases", { ...aMeeting("m-bad", "case-1", at(1)), kind: "CIN" });
      const meetings = await store.meetingsOfCase("case-1");
      expect(meetings.items.map((m) => m.id)).toEqual(["m-good"]);
      expect(meetings.invalid.map((i) => i.id)).toEqual(["m-bad"]);
      await expect(store.get("meeting", "m-bad", "case-1")).rejects.toMatchObject({
        code: "InvalidDocument",
        docId: "m-bad",
      });
    });

    it("quarantines an unreadable task, case and meeting in place: raw form kept, listed by id only, idempotent", async () => {
      const now = new Date(at(10_000));
      const when = new Date("2027-01-11T09:00:00.000Z");
      await store.create(aCase("case-1"));
      await store.create(aMeeting("m-good", "case-1", at(0)));
      await store.create(aTask("t-good", at(1_000)));
      // In the current shape (a version), so unreadable, not merely outdated.
      const v = (type: keyof typeof SCHEMA_VERSIONS) => ({ v: SCHEMA_VERSIONS[type] });
      await sut.insertRaw(
        "tasks",
        { ...aTask("t-bad", at(2_000)), ...v("task"), attempts: "three" },
        at(2_000),
      );
      await sut.insertRaw("cases", {
        ...aMeeting("m-bad", "case-1", at(1)),
        ...v("meeting"),
        kind: "CIN",
      });
      await sut.insertRaw("cases", { ...aCase("case-bad"), ...v("case"), reference: 42 });

      const tasks = await store.dueTasks(now, 10);
      const meetings = await store.meetingsOfCase("case-1");
      const cases = await store.listAll("case");
      const bad = [...tasks.invalid, ...meetings.invalid, ...cases.invalid];
      expect(bad.map((r) => [r.type, r.pk, r.id])).toEqual([
        ["task", "m-1", "t-bad"],
        ["meeting", "case-1", "m-bad"],
        ["case", "case-bad", "case-bad"],
      ]);
      for (const ref of bad) expect(await store.quarantine(ref, when)).toBe("quarantined");
      // Again (another instance, the next sweep): nothing more happens.
      for (const ref of bad) expect(await store.quarantine(ref, when)).toBe("already");

      // No listing answers them any more, and the good ones are all there.
      const after = await store.dueTasks(now, 10);
      expect([after.items.map((t) => t.id), after.invalid]).toEqual([["t-good"], []]);
      const m = await store.meetingsOfCase("case-1");
      expect([m.items.map((x) => x.id), m.invalid]).toEqual([["m-good"], []]);
      const inRange = await store.meetingsInRange(new Date(at(-1)), new Date(at(10)));
      expect([inRange.items.map((x) => x.id), inRange.invalid]).toEqual([["m-good"], []]);
      const c = await store.listAll("case");
      expect([c.items.map((x) => x.id), c.invalid]).toEqual([["case-1"], []]);
      expect((await store.openTasksOfMeeting("m-1")).invalid).toEqual([]);
      // A point read never takes it for absent.
      for (const [type, id, pk] of [
        ["task", "t-bad", "m-1"],
        ["meeting", "m-bad", "case-1"],
        ["case", "case-bad", "case-bad"],
      ] as const)
        await expect(store.get(type, id, pk)).rejects.toMatchObject({
          code: "InvalidDocument",
          docId: id,
        });

      // Listed by where it was and why, never with its raw form.
      const listed = await store.quarantined();
      expect(listed.map((q) => [q.recordType, q.pk, q.id])).toEqual(
        expect.arrayContaining([
          ["task", "m-1", "t-bad"],
          ["meeting", "case-1", "m-bad"],
          ["case", "case-bad", "case-bad"],
        ]),
      );
      expect(listed).toHaveLength(3);
      for (const q of listed) {
        expect(q.quarantinedAt).toBe(when.toISOString());
        expect(Object.keys(q).sort()).toEqual([
          "id",
          "pk",
          "quarantinedAt",
          "reason",
          "recordType",
        ]);
      }
      expect(listed.find((q) => q.id === "t-bad")?.reason).toContain("attempts");
      expect(listed.find((q) => q.id === "m-bad")?.reason).toContain("kind");
      expect(listed.find((q) => q.id === "case-bad")?.reason).toContain("reference");

      // The raw form is kept whole, where it was.
      const held = (await recordsOf(store).everyRecord()).find(
        (r) => r.id === "m-bad" && r.pk === "case-1",
      );
      const wrapper = JSON.parse(held?.body ?? "{}") as { type?: string; raw?: string };
      expect(wrapper.type).toBe("quarantined");
      expect(JSON.parse(wrapper.raw ?? "{}")).toMatchObject({ id: "m-bad", kind: "CIN" });
    });

    it("gives an operator the raw form and puts a corrected record back in its place, validated", async () => {
      const v = { v: SCHEMA_VERSIONS.meeting };
      await sut.insertRaw("cases", { ...aMeeting("m-bad", "case-1", at(1)), ...v, kind: "CIN" });
      const [ref] = (await store.meetingsOfCase("case-1")).invalid;
      expect(await store.quarantine(ref!, new Date(at(5)))).toBe("quarantined");

      const held = await store.quarantinedRecord("meeting", "case-1", "m-bad");
      expect(held?.ref).toMatchObject({ recordType: "meeting", pk: "case-1", id: "m-bad" });
      expect(JSON.parse(held?.raw ?? "{}")).toMatchObject({ id: "m-bad", kind: "CIN" });
      // Only that type at that place: another type's read finds nothing.
      expect(await store.quarantinedRecord("case", "case-1", "m-bad")).toBeUndefined();
      expect(await store.quarantinedRecord("meeting", "case-1", "m-none")).toBeUndefined();

      // A correction that still fails its schema is refused and changes nothing.
      await expect(
        store.restoreQuarantined({ ...aMeeting("m-bad", "case-1", at(1)), kind: "CIN" } as never),
      ).rejects.toMatchObject({ code: "InvalidDocument" });
      expect(await store.quarantinedRecord("meeting", "case-1", "m-bad")).toBeDefined();
      // A record not held aside is never overwritten this way.
      await store.create(aMeeting("m-good", "case-1", at(0)));
      await expect(
        store.restoreQuarantined(aMeeting("m-good", "case-1", at(9))),
      ).rejects.toMatchObject({ code: "NotFound" });

      const restored = await store.restoreQuarantined(aMeeting("m-bad", "case-1", at(1)));
      expect(typeof restored.etag).toBe("string");
      expect((await store.meetingsOfCase("case-1")).items.map((m) => m.id).sort()).toEqual([
        "m-bad",
        "m-good",
      ]);
      expect(await store.quarantined()).toEqual([]);
      expect((await store.get("meeting", "m-good", "case-1"))?.start).toBe(at(0));
    });

    it("leaves a readable record where it is and answers gone for one not there", async () => {
      await store.create(aMeeting("m-good", "case-1", at(0)));
      const ref = { id: "m-good", pk: "case-1", type: "meeting", error: "x" } as const;
      expect(await store.quarantine(ref, new Date(at(0)))).toBe("readable");
      expect(await store.quarantine({ ...ref, id: "m-none" }, new Date(at(0)))).toBe("gone");
      expect((await store.meetingsOfCase("case-1")).items.map((m) => m.id)).toEqual(["m-good"]);
      expect(await store.quarantined()).toEqual([]);
    });
  });
}
