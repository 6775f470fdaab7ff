import type { RegisterEntry } from "../../model";
import { DEMO_IDS } from "../../app/demo/authority";
import { aMeeting } from "../../test/fixtures/documents";
import { jobDeps, listCase } from "./__tests__/lists-fixture";
import { gatherRegisterChanges } from "./notify-health";

describe("register.notify-health data (West Sussex)", () => {
  let deps: ReturnType<typeof jobDeps>;
  beforeEach(async () => {
    deps = jobDeps("west-sussex", "2027-01-05T17:00:00.000Z");
    await deps.store.create(
      listCase(deps.authority, "C-9", {
        children: [
          { id: "k1", name: "Kim Example", dob: "2019-02-03" },
          { id: "k2", name: "Unborn Example" },
        ],
        indexChildId: "k1",
      }),
    );
    // The ICPC of Tue 5 Jan 2027 10:00 that put the children on plans.
    await deps.store.create(aMeeting("m-9", "case-C-9", "2027-01-05T10:00:00.000Z"));
  });
  afterEach(() => deps.close());

  let n = 0;
  const entry = (at: string, extra: Partial<RegisterEntry> = {}) =>
    deps.store.create({
      id: `reg-${++n}`,
      type: "register-entry",
      pk: "case-C-9",
      caseId: "case-C-9",
      childId: "k1",
      change: "added",
      at,
      recordedBy: DEMO_IDS.chair,
      ...extra,
    } as RegisterEntry);

  it("sends the changes since the last working day's run, with what A&E matches on", async () => {
    await entry("2027-01-04T16:30:00.000Z", { change: "removed" }); // Monday's list
    await entry("2027-01-04T18:00:00.000Z", { change: "transferred-in" }); // after Monday's 17:00
    await entry("2027-01-05T11:00:00.000Z", { meetingId: "m-9" });
    await entry("2027-01-05T11:00:00.000Z", { childId: "k2", meetingId: "m-9" });
    await entry("2027-01-05T12:00:00.000Z", { change: "category-changed" }); // no news for A&E
    await entry("2027-01-05T17:30:00.000Z", { change: "removed" }); // Wednesday's list
    await entry("2027-01-05T12:00:00.000Z", { childId: "nobody" }); // logged and counted

    const { rows, left } = await gatherRegisterChanges(deps, new Date("2027-01-05T17:00:00.000Z"));
    // The change about no such child is not given, but counted: the email says the list may be incomplete.
    expect(left).toBe(1);
    expect(rows).toEqual([
      {
        change: "transferred-in",
        effective: "2027-01-04",
        childName: "Kim Example",
        dateOfBirth: "2019-02-03",
        caseReference: "C-9",
      },
      {
        change: "added",
        effective: "2027-01-05",
        childName: "Kim Example",
        dateOfBirth: "2019-02-03",
        caseReference: "C-9",
      },
      {
        change: "added",
        effective: "2027-01-05",
        childName: "Unborn Example",
        caseReference: "C-9",
      },
    ]);
    // The log names the entry and the case, never the child.
    expect(deps.logger.lines).toHaveLength(1);
    expect(JSON.stringify(deps.logger.lines)).not.toMatch(/Example/);
  });

  it("Monday's list takes what was recorded since Friday 17:00, the weekend included", async () => {
    await entry("2027-01-08T16:59:00.000Z");
    await entry("2027-01-09T10:00:00.000Z", { change: "removed" });
    const { rows } = await gatherRegisterChanges(deps, new Date("2027-01-11T17:00:00.000Z"));
    expect(rows.map((r) => [r.change, r.effective])).toEqual([["removed", "2027-01-09"]]);
  });
});
