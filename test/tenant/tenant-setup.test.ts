import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  CONVENE_APPLICATION_PERMISSIONS,
  EXCHANGE_SCOPED_PERMISSIONS,
} from "../../graph/permissions";

/**
 * scripts/tenant-setup.ps1 read as text (PowerShell cannot run here): it
 * grants exactly the permissions table's set, split between Entra ID and
 * Exchange RBAC for Applications, and every change it makes is behind
 * ShouldProcess (so -WhatIf changes nothing).
 */
const SCRIPT = readFileSync(join(__dirname, "..", "..", "scripts", "tenant-setup.ps1"), "utf8");
const block = /# BEGIN PERMISSIONS[^\n]*\n([\s\S]*?)# END PERMISSIONS/.exec(SCRIPT)?.[1] ?? "";
const outside = SCRIPT.replace(block, "");

function quotedIn(text: string): string[] {
  return [...text.matchAll(/'([^'\n]*)'/g)].map((m) => m[1] ?? "");
}
const entra = quotedIn(/\$EntraPermissions = @\(([\s\S]*?)\)/.exec(block)?.[1] ?? "");
const exchange = [
  ...(/\$ExchangeRoles = \[ordered\]@\{([\s\S]*?)\}/.exec(block)?.[1] ?? "").matchAll(
    /'([^']+)'\s*=\s*'Application ([^']+)'/g,
  ),
].map((m) => ({ permission: m[1] ?? "", role: m[2] ?? "" }));

/** Graph permission names: Word.Word[.Word] (Mail.Send, User.Read.All...). */
const PERMISSION_NAME = /^[A-Z][A-Za-z]+\.[A-Z][A-Za-z]+(\.[A-Z][A-Za-z]+)?$/;

describe("scripts/tenant-setup.ps1", () => {
  it("grants exactly the permissions table's set", () => {
    expect(block.length).toBeGreaterThan(0);
    const granted = [...entra, ...exchange.map((e) => e.permission)].sort();
    expect(granted).toEqual([...CONVENE_APPLICATION_PERMISSIONS].sort());
    expect(new Set(granted).size).toBe(granted.length);
  });

  it("scopes the mailbox permissions in Exchange, and grants them nowhere else", () => {
    expect(exchange.map((e) => e.permission).sort()).toEqual(
      [...EXCHANGE_SCOPED_PERMISSIONS].sort(),
    );
    for (const e of exchange) expect(e.role).toBe(e.permission); // "Application Mail.Send" is Mail.Send
    expect(
      entra.filter((p) => (EXCHANGE_SCOPED_PERMISSIONS as readonly string[]).includes(p)),
    ).toEqual([]);
    expect(SCRIPT).toMatch(
      /New-ManagementRoleAssignment -Name \$name -App \$sp\.Id -Role \$role -CustomResourceScope \$scopeName/,
    );
  });

  it("names no other Graph permission outside the list (only the case API's own role)", () => {
    const named = quotedIn(outside).filter((s) => PERMISSION_NAME.test(s));
    expect(
      named.filter(
        (s) =>
          ![
            "Cases.ReadWrite",
            "Application.ReadWrite.All",
            "AppRoleAssignment.ReadWrite.All",
          ].includes(s),
      ),
    ).toEqual([]);
  });

  it("grants Graph app roles only from the list", () => {
    const grants = SCRIPT.split("\n").filter((l) =>
      /New-MgServicePrincipalAppRoleAssignment/.test(l),
    );
    expect(grants).toHaveLength(2); // the Graph permissions, and the case API's role to the case system
    expect(SCRIPT).toMatch(
      /foreach \(\$permission in \$EntraPermissions\)[\s\S]*?New-MgServicePrincipalAppRoleAssignment/,
    );
  });

  it("scopes mailbox access to the organiser and the rooms from the authority file", () => {
    expect(SCRIPT).toMatch(/\$authority\.organizer/);
    expect(SCRIPT).toMatch(/\$authority\.rooms/);
    expect(SCRIPT).toMatch(/\$mailboxes = @\(\$organizer\) \+ \$rooms/);
    expect(SCRIPT).toMatch(
      /New-ManagementScope -Name \$scopeName -RecipientRestrictionFilter \$filter/,
    );
  });

  it("grants the Teams application access policy to the organiser, creates Cases.ReadWrite and installs Convene for the staff groups", () => {
    expect(SCRIPT).toMatch(
      /New-CsApplicationAccessPolicy -Identity \$policyName -AppIds "\$AppId"/,
    );
    expect(SCRIPT).toMatch(
      /Grant-CsApplicationAccessPolicy -PolicyName \$policyName -Identity \$organizer/,
    );
    expect(SCRIPT).toMatch(/Value\s+= 'Cases\.ReadWrite'/);
    expect(SCRIPT).toMatch(/New-CsTeamsAppSetupPolicy -Identity \$setupName -AppPresetList/);
    expect(SCRIPT).toMatch(
      /Grant-CsTeamsAppSetupPolicy -Group \$group -PolicyName \$setupName -Rank \$rank/,
    );
  });

  it("supports -WhatIf: every change is behind ShouldProcess", () => {
    expect(SCRIPT).toMatch(/\[CmdletBinding\(SupportsShouldProcess = \$true\)\]/);
    const lines = SCRIPT.split("\n");
    const changes =
      /\b(New-Mg\w+|Update-Mg\w+|Remove-Mg\w+|New-ServicePrincipal|New-ManagementScope|Set-ManagementScope|New-ManagementRoleAssignment|New-Cs\w+Policy|Set-Cs\w+Policy|Grant-Cs\w+Policy)\b/;
    const unguarded = lines
      .map((line, i) => ({ line: line.trim(), i }))
      .filter(({ line }) => changes.test(line) && !line.startsWith("#"))
      .filter(
        ({ i }) =>
          !lines.slice(Math.max(0, i - 3), i + 1).some((l) => l.includes("ShouldProcess(")),
      )
      .map(({ line }) => line);
    expect(unguarded).toEqual([]);
  });
});
