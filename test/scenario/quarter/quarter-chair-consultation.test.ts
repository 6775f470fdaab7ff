import { C1001, chases, itRunsTheCommonThread, replayQuarter, rows, type Quarter } from "./story";
import { scheduleAgreement } from "./schedule-agreement";
import { VERBS } from "../../../cards/verbs";
import { Q } from "./staff";
import { accepted, addCase, press } from "./steps";

/**
 * The councils' other procedures: a quarter of the chair-consultation procedure. The
 * common thread is in story.ts (an ICPC on Tue 6 Apr over Easter whose
 * invite list came late); below, what docs/rules.md `chair-consultation` says
 * must happen, by hand.
 */
const POLICY = "chair-consultation";

// Chair-consultation adds no meeting rule: the chair's brief the working day before.
const ICPC_SENDS: [string, string, string][] = [["2027-04-05T08:00:00.000Z", Q.chair, "Brief"]];

describe("a quarter of the chair-consultation procedure, March to May 2027", () => {
  let q: Quarter;

  beforeAll(async () => {
    q = await replayQuarter(POLICY, {
      setUp: async ({ world }) => {
        // C-1001 was on a plan from Feb 2024 to Jun 2025: this ICPC is a
        // re-referral (chair-consultation). C-1005 is a Child in Need case open since Nov
        // 2025, never mapped: on the monthly list from March.
        const c1001 = (await world.store.get("case", C1001, C1001))!;
        const children = c1001.children.map((c) => ({
          ...c,
          planHistory: [{ start: "2024-02-01", end: "2025-06-30" }],
        }));
        await world.store.replace({ ...c1001, children }, c1001.etag!);
        await addCase(world, "C-1005", [{ name: "Eden Need", dob: "2015-07-07" }], {
          cin: { openedAt: "2025-11-03" },
        });
      },
      steps: [
        [
          "2027-03-02T10:00:00.000Z",
          async ({ world }) => {
            accepted(
              await press(world, Q.qaAdmin, "Case mapping: March 2027", VERBS.caseMappingAllocate, {
                "allocations.0.chairId": Q.dutyChair,
              }),
              "allocation",
            );
          },
        ],
        [
          "2027-03-15T10:00:00.000Z",
          async ({ world }) => {
            accepted(
              await world.act(Q.chair, VERBS.recordConsultation, {
                caseId: C1001,
                on: "2027-03-15",
                stage: "strategy-discussion",
                managerId: Q.teamManager,
                advice: "Threshold for an ICPC is met; consider the father's new partner",
              }),
              "consultation",
            );
          },
        ],
        [
          "2027-03-19T10:00:00.000Z",
          async ({ world }) => {
            const answer = await world.say(Q.dutyChair, "mapped C-1005");
            if (!JSON.stringify(answer).includes("Recorded: the case mapping of C-1005"))
              throw new Error(`mapped refused: ${JSON.stringify(answer)}`);
            await world.runDue();
          },
        ],
        [
          "2027-03-22T10:00:00.000Z",
          async ({ world }) => {
            accepted(
              await press(
                world,
                Q.serviceManager,
                "Re-referral: case mapping for case C-1001",
                VERBS.reReferralMappingHeld,
                { heldOn: "2027-03-22" },
              ),
              "mapping held",
            );
          },
        ],
      ],
    });
  }, 180_000);
  afterAll(async () => {
    await q.world.close();
  });

  itRunsTheCommonThread(POLICY, () => q);

  it("briefed the chair once, the working day before", () => {
    expect(chases(q.ledger, "C-1001")).toEqual(rows(ICPC_SENDS));
  });

  it("recorded the chair's consultation at the strategy discussion (the decision stays with the manager)", async () => {
    const consultations = (await q.world.store.listAll("consultation")).items;
    expect(consultations).toHaveLength(1);
    expect(consultations[0]).toEqual(
      expect.objectContaining({ caseId: C1001, chairId: Q.chair, managerId: Q.teamManager }),
    );
  });

  it("booked a case mapping with the frontline SM for the re-referral, once, and recorded it when held", async () => {
    const asked = q.ledger.cards.filter((c) =>
      c.preview.startsWith("Re-referral: case mapping for case C-1001"),
    );
    expect(asked.map((c) => `${c.at} ${c.to}`).sort()).toEqual(
      [Q.serviceManager, Q.teamManager, Q.clerk]
        .map((to) => `2027-03-15T14:00:00.000Z ${to}`)
        .sort(),
    );
    const kase = await q.world.store.get("case", C1001, C1001);
    expect(kase?.mappings).toEqual([expect.objectContaining({ on: "2027-03-22", kind: "new" })]);
  });

  it("listed the CIN case for the QA admin monthly, told the allocated chair, and chased nothing once it was mapped", async () => {
    const lists = q.ledger.cards.filter((c) => c.preview.startsWith("Case mapping:"));
    expect(lists.map((c) => `${c.at} ${c.to}`)).toEqual([
      `2027-03-01T09:00:00.000Z ${Q.qaAdmin}`,
      `2027-04-01T08:00:00.000Z ${Q.qaAdmin}`,
      `2027-05-04T08:00:00.000Z ${Q.qaAdmin}`,
    ]);
    expect(lists[0]?.text).toContain("C-1005");
    const told = q.ledger.cards.filter((c) =>
      c.preview.startsWith("Your case mapping: March 2027"),
    );
    expect(told.map((c) => `${c.at} ${c.to}`)).toEqual([`2027-03-02T10:00:00.000Z ${Q.dutyChair}`]);
    const chased = q.ledger.cards.filter(
      (c) => c.preview.startsWith("Case mappings not done: March") && c.at.startsWith("2027-03-31"),
    );
    expect(chased).toEqual([]);
    const kase = await q.world.store.get("case", "case-C-1005", "case-C-1005");
    expect(kase?.mappings).toEqual([
      expect.objectContaining({ on: "2027-03-19", chairId: Q.dutyChair }),
    ]);
  });

  it("ran exactly the recurring jobs `npx convene schedule` lists for the quarter", async () => {
    const { listed, ran } = await scheduleAgreement(q.world, POLICY, "2027-03-01", "2027-05-31");
    expect(ran).toEqual(listed);
    // The monthly list on the first working day (1 Mar, 1 Apr, Tue 4 May)
    // and its completion deadline on the last (31 Mar, 30 Apr, 28 May).
    expect(listed).toEqual([
      "cin.case-mapping.complete @ 2027-03-31T16:00:00.000Z",
      "cin.case-mapping.complete @ 2027-04-30T16:00:00.000Z",
      "cin.case-mapping.complete @ 2027-05-28T16:00:00.000Z",
      "cin.case-mapping.monthly @ 2027-03-01T09:00:00.000Z",
      "cin.case-mapping.monthly @ 2027-04-01T08:00:00.000Z",
      "cin.case-mapping.monthly @ 2027-05-04T08:00:00.000Z",
    ]);
  });
});
