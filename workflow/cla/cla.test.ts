import type { Case, Invitee, Meeting } from "../../model";
import { resolvePolicy } from "../../rules";
import { conferenceKind } from "../kernel/conference-kind";
import { meetingLimit } from "../timeline/meeting-timeline";
import {
  consultationAttachment,
  consultationFileName,
  consultationFormFor,
} from "./consultation-forms";
import { claInvitesAt, sendsConsultationForms } from "./invites-timing";
import { claReviewId, firstReview, laterReview, reviewAfter } from "./review-anchors";

const kase = {
  id: "case-L-9",
  reference: "L 9/x",
  children: [{ id: "c1", name: "Robin Example" }],
} as unknown as Case;

const review = (over: Partial<Meeting>): Meeting =>
  ({
    id: "m",
    type: "meeting",
    pk: "case-L-9",
    caseId: "case-L-9",
    kind: "CLA",
    status: "requested",
    anchors: {},
    milestones: {},
    inPerson: false,
    createdAt: "2027-01-05T10:00:00.000Z",
    ...over,
  }) as Meeting;

const person = (role: string, relation: Invitee["relation"] = "family"): Invitee => ({
  id: "i",
  name: "Someone",
  role,
  relation,
  policeCheck: { needed: false },
  rsvp: "pending",
});

describe("CLA review anchors (docs/rules.md, national rules)", () => {
  const england = resolvePolicy("england");
  const limitOf = (m: Meeting) => meetingLimit(england, m)?.toISOString();

  it("counts review 1 from the earliest looked-after date of the children reviewed together", () => {
    const start = firstReview([
      { lookedAfterSince: "2027-01-06" },
      { lookedAfterSince: "2027-01-04" },
    ]);
    expect(start).toEqual({
      reviewNumber: 1,
      anchors: { lookedAfter: "2027-01-04" },
      anchorDate: "2027-01-04",
    });
    expect(claReviewId("case-L-9", start)).toBe("case-L-9.cla.1.2027-01-04");
    // 20 working days after Mon 4 Jan 2027: Mon 1 Feb, 17:00.
    expect(limitOf(review({ anchors: start.anchors, reviewNumber: 1 }))).toBe(
      "2027-02-01T17:00:00.000Z",
    );
  });

  it("gives the second review 3 months and later ones 6, from the previous review", () => {
    const first = review({ reviewNumber: 1, anchors: { lookedAfter: "2027-01-04" } });
    const second = reviewAfter(first, "2027-01-26");
    expect(second).toEqual(laterReview(2, "2027-01-26"));
    expect(limitOf(review({ reviewNumber: 2, anchors: second.anchors }))).toBe(
      "2027-04-26T16:00:00.000Z",
    );
    const third = reviewAfter(review({ reviewNumber: 2, anchors: second.anchors }), "2027-08-31");
    expect(third.reviewNumber).toBe(3);
    // 31 Aug + 6 months is clamped to 29 Feb 2028 (a Tuesday).
    expect(limitOf(review({ reviewNumber: 3, anchors: third.anchors }))).toBe(
      "2028-02-29T17:00:00.000Z",
    );
  });

  it("calls a CLA review a review on the cards, conferences by their kind", () => {
    expect(conferenceKind(review({}))).toBe("CLA review");
    expect(conferenceKind(review({ kind: "RCPC" }))).toBe("RCPC");
  });
});

describe("consultation documents (Swindon rules 8 and 11)", () => {
  it("gives each family invitee the form for who they are to the child, and no one else a form", () => {
    expect(
      [
        "Young person",
        "Child",
        "Foster carer",
        "Child's kinship carer",
        "Mother",
        "Mother of the child",
        "Grandfather",
        "Aunt",
      ].map((r) => consultationFormFor(person(r))),
    ).toEqual(["child", "child", "carer", "carer", "parent", "parent", "parent", "parent"]);
    expect(consultationFormFor(person("Solicitor", "legal-representative"))).toBeUndefined();
    expect(
      consultationFormFor(person("Foster carer's social worker", "professional")),
    ).toBeUndefined();
  });

  it("names the file by ids only and never names the child in the form", () => {
    const m = review({ reviewNumber: 2, start: "2027-04-19T09:00:00.000Z", status: "booked" });
    expect(consultationFileName(kase, m, "carer")).toBe(
      "cla-consultation-carer-L-9-x-review-2.txt",
    );
    const file = consultationAttachment(kase, m, "child");
    const text = file.content.toString("utf8");
    expect(file.contentType).toBe("text/plain; charset=utf-8");
    expect(text).toContain("Case reference: L 9/x");
    expect(text).toContain("Mon 19 Apr 2027");
    expect(text).not.toMatch(/Robin|Example/);
  });
});

describe("when CLA invites go", () => {
  const booked = review({
    status: "booked",
    reviewNumber: 3,
    anchors: { previous: "2026-10-16" },
    start: "2027-04-13T09:00:00.000Z",
  });

  it("swindon: 09:00 on cla.invites.send's day (15 days before, moved back over Easter)", () => {
    const swindon = resolvePolicy("swindon");
    expect(claInvitesAt(swindon, booked)?.toISOString()).toBe("2027-03-25T09:00:00.000Z");
    expect(sendsConsultationForms(swindon, booked)).toBe(true);
  });

  it("other policies and other meetings: as soon as the list is in, without forms", () => {
    const vc = resolvePolicy("virtual-conference");
    expect(claInvitesAt(vc, booked)).toBeUndefined();
    expect(sendsConsultationForms(vc, booked)).toBe(false);
    const swindon = resolvePolicy("swindon");
    expect(claInvitesAt(swindon, { ...booked, kind: "RCPC" })).toBeUndefined();
  });
});
