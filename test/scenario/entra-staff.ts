import { silentLogger } from "../../app/logger";
import { demoAuthority, DEMO_IDS } from "../../app/demo/authority";
import { createPeople } from "../../graph/create-people";
import { Authority } from "../../workflow/kernel/authority";
import type { LocalGraph } from "../local-graph";
import { graphConfigFor } from "../local-graph/harness";
import { StaticTokenCredential } from "../local-graph/static-token-credential";

/** The token makeWorld's local Graph accepts. */
export const WORLD_TOKEN = "scenario-token";

export const GROUPS = {
  socialWorkers: "a0000000-0000-4000-8000-000000000001",
  teamManagers: "a0000000-0000-4000-8000-000000000002",
  serviceManagers: "a0000000-0000-4000-8000-000000000003",
  clerks: "a0000000-0000-4000-8000-000000000004",
  chairs: "a0000000-0000-4000-8000-000000000005",
  serviceOwners: "a0000000-0000-4000-8000-000000000006",
  /** Nested inside the social workers' group: read transitively. */
  newStarters: "a0000000-0000-4000-8000-000000000007",
} as const;

export const PEOPLE = {
  morgan: "b0000000-0000-4000-8000-000000000001",
  secondChair: "b0000000-0000-4000-8000-000000000002",
  owner: "b0000000-0000-4000-8000-000000000003",
} as const;

export const OWNER_EMAIL = "owen.owner@demo-council.example";

/** Social worker n (0..248; the demo's Sam is the 250th), ids that sort after the demo's. */
export const workerId = (n: number): string =>
  `c0000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

/** The demo authority with its staff to come from these groups. */
export function entraAuthority(policy: string): Authority {
  const demo = demoAuthority(policy);
  return Authority.parse({
    ...demo,
    staffGroups: {
      socialWorkers: GROUPS.socialWorkers,
      teamManagers: GROUPS.teamManagers,
      serviceManagers: GROUPS.serviceManagers,
      clerks: GROUPS.clerks,
      chairs: GROUPS.chairs,
      serviceOwners: GROUPS.serviceOwners,
    },
  });
}

/**
 * The council's directory in the local Graph: 250 social workers (200 in
 * the group itself, 50 through a nested group, so three pages of 100), two
 * team managers (Tayo and Morgan) under the service manager, two chairs,
 * a clerk and a service owner. Worker n is managed by Tayo when n is even,
 * Morgan when odd; Sam (the demo case's social worker) by Tayo.
 */
export function seedDirectory(graph: LocalGraph): void {
  const d = graph.state.directory;
  const user = (id: string, name: string, email: string, managerId?: string, department?: string) =>
    d.addUser({
      id,
      displayName: name,
      userPrincipalName: email,
      mail: email,
      ...(managerId !== undefined ? { managerId } : {}),
      ...(department !== undefined ? { department } : {}),
    });
  user(DEMO_IDS.serviceManager, "Sol Service", "sol.service@demo-council.example");
  user(
    DEMO_IDS.teamManager,
    "Tayo Manager",
    "tayo.manager@demo-council.example",
    DEMO_IDS.serviceManager,
  );
  user(
    PEOPLE.morgan,
    "Morgan Manager",
    "morgan.manager@demo-council.example",
    DEMO_IDS.serviceManager,
  );
  user(DEMO_IDS.clerk, "Casey Clerk", "casey.clerk@demo-council.example");
  user(DEMO_IDS.chair, "Chris Chair", "chris.chair@demo-council.example");
  user(PEOPLE.secondChair, "Dee Chair", "dee.chair@demo-council.example");
  user(PEOPLE.owner, "Owen Owner", OWNER_EMAIL);
  user(
    DEMO_IDS.socialWorker,
    "Sam Social",
    "sam.social@demo-council.example",
    DEMO_IDS.teamManager,
    "North",
  );
  const direct: string[] = [DEMO_IDS.socialWorker];
  const nested: string[] = [];
  for (let n = 0; n < 249; n++) {
    const even = n % 2 === 0;
    user(
      workerId(n),
      `Worker ${n}`,
      `worker${n}@demo-council.example`,
      even ? DEMO_IDS.teamManager : PEOPLE.morgan,
      even ? "North" : "South",
    );
    (n < 50 ? nested : direct).push(workerId(n));
  }
  d.addGroup({ id: GROUPS.newStarters, displayName: "New starters", members: nested });
  d.addGroup({
    id: GROUPS.socialWorkers,
    displayName: "Convene social workers",
    members: [...direct, GROUPS.newStarters],
  });
  d.addGroup({
    id: GROUPS.teamManagers,
    displayName: "Convene team managers",
    members: [DEMO_IDS.teamManager, PEOPLE.morgan],
  });
  d.addGroup({
    id: GROUPS.serviceManagers,
    displayName: "Convene service managers",
    members: [DEMO_IDS.serviceManager],
  });
  d.addGroup({ id: GROUPS.clerks, displayName: "Convene clerks", members: [DEMO_IDS.clerk] });
  d.addGroup({
    id: GROUPS.chairs,
    displayName: "Convene chairs",
    members: [DEMO_IDS.chair, PEOPLE.secondChair],
  });
  d.addGroup({
    id: GROUPS.serviceOwners,
    displayName: "Convene service owners",
    members: [PEOPLE.owner],
  });
}

/** The directory and installer adapters against the local Graph, as the app wires them. */
export function peopleFor(graph: LocalGraph, teamsCatalogAppId?: string) {
  const config = graphConfigFor(graph);
  if (config.kind !== "graph") throw new Error("the local Graph's configuration is a Graph one");
  return createPeople(
    config,
    {
      logger: silentLogger,
      credential: new StaticTokenCredential(WORLD_TOKEN),
      ca: graph.ca,
      sleep: async () => undefined,
      random: () => 0.5,
      timeoutMs: 5_000,
    },
    teamsCatalogAppId !== undefined ? { teamsCatalogAppId } : {},
  );
}
