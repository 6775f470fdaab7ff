import { readFileSync } from "node:fs";
import { CONVENE_APPLICATION_PERMISSIONS, GRAPH_CALLS } from "../../graph/permissions";
import { PERMISSIONS_DOC, renderPermissionsDoc } from "./permissions-doc";

describe("docs/permissions.md", () => {
  const generated = renderPermissionsDoc();

  it("is what graph/permissions.ts generates (run `npm run docs:permissions` after changing the table)", () => {
    expect(readFileSync(PERMISSIONS_DOC, "utf8")).toBe(generated);
  });

  it("has a section for each granted permission, naming every call it lets through", () => {
    for (const permission of CONVENE_APPLICATION_PERMISSIONS) {
      const section = generated.split(`### ${permission}\n`)[1]?.split(/\n##/)[0] ?? "";
      expect({ permission, has: section.length > 0 }).toEqual({ permission, has: true });
      for (const call of GRAPH_CALLS.filter((c) =>
        (c.permissions as readonly string[]).includes(permission),
      )) {
        expect(section).toContain(`(${call.id})`);
      }
    }
  });
});
