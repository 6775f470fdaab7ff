import {
  bodyOf,
  evaluate,
  expressionsOf,
  literal,
  parseBicep,
  prop,
  references,
  staticScope,
  type BicepFile,
  type Expr,
  type ResourceDecl,
  type Value,
} from "./reader";

/**
 * Checks on Convene's templates, each returning the problems it found (empty:
 * none). They take the templates' text, so a test can run them on a copy
 * with a fault planted and see them fail.
 */
export type Templates = Record<string, string>; // path (as modules name it) → text

export interface ParsedTemplates {
  main: BicepFile;
  files: Map<string, BicepFile>;
}

export function parseTemplates(templates: Templates, main: string): ParsedTemplates {
  const files = new Map<string, BicepFile>();
  for (const [path, text] of Object.entries(templates)) files.set(path, parseBicep(text));
  const parsed = files.get(main);
  if (parsed === undefined) throw new Error(`no ${main}`);
  return { main: parsed, files };
}

/** Every resource in every file, nested children included. */
function allResources(t: ParsedTemplates): { file: string; resource: ResourceDecl }[] {
  const out: { file: string; resource: ResourceDecl }[] = [];
  const visit = (file: string, r: ResourceDecl) => {
    out.push({ file, resource: r });
    const body = bodyOf(r.value);
    if (body.kind === "object") for (const child of body.resources) visit(file, child);
  };
  for (const [file, parsed] of t.files) for (const r of parsed.resources) visit(file, r);
  return out;
}

const COSMOS_ACCOUNT = "Microsoft.DocumentDB/databaseAccounts";
const CONTAINER = "Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers";
const SITE = "Microsoft.Web/sites";

/** Cosmos accounts, and anything else that has the switch, take no keys. */
export function checkLocalAuth(t: ParsedTemplates): string[] {
  const problems: string[] = [];
  const accounts = allResources(t).filter(({ resource }) => resource.type === COSMOS_ACCOUNT);
  if (accounts.length === 0) problems.push("no Cosmos DB account is declared");
  for (const { file, resource } of allResources(t)) {
    const setting = prop(resource.value, "properties.disableLocalAuth");
    if (resource.type === COSMOS_ACCOUNT && setting === undefined) {
      problems.push(`${file}: ${resource.name} does not set disableLocalAuth`);
    }
    if (setting !== undefined && !(setting.kind === "bool" && setting.value)) {
      problems.push(`${file}: ${resource.name} has disableLocalAuth other than true`);
    }
  }
  return problems;
}

export interface ContainerSpec {
  name: string;
  partitionKeyPaths: string[];
  indexingPolicy?: unknown;
}

/** The containers the templates create, evaluated through their loop. */
export function templateContainers(t: ParsedTemplates): ContainerSpec[] {
  const out: ContainerSpec[] = [];
  for (const { file, resource } of allResources(t)) {
    if (resource.type !== CONTAINER) continue;
    const parsed = t.files.get(file) as BicepFile;
    const scope = staticScope(parsed);
    const pick = (path: string): Value[] => {
      const at = prop(resource.value, path) as Expr;
      const v = resource.value;
      // A loop: the same property for every item of its (static) source.
      if (v.kind === "for") return evaluate({ ...v, body: at }, scope) as Value[];
      return [evaluate(at, scope)];
    };
    const names = pick("name");
    const keys = pick("properties.resource.partitionKey.paths");
    const indexing = prop(resource.value, "properties.resource.indexingPolicy")
      ? pick("properties.resource.indexingPolicy")
      : [];
    names.forEach((name, i) =>
      out.push({
        name: String(name),
        partitionKeyPaths: keys[i] as string[],
        ...(indexing[i] !== undefined ? { indexingPolicy: indexing[i] } : {}),
      }),
    );
  }
  return out;
}

/** The templates' containers equal the store's, partition keys and indexing included. */
export function checkContainers(t: ParsedTemplates, store: ContainerSpec[]): string[] {
  const problems: string[] = [];
  const declared = templateContainers(t);
  const byName = new Map(declared.map((c) => [c.name, c]));
  for (const c of declared) {
    if (!store.some((s) => s.name === c.name)) {
      problems.push(`container ${c.name} is not one the store declares`);
    }
  }
  for (const s of store) {
    const c = byName.get(s.name);
    if (c === undefined) {
      problems.push(`container ${s.name} (the store's) is not in the templates`);
      continue;
    }
    if (JSON.stringify(c.partitionKeyPaths) !== JSON.stringify(s.partitionKeyPaths)) {
      problems.push(
        `container ${s.name}: partition key ${JSON.stringify(c.partitionKeyPaths)}, the store's ${JSON.stringify(s.partitionKeyPaths)}`,
      );
    }
    if (s.indexingPolicy !== undefined && !sameJson(c.indexingPolicy, s.indexingPolicy)) {
      problems.push(`container ${s.name}: indexing policy differs from the store's`);
    }
  }
  return problems;
}

function sameJson(a: unknown, b: unknown): boolean {
  const sort = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sort)
      : v !== null && typeof v === "object"
        ? Object.fromEntries(
            Object.entries(v)
              .sort(([x], [y]) => (x < y ? -1 : 1))
              .map(([k, x]) => [k, sort(x)]),
          )
        : v;
  return JSON.stringify(sort(a)) === JSON.stringify(sort(b));
}

/** The app setting names of every web app in the templates. */
export function appSettingNames(t: ParsedTemplates): string[] {
  const names: string[] = [];
  for (const { file, resource } of allResources(t)) {
    if (resource.type !== SITE) continue;
    const settings = prop(resource.value, "properties.siteConfig.appSettings");
    if (settings?.kind !== "array")
      throw new Error(`${file}: ${resource.name}: appSettings is not a list`);
    for (const item of settings.items) {
      const name = literal(prop(item, "name"));
      if (name === undefined)
        throw new Error(`${file}: an app setting's name is not a plain string`);
      names.push(name);
    }
  }
  return names;
}

export interface SettingRules {
  /** What the configuration reads (app/config.ts). */
  configKeys: readonly string[];
  /** Read by App Service itself, not by Convene. */
  platformKeys: readonly string[];
  /** Configuration keys production leaves to their defaults, each with its reason. */
  leftToDefault: Record<string, string>;
}

/**
 * The web app's settings are exactly the configuration's keys: each one set
 * is read (or App Service reads it), and each one read is set or left to
 * its default on purpose.
 */
export function checkAppSettings(t: ParsedTemplates, rules: SettingRules): string[] {
  const problems: string[] = [];
  const names = appSettingNames(t);
  if (names.length === 0) problems.push("no web app settings found");
  for (const name of names) {
    if (!rules.configKeys.includes(name) && !rules.platformKeys.includes(name)) {
      problems.push(`app setting ${name} is not read by the configuration`);
    }
  }
  for (const key of rules.configKeys) {
    if (!names.includes(key) && rules.leftToDefault[key] === undefined) {
      problems.push(`configuration key ${key} is neither set nor left to its default on purpose`);
    }
  }
  for (const key of Object.keys(rules.leftToDefault)) {
    if (!rules.configKeys.includes(key))
      problems.push(`${key} (left to default) is not a configuration key`);
    if (names.includes(key)) problems.push(`${key} is both set and listed as left to its default`);
  }
  const dupes = names.filter((n, i) => names.indexOf(n) !== i);
  for (const d of dupes) problems.push(`app setting ${d} is set twice`);
  return problems;
}

/** The region defaults to UK South, and each module's location comes from it. */
export function checkRegion(t: ParsedTemplates): string[] {
  const problems: string[] = [];
  const location = t.main.params.find((p) => p.name === "location");
  if (location === undefined) return ["the main template has no location parameter"];
  if (literal(location.default) !== "uksouth")
    problems.push("location does not default to uksouth");
  for (const [file, parsed] of t.files) {
    if (parsed === t.main) continue;
    const own = parsed.params.find((p) => p.name === "location");
    if (own?.default !== undefined) problems.push(`${file}: location has a default of its own`);
  }
  for (const m of t.main.modules) {
    const given = prop(m.value, "params.location");
    const target = t.files.get(m.path);
    if (
      target?.params.some((p) => p.name === "location") &&
      !(given?.kind === "ident" && given.name === "location")
    ) {
      problems.push(`module ${m.name} is not given the main location`);
    }
  }
  return problems;
}

/** Every parameter is used in its own file; every module gets the params it declares and no others. */
export function checkParameters(
  t: ParsedTemplates,
  parameterFile?: { parameters: Record<string, unknown> },
): string[] {
  const problems: string[] = [];
  for (const [file, parsed] of t.files) {
    const used = new Set<string>();
    for (const d of parsed.decls) {
      for (const e of expressionsOf(d))
        for (const r of references(e)) if (r !== d.name || d.kind !== "param") used.add(r);
    }
    for (const p of parsed.params)
      if (!used.has(p.name)) problems.push(`${file}: parameter ${p.name} is not used`);
    for (const m of parsed.modules) {
      const target = t.files.get(m.path);
      if (target === undefined) {
        problems.push(
          `${file}: module ${m.name} names ${m.path}, which is not among the templates`,
        );
        continue;
      }
      const given = prop(m.value, "params");
      const keys = given?.kind === "object" ? given.props.map((p) => p.key) : [];
      for (const k of keys) {
        if (!target.params.some((p) => p.name === k))
          problems.push(`${file}: module ${m.name} passes ${k}, not a parameter of ${m.path}`);
      }
      for (const p of target.params) {
        if (p.default === undefined && !keys.includes(p.name))
          problems.push(`${file}: module ${m.name} does not pass ${p.name}`);
      }
    }
  }
  if (parameterFile !== undefined) {
    const given = Object.keys(parameterFile.parameters);
    for (const k of given)
      if (!t.main.params.some((p) => p.name === k))
        problems.push(`parameters file sets ${k}, not a parameter`);
    for (const p of t.main.params) {
      if (p.default === undefined && !given.includes(p.name))
        problems.push(`parameters file does not set ${p.name}`);
    }
  }
  return problems;
}

const SECRET_WORDS = /password|secret|connectionstring|credential|token|keys?$/i;

/** No output carries a secret: none is @secure(), calls list*(), or reads a key, password or connection string. */
export function checkOutputs(t: ParsedTemplates): string[] {
  const problems: string[] = [];
  const members = (e: Expr, out: string[] = []): string[] => {
    const walk = (x: Expr): void => {
      if (x.kind === "member") {
        out.push(x.name);
        walk(x.object);
      } else if (x.kind === "call") {
        if (x.callee.kind === "ident") out.push(`${x.callee.name}()`);
        if (x.callee.kind === "member") {
          out.push(`${x.callee.name}()`);
          walk(x.callee.object);
        }
        x.args.forEach(walk);
      } else if (x.kind === "string") x.parts.forEach((p) => typeof p !== "string" && walk(p));
      else if (x.kind === "ternary") [x.test, x.then, x.else].forEach(walk);
      else if (x.kind === "binary") [x.left, x.right].forEach(walk);
      else if (x.kind === "object") x.props.forEach((p) => walk(p.value));
      else if (x.kind === "array") x.items.forEach(walk);
      else if (x.kind === "index") [x.object, x.index].forEach(walk);
      else if (x.kind === "for") walk(x.body);
    };
    walk(e);
    return out;
  };
  for (const [file, parsed] of t.files) {
    for (const o of parsed.outputs) {
      if (o.decorators.some((d) => d.name === "secure"))
        problems.push(`${file}: output ${o.name} is @secure()`);
      if (SECRET_WORDS.test(o.name))
        problems.push(`${file}: output ${o.name} is named as a secret`);
      for (const m of members(o.value)) {
        if (/^list/i.test(m)) problems.push(`${file}: output ${o.name} calls ${m}`);
        else if (SECRET_WORDS.test(m.replace(/\(\)$/, "")))
          problems.push(`${file}: output ${o.name} reads ${m}`);
      }
    }
  }
  return problems;
}
