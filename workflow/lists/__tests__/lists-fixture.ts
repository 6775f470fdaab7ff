import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Case, Child } from "../../../model";
import { SqliteStore } from "../../../store/sqlite/sqlite-store";
import { DEMO_IDS, demoAuthority } from "../../../app/demo/authority";
import { resolvePolicy } from "../../../rules";
import { asPersonRef, Authority, staffById } from "../../kernel/authority";
import { recordingLogger } from "../../../test/fixtures/recording-logger";

/** Staff the lists go to, beside the demo's five (invented, ids only matter). */
export const LIST_IDS = {
  chair2: "66666666-6666-4666-8666-666666666666",
  director: "77777777-7777-4777-8777-777777777777",
  qaAdmin: "88888888-8888-4888-8888-888888888888",
  qaManager: "99999999-9999-4999-8999-999999999999",
} as const;

export const HEALTH_MAILBOX = "ae-safeguarding@nhs.example";

/**
 * The demo authority plus a second chair, a Director who does not use
 * Teams (lists reach them by CSV email), a QA admin manager (chair-consultation) and a QA
 * manager, the social worker in a named team, and a health mailbox (West Sussex).
 */
export function listsAuthority(policy: string): Authority {
  const demo = demoAuthority(policy);
  return Authority.parse({
    ...demo,
    healthMailboxes: [HEALTH_MAILBOX],
    staff: [
      ...demo.staff.map((s) =>
        s.entraObjectId === DEMO_IDS.socialWorker ? { ...s, team: "Family Support East" } : s,
      ),
      {
        entraObjectId: LIST_IDS.chair2,
        name: "Dana Chair",
        email: "dana.chair@demo-council.example",
        roles: ["chair"],
      },
      {
        entraObjectId: LIST_IDS.director,
        name: "Drew Director",
        email: "drew.director@demo-council.example",
        roles: ["director"],
        inTeams: false,
      },
      {
        entraObjectId: LIST_IDS.qaAdmin,
        name: "Quinn Admin",
        email: "quinn.admin@demo-council.example",
        roles: ["qa-admin"],
      },
      {
        entraObjectId: LIST_IDS.qaManager,
        name: "Morgan QA",
        email: "morgan.qa@demo-council.example",
        roles: ["qa-manager"],
      },
    ],
  });
}

/** A case of the lists' authority: SW, managers and chair from its staff. */
export function listCase(
  authority: Authority,
  reference: string,
  extra: Partial<Case> & { children?: Child[] } = {},
): Case {
  const id = `case-${reference}`;
  const person = (pid: string) => asPersonRef(staffById(authority, pid)!);
  return {
    id,
    type: "case",
    pk: id,
    reference,
    policy: authority.policy,
    children: [{ id: `${id}-child-1`, name: `Child of ${reference}`, dob: "2018-04-03" }],
    indexChildId: `${id}-child-1`,
    socialWorker: person(DEMO_IDS.socialWorker),
    teamManager: person(DEMO_IDS.teamManager),
    serviceManager: person(DEMO_IDS.serviceManager),
    chair: person(DEMO_IDS.chair),
    createdAt: "2026-01-05T09:00:00.000Z",
    ...extra,
  };
}

/** A store and the deps the lists' data gathering needs, for unit tests (fixed clock). */
export function jobDeps(policy: string, now: string) {
  const dir = mkdtempSync(join(tmpdir(), "convene-lists-"));
  const store = new SqliteStore({ file: join(dir, "convene.sqlite") });
  const authority = listsAuthority(policy);
  const logger = recordingLogger();
  return {
    store,
    authority,
    logger,
    policy: resolvePolicy(policy, authority.overrides),
    clock: () => new Date(now),
    kick: () => undefined,
    async close() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
