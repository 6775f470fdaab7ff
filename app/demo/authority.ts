import { Authority, type AuthorityInput } from "../../workflow/kernel/authority";

/**
 * The demo authority for a local run: one of each role, matching the mock
 * users of `.m365agentsplayground.yml` (their Entra object ids). Names,
 * mailboxes and the policy are configuration; a council's real staff come
 * from AUTHORITY_FILE.
 */
export const DEMO_IDS = {
  clerk: "11111111-1111-4111-8111-111111111111",
  socialWorker: "22222222-2222-4222-8222-222222222222",
  chair: "33333333-3333-4333-8333-333333333333",
  teamManager: "44444444-4444-4444-8444-444444444444",
  serviceManager: "55555555-5555-4555-8555-555555555555",
} as const;

export function demoAuthority(policy = "leicestershire"): Authority {
  const input: AuthorityInput = {
    id: "demo",
    name: "Demo Council",
    policy,
    organizer: "conferences@demo-council.example",
    policeChecksMailbox: "police-checks@police.example",
    // The demo's service manager also runs the service: failures reach them.
    serviceOwners: [
      {
        entraObjectId: DEMO_IDS.serviceManager,
        name: "Sol Service",
        email: "sol.service@demo-council.example",
      },
    ],
    operationsMailbox: "convene-operations@demo-council.example",
    staff: [
      {
        entraObjectId: DEMO_IDS.clerk,
        name: "Casey Clerk",
        email: "casey.clerk@demo-council.example",
        roles: ["clerk"],
      },
      {
        entraObjectId: DEMO_IDS.socialWorker,
        name: "Sam Social",
        email: "sam.social@demo-council.example",
        roles: ["social-worker"],
        teamManager: DEMO_IDS.teamManager,
        serviceManager: DEMO_IDS.serviceManager,
      },
      {
        entraObjectId: DEMO_IDS.chair,
        name: "Chris Chair",
        email: "chris.chair@demo-council.example",
        // The demo's one chair also chairs CLA reviews as their IRO, so a
        // review can be tried with the playground's five users.
        roles: ["chair", "iro"],
      },
      {
        entraObjectId: DEMO_IDS.teamManager,
        name: "Tayo Manager",
        email: "tayo.manager@demo-council.example",
        roles: ["team-manager"],
      },
      {
        entraObjectId: DEMO_IDS.serviceManager,
        name: "Sol Service",
        email: "sol.service@demo-council.example",
        roles: ["service-manager", "qa-manager"],
      },
    ],
  };
  return Authority.parse(input);
}
