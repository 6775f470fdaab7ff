import { readFileSync } from "node:fs";
import { POLICY_IDS, resolvePolicy } from "../../rules/policy-registry";
import { PROCEDURES } from "../../rules/procedures";
import { RULES_DOC, renderRulesDoc } from "./rules-doc";

describe("docs/rules.md", () => {
  const generated = renderRulesDoc();

  it("is what the policy registry generates (run `npm run docs:rules` after changing a rule)", () => {
    expect(readFileSync(RULES_DOC, "utf8")).toBe(generated);
  });

  it("lists every rule id of every policy, with who acts", () => {
    for (const id of POLICY_IDS) {
      const policy = resolvePolicy(id);
      for (const rule of [...policy.rules, ...policy.recurring, ...policy.checks]) {
        expect(generated).toContain(`\`${rule.id}\``);
        expect(rule.who.length).toBeGreaterThan(0);
      }
    }
  });

  it("names every procedure in words and never by its file", () => {
    for (const p of PROCEDURES) {
      expect(generated).toContain(p.name);
      expect(generated).not.toContain(p.file);
    }
  });
});
