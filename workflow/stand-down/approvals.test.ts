import type { Case, StandDownApproval } from "../../model";
import { Authority } from "../kernel/authority";
import {
  approvalWords,
  canBeMet,
  candidatesFor,
  isNamedApprover,
  missing,
  requirementsFor,
  slotFor,
} from "./approvals";

const id = (n: number) => `${n}${n}${n}${n}${n}${n}${n}${n}-0000-4000-8000-000000000000`;
const SM = id(1);
const QA = id(2);
const SG = id(3);
const SW = id(4);
const TM = id(5);

const person = (entraObjectId: string, name: string) => ({
  entraObjectId,
  name,
  email: `${name.toLowerCase()}@council.example`,
});

function authority(smIsAlsoQa: boolean, withQa = true): Authority {
  return Authority.parse({
    id: "t",
    name: "T",
    policy: "swindon",
    organizer: "c@council.example",
    policeChecksMailbox: "p@police.example",
    staff: [
      {
        ...person(SM, "Sol"),
        roles: smIsAlsoQa ? ["service-manager", "qa-manager"] : ["service-manager"],
      },
      ...(withQa ? [{ ...person(QA, "Quinn"), roles: ["qa-manager"] }] : []),
      { ...person(SG, "Sage"), roles: ["safeguarding-manager"] },
      { ...person(SW, "Sam"), roles: ["social-worker"], teamManager: TM, serviceManager: SM },
      { ...person(TM, "Tayo"), roles: ["team-manager"] },
    ],
  });
}

const kase = {
  socialWorker: person(SW, "Sam"),
  teamManager: person(TM, "Tayo"),
  serviceManager: person(SM, "Sol"),
} as Case;
const at = "2027-01-20T10:00:00.000Z";

describe("the approvals a stand-down needs (docs/rules.md, stand-down)", () => {
  it("are data per policy: Leicestershire a safeguarding manager, Swindon both SMs, else the case's SM", () => {
    expect(requirementsFor("leicestershire").map((r) => r.slot)).toEqual(["safeguarding-manager"]);
    expect(requirementsFor("swindon").map((r) => r.slot)).toEqual(["operational-sm", "qa-sm"]);
    expect(requirementsFor("west-sussex").map((r) => r.slot)).toEqual(["service-manager"]);
    expect(approvalWords("swindon")).toBe(
      "the operational service manager and a QA & Review service manager",
    );
    expect(approvalWords("leicestershire")).toBe("a safeguarding manager");
    const [sg] = requirementsFor("leicestershire");
    expect(candidatesFor(sg!, authority(false), kase).map((p) => p.entraObjectId)).toEqual([SG]);
  });

  it("a joint decision takes two people: an SM who is also QA fills one half only", () => {
    const reqs = requirementsFor("swindon");
    const a = authority(true);
    const first = slotFor(reqs, [], SM, a, kase);
    expect(first?.slot).toBe("operational-sm");
    const approvals: StandDownApproval[] = [{ slot: "operational-sm", by: SM, at }];
    expect(slotFor(reqs, approvals, SM, a, kase)).toBeUndefined();
    expect(slotFor(reqs, approvals, QA, a, kase)?.slot).toBe("qa-sm");
    expect(missing(reqs, approvals).map((r) => r.slot)).toEqual(["qa-sm"]);
    // The QA SM approving first leaves the operational half to the case's SM.
    expect(slotFor(reqs, [], QA, a, kase)?.slot).toBe("qa-sm");
  });

  it("nobody else can approve, and a policy nobody can satisfy is detected", () => {
    const reqs = requirementsFor("swindon");
    for (const actor of [SW, TM, SG]) {
      expect(slotFor(reqs, [], actor, authority(false), kase)).toBeUndefined();
    }
    expect(canBeMet(reqs, [], authority(false), kase)).toBe(true);
    // The SM is the only QA manager: no second person for the joint decision.
    expect(canBeMet(reqs, [], authority(true, false), kase)).toBe(false);
  });
});

describe("who may refuse a stand-down (docs/rules.md, stand-down)", () => {
  it("any approver the policy names for the case, given or not; nobody else", () => {
    const swindon = requirementsFor("swindon");
    for (const actor of [SM, QA]) {
      expect(isNamedApprover(swindon, actor, authority(false), kase)).toBe(true);
    }
    for (const actor of [SW, TM, SG]) {
      expect(isNamedApprover(swindon, actor, authority(false), kase)).toBe(false);
    }
    const leics = requirementsFor("leicestershire");
    expect(isNamedApprover(leics, SG, authority(false), kase)).toBe(true);
    expect(isNamedApprover(leics, SM, authority(false), kase)).toBe(false);
  });
});
