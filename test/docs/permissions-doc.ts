import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  CONVENE_APPLICATION_PERMISSIONS,
  GRAPH_CALLS,
  PERMISSION_REASONS,
  type GraphCall,
} from "../../graph/permissions";

/**
 * docs/permissions.md, generated from the Graph calls → permissions table
 * (graph/permissions.ts) so that it never drifts from what the local Graph
 * enforces, what scripts/tenant-setup.ps1 grants and what `convene doctor`
 * checks. Regenerate with `npm run docs:permissions`;
 * test/docs/permissions-doc.test.ts fails when the committed file is stale.
 */
export const PERMISSIONS_DOC = join(__dirname, "..", "..", "docs", "permissions.md");

const cell = (s: string): string => s.replace(/\|/g, "\\|").replace(/\n/g, " ");
const row = (cells: readonly string[]): string => `| ${cells.map(cell).join(" | ")} |`;

function callLine(call: GraphCall): string {
  return `- \`${call.method} ${call.path}\` (${call.id}): ${call.purpose} [reference](${call.reference})`;
}

const INTRO = `# Microsoft Graph permissions

<!-- Generated from graph/permissions.ts by \`npm run docs:permissions\`; do not edit by hand. -->

Convene signs in to Microsoft Graph as an application (app-only, no user
present). It needs exactly the application permissions below: one per
need, the least privileged that covers every call it makes. The same
table is what the local Graph of the tests enforces, what
\`scripts/tenant-setup.ps1\` grants and what \`npx convene doctor\` checks
a token's \`roles\` claim against.

Application permissions reach every mailbox in the tenant unless scoped:
the setup script scopes the mailbox permissions (\`Calendars.*\`, \`Mail.*\`)
with Exchange RBAC for Applications to the mailboxes Convene uses (the
organiser and the rooms), and online-meeting calls also need a Teams
application access policy granted to the organiser (without it, every
online-meeting call is refused with 403).`;

function permissionSections(): string {
  return CONVENE_APPLICATION_PERMISSIONS.map((permission) => {
    const calls = GRAPH_CALLS.filter((c) =>
      (c.permissions as readonly string[]).includes(permission),
    );
    return [
      `### ${permission}`,
      PERMISSION_REASONS[permission],
      "Calls that need it:",
      ...calls.map(callLine),
    ].join("\n\n");
  }).join("\n\n");
}

function callTable(): string {
  return [
    row(["Call", "Method and path", "Any one of", "Granted by"]),
    row(["---", "---", "---", "---"]),
    ...GRAPH_CALLS.map((c) =>
      row([
        c.id,
        `\`${c.method} ${c.path}\``,
        c.permissions.join(", "),
        c.permissions
          .filter((p) => (CONVENE_APPLICATION_PERMISSIONS as readonly string[]).includes(p))
          .join(", "),
      ]),
    ),
  ].join("\n");
}

function notes(): string {
  return (GRAPH_CALLS as readonly GraphCall[])
    .filter((c) => c.note !== undefined)
    .map((c) => `- ${c.id}: ${c.note ?? ""}`)
    .join("\n");
}

function prettierMarkdown(markdown: string): string {
  const bin = require.resolve("prettier/bin/prettier.cjs");
  const run = spawnSync(process.execPath, [bin, "--stdin-filepath", PERMISSIONS_DOC], {
    input: markdown,
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(`prettier failed: ${run.stderr}`);
  return run.stdout;
}

export function renderPermissionsDoc(): string {
  return prettierMarkdown(
    [
      INTRO,
      "## The application permissions",
      permissionSections(),
      "## Every call, and what lets it through",
      callTable(),
      "## Where the reference pages say more",
      notes(),
    ].join("\n\n") + "\n",
  );
}

if (require.main === module) {
  writeFileSync(PERMISSIONS_DOC, renderPermissionsDoc());
  process.stdout.write(`${PERMISSIONS_DOC}\n`);
}
