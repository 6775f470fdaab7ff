import { readFileSync } from "node:fs";
import type { AuthoritySource } from "../../app/config";
import { loadAuthority } from "../../app/load-authority";
import { errorName, fail, pass, type CheckResult } from "./check";
import type { GraphTargets } from "./graph-checks";

/**
 * The authority file the server would load: valid, and the mailboxes and
 * staff groups it names (checked against the directory by graph-checks).
 * `staffGroups` is read from the file as written (an object of group ids)
 * so that the check works whether or not this build knows the field.
 */
export function authorityCheck(source: AuthoritySource): {
  results: CheckResult[];
  targets?: GraphTargets;
} {
  if (source.kind === "demo") {
    return {
      results: [
        fail(
          "authority",
          "file",
          `no AUTHORITY_FILE: the demo authority (${source.policy}) would be used`,
          "set AUTHORITY_FILE to the council's authority file",
        ),
      ],
    };
  }
  let authority;
  try {
    authority = loadAuthority(source);
  } catch (error) {
    return {
      results: [
        fail(
          "authority",
          "file",
          error instanceof Error ? error.message : errorName(error),
          "correct the authority file (docs/deploy.md lists its fields)",
        ),
      ],
    };
  }
  const raw = JSON.parse(readFileSync(source.file, "utf8")) as { staffGroups?: unknown };
  const groups: Record<string, string> = {};
  if (typeof raw.staffGroups === "object" && raw.staffGroups !== null) {
    for (const [name, id] of Object.entries(raw.staffGroups))
      if (typeof id === "string") groups[name] = id;
  }
  const staff = authority.staff.length;
  return {
    results: [
      pass(
        "authority",
        "file",
        `${authority.name}: ${staff} staff listed, ${authority.rooms.length} rooms, ${Object.keys(groups).length} staff groups`,
      ),
    ],
    targets: { organizer: authority.organizer, rooms: authority.rooms.map((r) => r.email), groups },
  };
}
