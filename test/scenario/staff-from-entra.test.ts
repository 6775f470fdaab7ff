import { VERBS } from "../../cards/verbs";
import type { ActionResponse } from "../../ports";
import { staffById } from "../../workflow/kernel/authority";
import { caseManagers, staffFor } from "../../workflow/kernel/roles";
import { refreshStaff } from "../../workflow/staff/refresh";
import { cardText } from "../fakes/recording-notifier";
import { CASE_ID, requestAndBook } from "./journey";
import {
  entraAuthority,
  GROUPS,
  OWNER_EMAIL,
  PEOPLE,
  peopleFor,
  seedDirectory,
  workerId,
} from "./entra-staff";
import { DEMO_IDS, makeWorld, type World } from "./world";

/**
 * Staff from Entra ID security groups, read from the local Graph: roles
 * from group membership (transitive, paged), line managers from
 * /users/{id}/manager, teams from `department`; escalations follow the
 * directory where the case's own manager no longer manages; a chair taken
 * out of the chairs' group can no longer act as chair after the refresh.
 */
const text = (r: ActionResponse): string => (r.kind === "card" ? cardText(r.card) : r.text);

describe("staff from Entra ID groups", () => {
  let world: World;
  let closePeople: () => void;

  beforeEach(async () => {
    world = await makeWorld({
      policy: "swindon",
      start: "2027-01-11T09:00:00.000Z",
      authority: entraAuthority("swindon"),
    });
    seedDirectory(world.graph!);
    const people = peopleFor(world.graph!);
    world.deps.directory = people.directory;
    closePeople = people.close;
  });
  afterEach(async () => {
    closePeople();
    await world.close();
  });

  it("reads a group of 250 across three pages, with managers and teams, and audits every change", async () => {
    const outcome = await refreshStaff(world.deps, "on-demand");
    expect(outcome).toMatchObject({ ok: true, people: 257, version: 1 });
    const pages = world.graph!.calls.filter((c) =>
      c.path.startsWith(`/groups/${GROUPS.socialWorkers}/transitiveMembers`),
    );
    expect(pages).toHaveLength(3);
    expect(pages.slice(1).every((p) => p.query.includes("skiptoken"))).toBe(true);
    const a = world.deps.authority;
    expect(a.staff.filter((s) => s.roles.includes("social-worker"))).toHaveLength(250);
    // Worker 7 is on the nested group (read transitively) and managed by Morgan.
    const w7 = staffById(a, workerId(7));
    expect(w7).toMatchObject({ team: "South", teamManager: PEOPLE.morgan });
    expect(w7?.lineManager?.email).toBe("morgan.manager@demo-council.example");
    expect(w7?.serviceManager).toBe(DEMO_IDS.serviceManager);
    expect(staffById(a, PEOPLE.owner)?.roles).toEqual(["service-owner"]);
    // Every change is audited, by ids only: joiners (the demo's five were
    // already there), a changed manager for Sam (from the hand-kept list).
    const trail = (await world.store.auditOfCase("system")).items;
    expect(trail.filter((t) => t.action === "staff.joined")).toHaveLength(252);
    expect(trail.some((t) => t.action === "staff.refreshed")).toBe(true);
    expect(JSON.stringify(trail)).not.toMatch(/Worker|Manager|Sam/);
  });

  it("sends each social worker's escalations to the manager the directory names when the case's manager has left", async () => {
    await refreshStaff(world.deps, "daily");
    // Tayo leaves the team managers; the directory moves Sam and Tayo's workers to Morgan.
    const d = world.graph!.state.directory;
    d.groups.get(GROUPS.teamManagers)!.members = [PEOPLE.morgan];
    for (const u of d.users.values())
      if (u.managerId === DEMO_IDS.teamManager) u.managerId = PEOPLE.morgan;
    const outcome = await refreshStaff(world.deps, "daily");
    expect(outcome.ok).toBe(true);
    const trail = (await world.store.auditOfCase("system")).items;
    expect(trail).toContainEqual(
      expect.objectContaining({
        // In no group any more: Tayo has left Convene's staff.
        action: "staff.left",
        target: { type: "person", id: DEMO_IDS.teamManager },
        detail: { roles: "team-manager", trigger: "daily" },
      }),
    );
    // For every one of the 250, a case still naming Tayo escalates to Morgan.
    const kase = world.cases[0]!;
    for (const sw of world.deps.authority.staff.filter((s) => s.roles.includes("social-worker"))) {
      const theirs = {
        ...kase,
        socialWorker: { entraObjectId: sw.entraObjectId, email: sw.email, name: sw.name },
      };
      expect(caseManagers(world.deps.authority, theirs).teamManager.entraObjectId).toBe(
        PEOPLE.morgan,
      );
    }
    // And the real escalation of the demo case (no invite list by its deadline) reaches Morgan.
    await requestAndBook(world, {
      strategy: "2027-01-11",
      requestAt: "2027-01-11T14:00:00.000Z",
      bookAt: "2027-01-12T09:30:00.000Z",
      slotStart: "2027-01-29T10:00:00.000Z",
    });
    await world.advanceTo("2027-01-19T12:00:00.000Z");
    const escalations = world.notifier.sent.filter((s) => s.preview.startsWith("Escalation"));
    expect(escalations.map((e) => e.to)).toContain(PEOPLE.morgan);
    expect(escalations.map((e) => e.to)).not.toContain(DEMO_IDS.teamManager);
    expect(world.failed).toEqual([]);
  });

  it("keeps the case's own allocated team manager while they still manage", async () => {
    await refreshStaff(world.deps, "daily");
    // The directory says Sam's manager is Morgan now; the case names Tayo, who still manages.
    world.graph!.state.directory.users.get(DEMO_IDS.socialWorker)!.managerId = PEOPLE.morgan;
    await refreshStaff(world.deps, "daily");
    const kase = world.cases[0]!;
    expect(
      staffFor(["TM"], { authority: world.deps.authority, kase }).map((p) => p.entraObjectId),
    ).toEqual([DEMO_IDS.teamManager]);
    // For a matter about Sam rather than a case, the directory's manager.
    expect(staffById(world.deps.authority, DEMO_IDS.socialWorker)?.lineManager?.entraObjectId).toBe(
      PEOPLE.morgan,
    );
  });

  it("refuses and audits the next chair action of a chair taken out of the chairs' group", async () => {
    await refreshStaff(world.deps, "daily");
    const meetingId = await requestAndBook(world, {
      strategy: "2027-01-11",
      requestAt: "2027-01-11T14:00:00.000Z",
      bookAt: "2027-01-12T09:30:00.000Z",
      slotStart: "2027-01-29T10:00:00.000Z",
    });
    const meeting = await world.store.get("meeting", meetingId, CASE_ID);
    expect(meeting?.chair?.entraObjectId).toBe(DEMO_IDS.chair);
    world.graph!.state.directory.groups.get(GROUPS.chairs)!.members = [PEOPLE.secondChair];
    expect((await refreshStaff(world.deps, "on-demand")).ok).toBe(true);
    await world.advanceTo("2027-01-29T12:00:00.000Z");
    const answer = await world.act(DEMO_IDS.chair, VERBS.recordOutcome, {
      caseId: CASE_ID,
      meetingId,
      meetingDate: "2027-01-29",
      nextRcpcLimit: "2027-04-29",
      coreGroupLimit: "2027-02-12",
      plan: "yes",
      category: "neglect",
      nextRcpcDate: "2027-04-01",
      nextRcpcTime: "10:00",
      coreGroupDate: "2027-02-09",
    });
    expect(text(answer)).toMatch(/only the chair/);
    expect((await world.store.get("meeting", meetingId, CASE_ID))?.outcome).toBeUndefined();
    const refused = (await world.store.auditOfCase(CASE_ID)).items.filter(
      (a) => a.action === "action.refused" && a.actor === DEMO_IDS.chair,
    );
    expect(refused).toHaveLength(1);
    const system = (await world.store.auditOfCase("system")).items;
    expect(system).toContainEqual(
      expect.objectContaining({
        action: "staff.left",
        target: { type: "person", id: DEMO_IDS.chair },
        detail: { roles: "chair", trigger: "on-demand" },
      }),
    );
  });

  it("keeps the last good list when a refresh fails, audits it and tells the service owners", async () => {
    await refreshStaff(world.deps, "daily");
    const before = world.deps.authority.staff.length;
    // The grant to read users' profiles is withdrawn: members come back as ids only.
    world.graph!.permissions.revoke("User.Read.All");
    const outcome = await refreshStaff(world.deps, "daily");
    expect(outcome).toEqual({ ok: false, code: "LimitedInformation", kept: before });
    expect(world.deps.authority.staff).toHaveLength(before);
    const stored = await world.store.get("staff-list", "staff-list:demo", "staff-list:demo");
    expect(stored?.version).toBe(1);
    const trail = (await world.store.auditOfCase("system")).items;
    expect(trail).toContainEqual(
      expect.objectContaining({
        action: "staff.refresh-failed",
        detail: expect.objectContaining({ code: "LimitedInformation" }),
      }),
    );
    const told = world.graph!.state.sentMail.filter((m) => m.to.includes(OWNER_EMAIL));
    expect(told).toHaveLength(1);
    expect((told[0]!.message as { subject: string }).subject).toMatch(
      /staff list could not be refreshed/,
    );
  });
});
