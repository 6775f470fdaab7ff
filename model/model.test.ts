import { Document, Instant, InviteList, Meeting, Task } from "./index";
import { aCase, aMeeting, aTask, anInviteList, at } from "../test/fixtures/documents";

describe("model schemas", () => {
  it("accept the fixtures", () => {
    for (const doc of [
      aCase(),
      aMeeting("m-1", "case-1", at(0)),
      aTask("t-1", at(0)),
      anInviteList("m-1", "case-1"),
    ]) {
      expect(Document.safeParse(doc).success).toBe(true);
    }
  });

  it("insist on fixed-width UTC instants, so string order is time order", () => {
    expect(Instant.safeParse("2027-01-04T09:00:00.000Z").success).toBe(true);
    expect(Instant.safeParse("2027-01-04T09:00:00Z").success).toBe(false);
    expect(Instant.safeParse("2027-01-04T09:00:00.000+01:00").success).toBe(false);
  });

  it("tie each partition key to the document's ids", () => {
    expect(Meeting.safeParse({ ...aMeeting("m-1", "case-1", at(0)), pk: "case-2" }).success).toBe(
      false,
    );
    expect(Task.safeParse({ ...aTask("t-1", at(0)), pk: "case-1" }).success).toBe(false);
    const job = aTask("list.weekly:2027-01-04", at(0), {
      meetingId: undefined,
      caseId: undefined,
      taskType: "list.weekly",
    });
    expect(job.pk).toBe("job:list.weekly");
    expect(Task.safeParse(job).success).toBe(true);
  });

  it("need a reason for every police check (Leicestershire) and a lease on every running task", () => {
    const list = anInviteList("m-1", "case-1");
    const first = list.invitees[0];
    if (first === undefined) throw new Error("fixture has invitees");
    const noReason = { ...list, invitees: [{ ...first, policeCheck: { needed: true } }] };
    expect(InviteList.safeParse(noReason).success).toBe(false);
    expect(Task.safeParse({ ...aTask("t-1", at(0)), status: "running" }).success).toBe(false);
  });

  it("need a start once booked and a reason once stood down", () => {
    expect(Meeting.safeParse({ ...aMeeting("m-1", "case-1"), status: "booked" }).success).toBe(
      false,
    );
    expect(
      Meeting.safeParse({ ...aMeeting("m-1", "case-1", at(0)), status: "stood-down" }).success,
    ).toBe(false);
  });

  it("refuse ids Cosmos cannot carry in a URL", () => {
    expect(Task.safeParse(aTask("m-1/reports", at(0))).success).toBe(false);
  });
});
