import { readFileSync } from "node:fs";
import { Authority } from "../workflow/kernel/authority";
import type { AuthoritySource } from "./config";
import { demoAuthority } from "./demo/authority";
import { ConfigError } from "./config";

/** The council's configuration, validated; a bad file names the problem, never a value. */
export function loadAuthority(source: AuthoritySource): Authority {
  if (source.kind === "demo") return demoAuthority(source.policy);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(source.file, "utf8"));
  } catch (err) {
    throw new ConfigError(`AUTHORITY_FILE: cannot read it as JSON (${(err as Error).name})`);
  }
  const parsed = Authority.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new ConfigError(`AUTHORITY_FILE: ${problems}`);
  }
  return parsed.data;
}

/**
 * Production needs someone to tell when something fails: the authority file
 * must name its serviceOwners and operationsMailbox. Names what is missing.
 */
export function checkProductionAuthority(authority: Authority): void {
  const missing = [
    ...(authority.serviceOwners.length === 0 ? ["serviceOwners"] : []),
    ...(authority.operationsMailbox === undefined ? ["operationsMailbox"] : []),
  ];
  if (missing.length > 0) {
    throw new ConfigError(
      `AUTHORITY_FILE: ${missing.join(" and ")} required in production (who is told when something fails)`,
    );
  }
}
