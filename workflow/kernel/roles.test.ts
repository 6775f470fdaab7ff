import { demoAuthority, DEMO_IDS } from "../../app/demo/authority";
import { demoCases } from "../../app/demo/cases";
import { rolesOn, staffFor } from "./roles";

/**
 * The team manager and the service manager are different people with
 * different duties (the TM is chased first, the SM is escalated to): a
 * swap of the two must fail here.
 */
const authority = demoAuthority("swindon");
const kase = demoCases(authority, new Date("2027-01-11T09:00:00.000Z"))[0]!;

describe("roles on a case", () => {
  it("the case's team manager is the team manager, and only that", () => {
    expect([...rolesOn(authority, DEMO_IDS.teamManager, kase)]).toEqual(["team-manager"]);
  });

  it("the case's service manager is the service manager (and the demo's QA manager), never the team manager", () => {
    expect([...rolesOn(authority, DEMO_IDS.serviceManager, kase)].sort()).toEqual([
      "qa-manager",
      "service-manager",
    ]);
  });

  it("a rule's TM and PM reach the team manager; SM and GM the service manager", () => {
    const ids = (who: Parameters<typeof staffFor>[0]) =>
      staffFor(who, { authority, kase }).map((p) => p.entraObjectId);
    expect(ids(["TM"])).toEqual([DEMO_IDS.teamManager]);
    expect(ids(["PM"])).toEqual([DEMO_IDS.teamManager]);
    expect(ids(["SM"])).toEqual([DEMO_IDS.serviceManager]);
    expect(ids(["GM"])).toEqual([DEMO_IDS.serviceManager]);
    expect(ids(["managers"])).toEqual([DEMO_IDS.teamManager, DEMO_IDS.serviceManager]);
  });
});
