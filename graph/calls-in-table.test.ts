import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { GRAPH_CALLS } from "./permissions";

/**
 * Every Graph call graph/ makes is a row of the permissions table: a call
 * missing from it would be granted by nobody (scripts/tenant-setup.ps1,
 * docs/permissions.md and `convene doctor` all read the table) and refused
 * in production with 403. The source is read as TypeScript: each object
 * literal with a `method` and a `path` (a request) or a `url` (a $batch
 * part) is one call; a path built by a URL helper (`eventUrl(...)`) is
 * resolved to the helper's own template, `${…}` becomes one varying segment
 * and the query string is dropped.
 */
const GRAPH_DIR = __dirname;
const VARYING = "{}";

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [file] : [];
  });
}

const parsed = sourceFiles(GRAPH_DIR).map((file) => ({
  file: relative(GRAPH_DIR, file),
  source: ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.ES2022, true),
}));

function walk(node: ts.Node, visit: (n: ts.Node) => void): void {
  visit(node);
  node.forEachChild((child) => walk(child, visit));
}

/** Helpers that return a Graph path: `function eventUrl(...) { return `/users/${…}/events/${…}`; }`. */
const helperBodies = new Map<string, ts.Expression>();
for (const { source } of parsed) {
  walk(source, (node) => {
    if (!ts.isFunctionDeclaration(node) || node.name === undefined || node.body === undefined)
      return;
    const returns = node.body.statements.filter(ts.isReturnStatement);
    let value = returns.length === 1 ? returns[0]?.expression : undefined;
    while (value !== undefined && ts.isParenthesizedExpression(value)) value = value.expression;
    if (
      value !== undefined &&
      (ts.isTemplateExpression(value) ||
        ts.isStringLiteralLike(value) ||
        ts.isBinaryExpression(value))
    ) {
      helperBodies.set(node.name.text, value);
    }
  });
}

/** The path an expression builds, or undefined when it is not one we can read. */
function pathOf(expression: ts.Expression, depth = 0): string | undefined {
  if (depth > 16) return undefined;
  if (ts.isStringLiteralLike(expression)) return expression.text;
  if (ts.isParenthesizedExpression(expression)) return pathOf(expression.expression, depth);
  if (ts.isTemplateExpression(expression)) {
    let out = expression.head.text;
    for (const span of expression.templateSpans) {
      const inner = ts.isCallExpression(span.expression)
        ? pathOf(span.expression, depth + 1)
        : undefined;
      out += (inner ?? VARYING) + span.literal.text;
    }
    return out;
  }
  if (
    ts.isBinaryExpression(expression) &&
    expression.operatorToken.kind === ts.SyntaxKind.PlusToken
  ) {
    const left = pathOf(expression.left, depth + 1);
    return left === undefined ? undefined : left + (pathOf(expression.right, depth + 1) ?? VARYING);
  }
  if (ts.isCallExpression(expression) && ts.isIdentifier(expression.expression)) {
    const body = helperBodies.get(expression.expression.text);
    return body === undefined ? undefined : pathOf(body, depth + 1);
  }
  return undefined;
}

interface FoundCall {
  where: string;
  method: string;
  path: string;
}

function property(node: ts.ObjectLiteralExpression, name: string): ts.Expression | undefined {
  for (const p of node.properties) {
    if (ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === name)
      return p.initializer;
  }
  return undefined;
}

const found: FoundCall[] = [];
const unreadable: string[] = [];
for (const { file, source } of parsed) {
  if (file === "permissions.ts") continue; // the table itself
  walk(source, (node) => {
    if (!ts.isObjectLiteralExpression(node)) return;
    const method = property(node, "method");
    const target = property(node, "path") ?? property(node, "url");
    if (method === undefined || target === undefined || !ts.isStringLiteralLike(method)) return;
    const where = `${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    const path = pathOf(target);
    if (path === undefined) unreadable.push(where);
    else found.push({ where, method: method.text, path: path.split("?")[0] ?? path });
  });
}

function segments(path: string): string[] {
  return path.split("/").filter((s) => s.length > 0);
}

/** A table row `{…}` matches any one segment; a literal segment must be equal. */
function rowFor(call: FoundCall): (typeof GRAPH_CALLS)[number] | undefined {
  const got = segments(call.path);
  return GRAPH_CALLS.find((row) => {
    const want = segments(row.path);
    return (
      row.method === call.method &&
      want.length === got.length &&
      want.every((w, i) => /^\{.*\}$/.test(w) || (got[i] !== VARYING && got[i] === w))
    );
  });
}

describe("every Graph call in graph/ is in the permissions table", () => {
  const calls = found.filter((c) => c.path !== "/$batch"); // $batch only carries parts, each scanned

  it("reads every request's path (none built in a way the scan cannot follow)", () => {
    expect(unreadable).toEqual([]);
  });

  it("finds the calls graph/ makes (the scan is not vacuous)", () => {
    expect(calls.length).toBeGreaterThanOrEqual(10);
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual(
      expect.arrayContaining(["POST /subscriptions", `POST /users/${VARYING}/sendMail`]),
    );
  });

  it("has a row for each", () => {
    const missing = calls
      .filter((c) => rowFor(c) === undefined)
      .map((c) => `${c.where} ${c.method} ${c.path}`);
    expect(missing).toEqual([]);
  });

  it("would catch a call that is not in the table", () => {
    expect(
      rowFor({ where: "planted", method: "GET", path: `/users/${VARYING}/contacts` }),
    ).toBeUndefined();
    expect(
      rowFor({ where: "planted", method: "DELETE", path: `/users/${VARYING}/events/${VARYING}` }),
    ).toBeUndefined();
    expect(
      rowFor({ where: "planted", method: "GET", path: `/users/${VARYING}/events/${VARYING}` })?.id,
    ).toBe("event.get");
  });
});
