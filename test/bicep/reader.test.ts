import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  bodyOf,
  evaluate,
  literal,
  parseBicep,
  prop,
  references,
  staticScope,
  type Expr,
  type ResourceDecl,
} from "./reader";

const fixture = (name: string) => readFileSync(join(__dirname, "fixtures", name), "utf8");
const file = parseBicep(fixture("syntax.bicep"));
const byName = <T extends { name: string }>(list: T[], name: string): T => {
  const found = list.find((d) => d.name === name);
  if (found === undefined) throw new Error(`no ${name}`);
  return found;
};

describe("the Bicep reader, on a fixture in Microsoft's template syntax", () => {
  it("reads parameters with their types, defaults and decorators", () => {
    expect(file.targetScope).toBe("resourceGroup");
    expect(file.params.map((p) => [p.name, p.type])).toEqual([
      ["baseName", "string"],
      ["location", "string"],
      ["adminSecret", "string"],
      ["zones", "array"],
      ["tier", "'Basic' | 'Standard'"],
      ["enableExtra", "bool"],
      ["tags", "object"],
    ]);
    const baseName = byName(file.params, "baseName");
    expect(baseName.default).toBeUndefined();
    expect(baseName.decorators.map((d) => d.name)).toEqual([
      "description",
      "minLength",
      "maxLength",
    ]);
    expect(literal(baseName.decorators[0]?.args[0])).toBe("Base name for every resource");
    const location = byName(file.params, "location");
    expect(literal(location.default)).toBe("uksouth");
    expect(evaluate(location.decorators[0]?.args[0] as Expr, new Map())).toEqual([
      "uksouth",
      "ukwest",
    ]);
    expect(byName(file.params, "adminSecret").decorators.map((d) => d.name)).toEqual(["secure"]);
    const scope = staticScope(file, { baseName: "conv" });
    expect(scope.get("tags")).toEqual({ owner: "fixtures", "cost-centre": "42" });
  });

  it("reads strings: interpolation, escapes, nested strings and ''' multi-line text", () => {
    const scope = staticScope(file, { baseName: "Conv" });
    expect(scope.get("prefix")).toBe("conv-uksouth");
    expect(scope.get("escaped")).toBe("it's ${literal} and conv-uksouth\n");
    expect(scope.get("nested")).toBe("alpha-Convx");
    // Verbatim: no escapes, no interpolation, the first newline dropped.
    expect(scope.get("script")).toBe("line one\n  it's ${not} interpolated\n");
    expect(scope.get("inline")).toEqual([1, 2, 3]);
  });

  it("reads ternaries and conditions split over lines, lambdas and safe access", () => {
    const scope = staticScope(file, { baseName: "conv" });
    expect(scope.get("pick")).toBe("plain");
    const either = byName(file.vars, "either").value;
    expect(either).toMatchObject({ kind: "binary", op: "||" });
    expect([...references(either)].sort()).toEqual(["empty", "enableExtra", "tier", "zones"]);
    // The lambda's own variable is not a reference to the file's names.
    expect([...references(byName(file.vars, "bigOnes").value)].sort()).toEqual(["filter", "items"]);
    expect([...references(byName(file.vars, "sizes").value)].sort()).toEqual(["items", "map"]);
    expect(byName(file.vars, "maybe").value).toMatchObject({ kind: "binary", op: "??" });
  });

  it("reads resources: existing, loops with an index, conditions and nested children", () => {
    const store = byName(file.resources, "store");
    expect([store.type, store.apiVersion, store.existing]).toEqual([
      "Microsoft.Storage/storageAccounts",
      "2023-05-01",
      true,
    ]);
    const sites = byName(file.resources, "sites");
    expect(sites.decorators.map((d) => d.name)).toEqual(["batchSize"]);
    expect(sites.value).toMatchObject({ kind: "for", item: "item", index: "i" });
    const names = evaluate(
      {
        ...(sites.value as Extract<Expr, { kind: "for" }>),
        body: prop(sites.value, "name") as Expr,
      },
      staticScope(file, { baseName: "conv" }),
    );
    expect(names).toEqual(["conv-uksouth-alpha-0", "conv-uksouth-beta-1"]);
    expect(references(sites.value)).toEqual(
      new Set(["items", "prefix", "location", "plan", "store"]),
    );

    const extra = byName(file.resources, "extra");
    expect(extra.value).toMatchObject({ kind: "if", test: { kind: "ident", name: "enableExtra" } });
    expect(prop(extra.value, "properties.httpsOnly")).toEqual({ kind: "bool", value: true });
    const body = bodyOf(extra.value) as Extract<Expr, { kind: "object" }>;
    const config = body.resources[0] as ResourceDecl;
    expect([
      config.name,
      config.type,
      literal(prop(config.value, "properties.minTlsVersion")),
    ]).toEqual(["config", "config", "1.2"]);
    expect(literal(prop(byName(file.resources, "plan").value, "sku.name"))).toBeUndefined();
  });

  it("reads modules with loops and conditions, and outputs", () => {
    const child = byName(file.modules, "child");
    expect(child.path).toBe("./child.bicep");
    expect(child.value).toMatchObject({ kind: "for", item: "item", body: { kind: "if" } });
    expect([...references(child.value)].sort()).toEqual(["adminSecret", "bigOnes", "location"]);
    expect(file.outputs.map((o) => [o.name, o.type])).toEqual([
      ["planId", "string"],
      ["names", "array"],
      ["extraConfig", "string"],
      ["sizes", "array"],
      ["picked", "object"],
    ]);
    expect(byName(file.outputs, "extraConfig").value).toMatchObject({
      kind: "ternary",
      then: { kind: "member", name: "name", object: { kind: "member", name: "config" } },
    });
    expect(byName(file.outputs, "sizes").decorators[0]?.name).toBe("description");
  });

  it("refuses broken text with the line it is on", () => {
    expect(() => parseBicep(fixture("broken-string.bicep"))).toThrow(/line 2: unterminated/);
    expect(() => parseBicep(fixture("broken-object.bicep"))).toThrow(
      /line 2: expected a new line or } after a property/,
    );
    expect(() => parseBicep(fixture("no-version.bicep"))).toThrow(/line 1: .*no @apiVersion/);
    expect(() => parseBicep("param x string\nwidget y = 1\n")).toThrow(
      /line 2: unknown declaration widget/,
    );
  });
});
