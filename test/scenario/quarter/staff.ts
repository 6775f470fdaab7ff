import { Authority, type AuthorityInput } from "../../../workflow/kernel/authority";
import { demoAuthority, DEMO_IDS } from "../../../app/demo/authority";

/**
 * The people of a quarter's replay: the demo's one-of-each (whose ids the
 * demo cases use) plus the people a whole council's procedure needs: a
 * second chair (the duty chair who covers a sick one, West Sussex), an IRO for CLA
 * reviews, a QA & Review SM (Swindon's joint stand-down approver, the exception
 * report), a Director who does not use Teams (lists reach them as CSV
 * email), a safeguarding manager (Leicestershire's stand-down approver) and the QA
 * admin manager who allocates case mappings (chair-consultation). Invented names.
 */
export const Q = {
  ...DEMO_IDS,
  dutyChair: "66666666-6666-4666-8666-666666666666",
  iro: "77777777-7777-4777-8777-777777777777",
  qaManager: "88888888-8888-4888-8888-888888888888",
  director: "99999999-9999-4999-8999-999999999999",
  safeguardingManager: "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa",
  qaAdmin: "bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb",
} as const;

export const SW_TEAM = "Family Safeguarding Team 1";
export const DIRECTOR_EMAIL = "dana.director@quarter-council.example";
export const HEALTH_MAILBOX = "ae-safeguarding@nhs.example";

export function quarterAuthority(policy: string): Authority {
  const demo = demoAuthority(policy);
  const staff: AuthorityInput["staff"] = demo.staff.map((s) =>
    // The demo SM also holds the QA role and the demo chair is also an IRO;
    // here those are other people, so Swindon's joint decision really takes
    // two and CLA reviews go to the IRO.
    s.entraObjectId === DEMO_IDS.serviceManager
      ? { ...s, roles: ["service-manager"] }
      : s.entraObjectId === DEMO_IDS.socialWorker
        ? { ...s, team: SW_TEAM }
        : s.entraObjectId === DEMO_IDS.chair
          ? { ...s, roles: ["chair"] }
          : s,
  );
  staff.push(
    {
      entraObjectId: Q.dutyChair,
      name: "Drew Duty",
      email: "drew.duty@quarter-council.example",
      roles: ["chair"],
    },
    {
      entraObjectId: Q.iro,
      name: "Indi Reviewer",
      email: "indi.reviewer@quarter-council.example",
      roles: ["iro"],
    },
    {
      entraObjectId: Q.qaManager,
      name: "Quinn Quality",
      email: "quinn.quality@quarter-council.example",
      roles: ["qa-manager"],
    },
    {
      entraObjectId: Q.director,
      name: "Dana Director",
      email: DIRECTOR_EMAIL,
      roles: ["director"],
      inTeams: false,
    },
    {
      entraObjectId: Q.safeguardingManager,
      name: "Sasha Safeguarding",
      email: "sasha.safeguarding@quarter-council.example",
      roles: ["safeguarding-manager"],
    },
    {
      entraObjectId: Q.qaAdmin,
      name: "Alo Admin",
      email: "alo.admin@quarter-council.example",
      roles: ["qa-admin"],
    },
  );
  const input: AuthorityInput = {
    ...demo,
    id: "quarter",
    name: "Quarter Council",
    staff,
    healthMailboxes: [HEALTH_MAILBOX],
  };
  return Authority.parse(input);
}
