/**
 * A small reader for Bicep (https://learn.microsoft.com/azure/azure-resource-manager/bicep/file):
 * enough of the language to check Convene's templates here, where the Bicep
 * compiler cannot be installed. It parses declarations (param, var, resource,
 * module, output, targetScope, metadata, type, func, import), decorators, and
 * expressions: objects, arrays, strings with ${} interpolation, ''' multi-line
 * strings, loops, conditions, ternaries, operators, calls, member and index
 * access (.? [? ! ::), lambdas and nested child resources. It checks syntax,
 * not types: what it accepts the compiler may still refuse.
 */

export type Expr =
  | { kind: "string"; parts: (string | Expr)[] }
  | { kind: "number"; value: number }
  | { kind: "bool"; value: boolean }
  | { kind: "null" }
  | { kind: "ident"; name: string }
  | { kind: "object"; props: Prop[]; resources: ResourceDecl[] }
  | { kind: "array"; items: Expr[] }
  | { kind: "member"; object: Expr; name: string }
  | { kind: "index"; object: Expr; index: Expr }
  | { kind: "call"; callee: Expr; args: Expr[] }
  | { kind: "unary"; op: string; operand: Expr }
  | { kind: "binary"; op: string; left: Expr; right: Expr }
  | { kind: "ternary"; test: Expr; then: Expr; else: Expr }
  | { kind: "for"; item: string; index?: string; source: Expr; body: Expr }
  | { kind: "if"; test: Expr; body: Expr }
  | { kind: "lambda"; params: string[]; body: Expr };

/** `key: value`, or `...expr` (spread, key "..."); an interpolated key also keeps its expression. */
export interface Prop {
  key: string;
  keyExpr?: Expr;
  value: Expr;
  decorators: Decorator[];
}

export interface Decorator {
  name: string;
  args: Expr[];
}

interface Base {
  name: string;
  decorators: Decorator[];
  line: number;
}
export interface ParamDecl extends Base {
  kind: "param";
  type: string;
  default?: Expr;
}
export interface VarDecl extends Base {
  kind: "var";
  value: Expr;
}
export interface ResourceDecl extends Base {
  kind: "resource";
  /** e.g. Microsoft.DocumentDB/databaseAccounts (a child's may be relative: sqlDatabases). */
  type: string;
  apiVersion: string;
  existing: boolean;
  value: Expr;
}
export interface ModuleDecl extends Base {
  kind: "module";
  path: string;
  value: Expr;
}
export interface OutputDecl extends Base {
  kind: "output";
  type: string;
  value: Expr;
}
export interface OtherDecl extends Base {
  kind: "targetScope" | "metadata" | "type" | "func" | "import";
  value?: Expr;
}
export type Decl = ParamDecl | VarDecl | ResourceDecl | ModuleDecl | OutputDecl | OtherDecl;

export interface BicepFile {
  decls: Decl[];
  params: ParamDecl[];
  vars: VarDecl[];
  resources: ResourceDecl[];
  modules: ModuleDecl[];
  outputs: OutputDecl[];
  targetScope?: string;
}

export class BicepSyntaxError extends Error {
  constructor(message: string, line: number) {
    super(`line ${line}: ${message}`);
  }
}

// ---------------------------------------------------------------- tokens

type Tok =
  | { t: "ident"; v: string; line: number }
  | { t: "string"; parts: (string | Expr)[]; line: number }
  | { t: "number"; v: number; line: number }
  | { t: "punct"; v: string; line: number }
  | { t: "nl"; line: number }
  | { t: "eof"; line: number };

const PUNCT = [
  "...",
  "??",
  ".?",
  "::",
  "=>",
  "==",
  "!=",
  "=~",
  "!~",
  "<=",
  ">=",
  "&&",
  "||",
  "{",
  "}",
  "[",
  "]",
  "(",
  ")",
  ",",
  ":",
  ".",
  "?",
  "!",
  "=",
  "<",
  ">",
  "+",
  "-",
  "*",
  "/",
  "%",
  "@",
  "|",
];

const ESCAPES: Record<string, string> = { "'": "'", "\\": "\\", n: "\n", r: "\r", t: "\t", $: "$" };

function tokenize(src: string, firstLine = 1): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  let line = firstLine;
  while (i < src.length) {
    const c = src[i] as string;
    if (c === "\n") {
      toks.push({ t: "nl", line });
      line += 1;
      i += 1;
    } else if (c === " " || c === "\t" || c === "\r") {
      i += 1;
    } else if (src.startsWith("//", i)) {
      while (i < src.length && src[i] !== "\n") i += 1;
    } else if (src.startsWith("/*", i)) {
      const end = src.indexOf("*/", i + 2);
      if (end < 0) throw new BicepSyntaxError("unterminated /* comment", line);
      line += (src.slice(i, end).match(/\n/g) ?? []).length;
      i = end + 2;
    } else if (src.startsWith("'''", i)) {
      // Multi-line string: verbatim, no escapes, no interpolation; a newline
      // straight after the opening quotes is not part of it.
      const end = src.indexOf("'''", i + 3);
      if (end < 0) throw new BicepSyntaxError("unterminated ''' string", line);
      let text = src.slice(i + 3, end);
      if (text.startsWith("\r\n")) text = text.slice(2);
      else if (text.startsWith("\n")) text = text.slice(1);
      toks.push({ t: "string", parts: [text], line });
      line += (src.slice(i, end).match(/\n/g) ?? []).length;
      i = end + 3;
    } else if (c === "'") {
      const start = line;
      const parts: (string | Expr)[] = [];
      let text = "";
      i += 1;
      for (;;) {
        const d = src[i];
        if (d === undefined || d === "\n") throw new BicepSyntaxError("unterminated string", start);
        if (d === "'") {
          i += 1;
          break;
        }
        if (d === "\\") {
          const e = src[i + 1] ?? "";
          if (e === "u" && src[i + 2] === "{") {
            const close = src.indexOf("}", i + 3);
            text += String.fromCodePoint(parseInt(src.slice(i + 3, close), 16));
            i = close + 1;
            continue;
          }
          const value = ESCAPES[e];
          if (value === undefined) throw new BicepSyntaxError(`unknown escape \\${e}`, line);
          text += value;
          i += 2;
          continue;
        }
        if (d === "$" && src[i + 1] === "{") {
          const close = matchingBrace(src, i + 2, line);
          if (text !== "") parts.push(text);
          text = "";
          parts.push(parseExpression(src.slice(i + 2, close), line));
          i = close + 1;
          continue;
        }
        text += d;
        i += 1;
      }
      if (text !== "" || parts.length === 0) parts.push(text);
      toks.push({ t: "string", parts, line: start });
    } else if (/[0-9]/.test(c)) {
      const m = /^[0-9]+(\.[0-9]+)?/.exec(src.slice(i)) as RegExpExecArray;
      toks.push({ t: "number", v: Number(m[0]), line });
      i += m[0].length;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i)) as RegExpExecArray;
      toks.push({ t: "ident", v: m[0], line });
      i += m[0].length;
    } else {
      const p = PUNCT.find((q) => src.startsWith(q, i));
      if (p === undefined) throw new BicepSyntaxError(`unexpected character ${c}`, line);
      toks.push({ t: "punct", v: p, line });
      i += p.length;
    }
  }
  toks.push({ t: "eof", line });
  return toks;
}

/** The index of the } closing an interpolation that starts at `from`. */
function matchingBrace(src: string, from: number, line: number): number {
  let depth = 0;
  let i = from;
  while (i < src.length) {
    const c = src[i];
    if (c === "'") {
      i += 1;
      while (i < src.length && src[i] !== "'") i += src[i] === "\\" ? 2 : 1;
    } else if (c === "{") depth += 1;
    else if (c === "}") {
      if (depth === 0) return i;
      depth -= 1;
    } else if (c === "\n") break;
    i += 1;
  }
  throw new BicepSyntaxError("unterminated ${ in string", line);
}

// ---------------------------------------------------------------- parser

const BINARY: string[][] = [
  ["??"],
  ["||"],
  ["&&"],
  ["==", "!=", "=~", "!~"],
  ["<", "<=", ">", ">="],
  ["+", "-"],
  ["*", "/", "%"],
];

class Parser {
  private pos = 0;
  constructor(private readonly toks: Tok[]) {}

  private get tok(): Tok {
    return this.toks[this.pos] as Tok;
  }
  private peek(n = 1): Tok {
    return this.toks[Math.min(this.pos + n, this.toks.length - 1)] as Tok;
  }
  private fail(message: string, tok: Tok = this.tok): never {
    throw new BicepSyntaxError(message, tok.line);
  }
  private isPunct(v: string, tok: Tok = this.tok): boolean {
    return tok.t === "punct" && tok.v === v;
  }
  private isIdent(v?: string, tok: Tok = this.tok): boolean {
    return tok.t === "ident" && (v === undefined || tok.v === v);
  }
  private expectPunct(v: string): void {
    if (!this.isPunct(v)) this.fail(`expected ${v}, found ${describe(this.tok)}`);
    this.pos += 1;
  }
  private ident(): string {
    const tok = this.tok;
    if (tok.t !== "ident") this.fail(`expected a name, found ${describe(tok)}`);
    this.pos += 1;
    return tok.v;
  }
  private plainString(): string {
    const tok = this.tok;
    if (tok.t !== "string" || tok.parts.some((p) => typeof p !== "string")) {
      this.fail(`expected a plain string, found ${describe(tok)}`);
    }
    this.pos += 1;
    return tok.parts.join("");
  }
  private skipNewlines(): void {
    while (this.tok.t === "nl") this.pos += 1;
  }
  /** The next token after any newlines, without consuming. */
  private afterNewlines(): Tok {
    let n = this.pos;
    while ((this.toks[n] as Tok).t === "nl") n += 1;
    return this.toks[n] as Tok;
  }
  private endOfStatement(): void {
    if (this.tok.t === "eof") return;
    if (this.tok.t !== "nl") this.fail(`expected the end of the line, found ${describe(this.tok)}`);
    this.skipNewlines();
  }

  file(): Decl[] {
    const decls: Decl[] = [];
    this.skipNewlines();
    while (this.tok.t !== "eof") {
      decls.push(this.declaration());
      this.endOfStatement();
    }
    return decls;
  }

  private decorators(): Decorator[] {
    const out: Decorator[] = [];
    while (this.isPunct("@")) {
      this.pos += 1;
      let name = this.ident();
      if (this.isPunct(".")) {
        this.pos += 1;
        name = this.ident(); // sys.description → description
      }
      const args = this.isPunct("(") ? this.args() : [];
      out.push({ name, args });
      this.skipNewlines();
    }
    return out;
  }

  private declaration(): Decl {
    const decorators = this.decorators();
    const line = this.tok.line;
    const keyword = this.ident();
    switch (keyword) {
      case "targetScope": {
        this.expectPunct("=");
        return {
          kind: "targetScope",
          name: "targetScope",
          decorators,
          line,
          value: this.expression(),
        };
      }
      case "metadata": {
        const name = this.ident();
        this.expectPunct("=");
        return { kind: "metadata", name, decorators, line, value: this.expression() };
      }
      case "param": {
        const name = this.ident();
        const type = this.typeText();
        if (this.isPunct("=")) {
          this.pos += 1;
          return { kind: "param", name, type, decorators, line, default: this.expression() };
        }
        return { kind: "param", name, type, decorators, line };
      }
      case "var": {
        const name = this.ident();
        if (!this.isPunct("=")) this.typeText();
        this.expectPunct("=");
        return { kind: "var", name, decorators, line, value: this.expression() };
      }
      case "resource":
        return this.resource(decorators, line);
      case "module": {
        const name = this.ident();
        const path = this.plainString();
        this.expectPunct("=");
        return { kind: "module", name, path, decorators, line, value: this.declarationBody() };
      }
      case "output": {
        const name = this.ident();
        const type = this.typeText();
        this.expectPunct("=");
        return { kind: "output", name, type, decorators, line, value: this.expression() };
      }
      case "type": {
        const name = this.ident();
        this.expectPunct("=");
        this.typeText();
        return { kind: "type", name, decorators, line };
      }
      case "func": {
        const name = this.ident();
        this.balanced(); // (params)
        this.typeText();
        this.expectPunct("=>");
        return { kind: "func", name, decorators, line, value: this.expression() };
      }
      case "import":
      case "extension":
      case "provider":
      case "using": {
        while (this.tok.t !== "nl" && this.tok.t !== "eof") this.pos += 1;
        return { kind: "import", name: keyword, decorators, line };
      }
      default:
        return this.fail(`unknown declaration ${keyword}`);
    }
  }

  /** `nested`: a child declared inside its parent, whose type may omit the version (the parent's). */
  private resource(decorators: Decorator[], line: number, nested = false): ResourceDecl {
    const name = this.ident();
    const text = this.plainString();
    const typeAndVersion = nested && !text.includes("@") ? `${text}@` : text;
    const at = typeAndVersion.lastIndexOf("@");
    if (at <= 0) this.fail(`resource ${name}: type ${typeAndVersion} has no @apiVersion`);
    let existing = false;
    if (this.isIdent("existing")) {
      existing = true;
      this.pos += 1;
    }
    this.expectPunct("=");
    return {
      kind: "resource",
      name,
      type: typeAndVersion.slice(0, at),
      apiVersion: typeAndVersion.slice(at + 1),
      existing,
      decorators,
      line,
      value: this.declarationBody(),
    };
  }

  /** A resource or module body: { }, if (...) { }, or [for ...: { }]. */
  private declarationBody(): Expr {
    if (this.isIdent("if")) return this.ifBody();
    if (this.isPunct("[") && this.isIdent("for", this.nextNonNewline(1))) return this.array();
    if (!this.isPunct("{")) this.fail(`expected {, if or [for, found ${describe(this.tok)}`);
    return this.object();
  }

  private nextNonNewline(from: number): Tok {
    let n = this.pos + from;
    while ((this.toks[n] as Tok).t === "nl") n += 1;
    return this.toks[n] as Tok;
  }

  private ifBody(): Expr {
    this.pos += 1; // if
    this.expectPunct("(");
    this.skipNewlines();
    const test = this.expression();
    this.skipNewlines();
    this.expectPunct(")");
    return { kind: "if", test, body: this.object() };
  }

  /** A type, kept as text: until = or the end of the line, brackets balanced. */
  private typeText(): string {
    const words: string[] = [];
    while (
      !this.isPunct("=") &&
      !this.isPunct("=>") &&
      this.tok.t !== "nl" &&
      this.tok.t !== "eof"
    ) {
      if (this.isPunct("{") || this.isPunct("[") || this.isPunct("(")) {
        words.push(this.balanced());
        continue;
      }
      const tok = this.tok;
      words.push(
        tok.t === "ident" || tok.t === "punct"
          ? tok.v
          : tok.t === "number"
            ? String(tok.v)
            : tok.t === "string"
              ? `'${tok.parts.join("")}'`
              : "",
      );
      this.pos += 1;
    }
    return words.join(" ");
  }

  private balanced(): string {
    const open = this.tok;
    const pairs: Record<string, string> = { "{": "}", "[": "]", "(": ")" };
    const stack: string[] = [];
    const words: string[] = [];
    do {
      const tok = this.tok;
      if (tok.t === "eof") this.fail("unclosed bracket", open);
      if (tok.t === "punct" && pairs[tok.v] !== undefined) stack.push(pairs[tok.v] as string);
      else if (tok.t === "punct" && tok.v === stack[stack.length - 1]) stack.pop();
      words.push(tok.t === "ident" || tok.t === "punct" ? tok.v : tok.t === "nl" ? "\n" : "");
      this.pos += 1;
    } while (stack.length > 0);
    return words.join(" ");
  }

  expression(): Expr {
    if (this.isLambdaAhead()) return this.lambda();
    const test = this.binary(0);
    if (this.isPunct("?") || this.isPunct("?", this.afterNewlines())) {
      this.skipNewlines();
      this.pos += 1;
      this.skipNewlines();
      const then = this.expression();
      this.skipNewlines();
      this.expectPunct(":");
      this.skipNewlines();
      return { kind: "ternary", test, then, else: this.expression() };
    }
    return test;
  }

  private isLambdaAhead(): boolean {
    if (this.isIdent() && this.isPunct("=>", this.peek())) return true;
    if (!this.isPunct("(")) return false;
    let n = 1;
    while (this.peek(n).t === "ident" || this.isPunct(",", this.peek(n))) n += 1;
    return this.isPunct(")", this.peek(n)) && this.isPunct("=>", this.peek(n + 1));
  }

  private lambda(): Expr {
    const params: string[] = [];
    if (this.isPunct("(")) {
      this.pos += 1;
      while (!this.isPunct(")")) {
        params.push(this.ident());
        if (this.isPunct(",")) this.pos += 1;
      }
      this.pos += 1;
    } else params.push(this.ident());
    this.expectPunct("=>");
    return { kind: "lambda", params, body: this.expression() };
  }

  private binary(level: number): Expr {
    const ops = BINARY[level];
    if (ops === undefined) return this.unary();
    let left = this.binary(level + 1);
    for (;;) {
      // &&, || and ?? may begin the next line (a long condition split over
      // lines); other operators there would be the next array item (-1).
      const next = this.tok.t === "nl" ? this.afterNewlines() : this.tok;
      if (next.t !== "punct" || !ops.includes(next.v)) return left;
      if (this.tok.t === "nl" && !["&&", "||", "??"].includes(next.v)) return left;
      this.skipNewlines();
      this.pos += 1;
      this.skipNewlines();
      left = { kind: "binary", op: next.v, left, right: this.binary(level + 1) };
    }
  }

  private unary(): Expr {
    if (this.isPunct("!") || this.isPunct("-")) {
      const op = (this.tok as { v: string }).v;
      this.pos += 1;
      return { kind: "unary", op, operand: this.unary() };
    }
    return this.postfix(this.primary());
  }

  private postfix(expr: Expr): Expr {
    for (;;) {
      if (this.isPunct(".") || this.isPunct(".?") || this.isPunct("::")) {
        this.pos += 1;
        const name = this.ident();
        expr = { kind: "member", object: expr, name };
      } else if (this.isPunct("[")) {
        this.pos += 1;
        if (this.isPunct("?")) this.pos += 1; // safe index: a[?0]
        this.skipNewlines();
        const index = this.expression();
        this.skipNewlines();
        this.expectPunct("]");
        expr = { kind: "index", object: expr, index };
      } else if (this.isPunct("(") && (expr.kind === "ident" || expr.kind === "member")) {
        expr = { kind: "call", callee: expr, args: this.args() };
      } else if (this.isPunct("!") && !this.isPunct("=", this.peek())) {
        this.pos += 1; // non-null assertion
      } else return expr;
    }
  }

  private args(): Expr[] {
    this.expectPunct("(");
    const args: Expr[] = [];
    this.skipNewlines();
    while (!this.isPunct(")")) {
      args.push(this.expression());
      this.skipNewlines();
      if (this.isPunct(",")) this.pos += 1;
      else if (!this.isPunct(")")) this.fail(`expected , or ) found ${describe(this.tok)}`);
      this.skipNewlines();
    }
    this.pos += 1;
    return args;
  }

  private primary(): Expr {
    const tok = this.tok;
    switch (tok.t) {
      case "string":
        this.pos += 1;
        return { kind: "string", parts: tok.parts };
      case "number":
        this.pos += 1;
        return { kind: "number", value: tok.v };
      case "ident":
        this.pos += 1;
        if (tok.v === "true" || tok.v === "false") return { kind: "bool", value: tok.v === "true" };
        if (tok.v === "null") return { kind: "null" };
        return { kind: "ident", name: tok.v };
      case "punct":
        if (tok.v === "{") return this.object();
        if (tok.v === "[") return this.array();
        if (tok.v === "(") {
          this.pos += 1;
          this.skipNewlines();
          const inner = this.expression();
          this.skipNewlines();
          this.expectPunct(")");
          return inner;
        }
        return this.fail(`unexpected ${tok.v}`);
      default:
        return this.fail(`unexpected ${describe(tok)}`);
    }
  }

  private object(): Expr {
    this.expectPunct("{");
    const props: Prop[] = [];
    const resources: ResourceDecl[] = [];
    this.skipNewlines();
    while (!this.isPunct("}")) {
      const decorators = this.decorators();
      if (this.isPunct("...")) {
        this.pos += 1;
        props.push({ key: "...", value: this.expression(), decorators });
      } else if (this.isIdent("resource") && this.peek().t === "ident") {
        const line = this.tok.line;
        this.pos += 1;
        resources.push(this.resource(decorators, line, true));
      } else {
        const keyTok = this.tok;
        let key: string;
        let keyExpr: Expr | undefined;
        if (keyTok.t === "ident") key = keyTok.v;
        else if (keyTok.t === "string") {
          key = keyTok.parts.map((p) => (typeof p === "string" ? p : "${}")).join("");
          if (key.includes("${}")) keyExpr = { kind: "string", parts: keyTok.parts };
        } else this.fail(`expected a property name, found ${describe(keyTok)}`);
        this.pos += 1;
        this.expectPunct(":");
        const value = this.expression();
        props.push({ key, ...(keyExpr !== undefined ? { keyExpr } : {}), value, decorators });
      }
      if (this.isPunct(",")) {
        this.pos += 1;
        this.skipNewlines();
        continue;
      }
      if (!this.isPunct("}") && this.tok.t !== "nl") {
        this.fail(`expected a new line or } after a property, found ${describe(this.tok)}`);
      }
      this.skipNewlines();
    }
    this.pos += 1;
    return { kind: "object", props, resources };
  }

  private array(): Expr {
    this.expectPunct("[");
    this.skipNewlines();
    if (this.isIdent("for")) {
      this.pos += 1;
      let item: string;
      let index: string | undefined;
      if (this.isPunct("(")) {
        this.pos += 1;
        item = this.ident();
        this.expectPunct(",");
        index = this.ident();
        this.expectPunct(")");
      } else item = this.ident();
      if (!this.isIdent("in")) this.fail(`expected in, found ${describe(this.tok)}`);
      this.pos += 1;
      const source = this.expression();
      this.expectPunct(":");
      this.skipNewlines();
      const body = this.isIdent("if") ? this.ifBody() : this.expression();
      this.skipNewlines();
      this.expectPunct("]");
      return { kind: "for", item, ...(index !== undefined ? { index } : {}), source, body };
    }
    const items: Expr[] = [];
    while (!this.isPunct("]")) {
      items.push(this.expression());
      if (this.isPunct(",")) {
        this.pos += 1;
        this.skipNewlines();
        continue;
      }
      if (!this.isPunct("]") && this.tok.t !== "nl") {
        this.fail(`expected a new line, , or ] after an item, found ${describe(this.tok)}`);
      }
      this.skipNewlines();
    }
    this.pos += 1;
    return { kind: "array", items };
  }
}

function describe(tok: Tok): string {
  switch (tok.t) {
    case "ident":
      return tok.v;
    case "punct":
      return tok.v;
    case "number":
      return String(tok.v);
    case "string":
      return "a string";
    case "nl":
      return "the end of the line";
    default:
      return "the end of the file";
  }
}

function parseExpression(src: string, line: number): Expr {
  const parser = new Parser(tokenize(src, line));
  const expr = parser.expression();
  return expr;
}

export function parseBicep(text: string): BicepFile {
  const decls = new Parser(tokenize(text)).file();
  const scope = decls.find((d) => d.kind === "targetScope");
  const scopeValue = scope?.kind === "targetScope" ? scope.value : undefined;
  return {
    decls,
    params: decls.filter((d): d is ParamDecl => d.kind === "param"),
    vars: decls.filter((d): d is VarDecl => d.kind === "var"),
    resources: decls.filter((d): d is ResourceDecl => d.kind === "resource"),
    modules: decls.filter((d): d is ModuleDecl => d.kind === "module"),
    outputs: decls.filter((d): d is OutputDecl => d.kind === "output"),
    ...(scopeValue?.kind === "string" ? { targetScope: scopeValue.parts.join("") } : {}),
  };
}

// ---------------------------------------------------------------- reading

/** The body of a resource or module: through `if` and `for` to the object. */
export function bodyOf(expr: Expr): Expr {
  if (expr.kind === "if") return bodyOf(expr.body);
  if (expr.kind === "for") return bodyOf(expr.body);
  return expr;
}

/** A property by dotted path (`properties.siteConfig.appSettings`), or undefined. */
export function prop(expr: Expr | undefined, path: string): Expr | undefined {
  let at = expr === undefined ? undefined : bodyOf(expr);
  for (const key of path.split(".")) {
    if (at?.kind !== "object") return undefined;
    at = at.props.find((p) => p.key === key)?.value;
  }
  return at;
}

/** Names an expression refers to, less those it binds itself (loop and lambda variables). */
export function references(expr: Expr, bound: ReadonlySet<string> = new Set()): Set<string> {
  const out = new Set<string>();
  const walk = (e: Expr, b: ReadonlySet<string>): void => {
    switch (e.kind) {
      case "ident":
        if (!b.has(e.name)) out.add(e.name);
        return;
      case "string":
        for (const p of e.parts) if (typeof p !== "string") walk(p, b);
        return;
      case "object":
        for (const p of e.props) {
          if (p.keyExpr !== undefined) walk(p.keyExpr, b);
          walk(p.value, b);
          for (const d of p.decorators) for (const a of d.args) walk(a, b);
        }
        for (const r of e.resources) walk(r.value, b);
        return;
      case "array":
        for (const i of e.items) walk(i, b);
        return;
      case "member":
        walk(e.object, b);
        return;
      case "index":
        walk(e.object, b);
        walk(e.index, b);
        return;
      case "call":
        walk(e.callee, b);
        for (const a of e.args) walk(a, b);
        return;
      case "unary":
        walk(e.operand, b);
        return;
      case "binary":
        walk(e.left, b);
        walk(e.right, b);
        return;
      case "ternary":
        walk(e.test, b);
        walk(e.then, b);
        walk(e.else, b);
        return;
      case "for": {
        walk(e.source, b);
        const inner = new Set([...b, e.item, ...(e.index !== undefined ? [e.index] : [])]);
        walk(e.body, inner);
        return;
      }
      case "if":
        walk(e.test, b);
        walk(e.body, b);
        return;
      case "lambda":
        walk(e.body, new Set([...b, ...e.params]));
        return;
      default:
        return;
    }
  };
  walk(expr, bound);
  return out;
}

/** Every expression in a declaration: its value, default and decorator arguments. */
export function expressionsOf(decl: Decl): Expr[] {
  const out: Expr[] = decl.decorators.flatMap((d) => d.args);
  if ("value" in decl && decl.value !== undefined) out.push(decl.value);
  if (decl.kind === "param" && decl.default !== undefined) out.push(decl.default);
  return out;
}

export type Value = string | number | boolean | null | Value[] | { [key: string]: Value };

export class NotStatic extends Error {}

/**
 * The value of an expression that needs no deployment to know: literals,
 * variables in `scope`, member and index access, interpolation, loops over
 * static arrays, and the few functions named below. Anything else throws
 * NotStatic (resource properties, resourceGroup(), …).
 */
export function evaluate(expr: Expr, scope: ReadonlyMap<string, Value>): Value {
  switch (expr.kind) {
    case "string":
      return expr.parts
        .map((p) => (typeof p === "string" ? p : String(evaluate(p, scope))))
        .join("");
    case "number":
      return expr.value;
    case "bool":
      return expr.value;
    case "null":
      return null;
    case "ident": {
      const v = scope.get(expr.name);
      if (v === undefined) throw new NotStatic(expr.name);
      return v;
    }
    case "object": {
      const out: { [key: string]: Value } = {};
      for (const p of expr.props) {
        const v = evaluate(p.value, scope);
        if (p.key === "...") Object.assign(out, v);
        else out[p.keyExpr !== undefined ? String(evaluate(p.keyExpr, scope)) : p.key] = v;
      }
      return out;
    }
    case "array":
      return expr.items.map((i) => evaluate(i, scope));
    case "member": {
      const o = evaluate(expr.object, scope);
      if (o === null || typeof o !== "object" || Array.isArray(o) || !(expr.name in o)) {
        throw new NotStatic(expr.name);
      }
      return o[expr.name] as Value;
    }
    case "index": {
      const o = evaluate(expr.object, scope);
      const i = evaluate(expr.index, scope);
      const v = Array.isArray(o) && typeof i === "number" ? o[i] : undefined;
      if (v === undefined) throw new NotStatic("index");
      return v;
    }
    case "for": {
      const source = evaluate(expr.source, scope);
      if (!Array.isArray(source)) throw new NotStatic("for");
      return source.map((item, i) => {
        const inner = new Map(scope);
        inner.set(expr.item, item);
        if (expr.index !== undefined) inner.set(expr.index, i);
        return evaluate(expr.body, inner);
      });
    }
    case "ternary":
      return evaluate(expr.test, scope) === true
        ? evaluate(expr.then, scope)
        : evaluate(expr.else, scope);
    case "unary": {
      const v = evaluate(expr.operand, scope);
      if (expr.op === "!" && typeof v === "boolean") return !v;
      if (expr.op === "-" && typeof v === "number") return -v;
      throw new NotStatic(expr.op);
    }
    case "binary": {
      const l = evaluate(expr.left, scope);
      const r = evaluate(expr.right, scope);
      if (expr.op === "==") return JSON.stringify(l) === JSON.stringify(r);
      if (expr.op === "!=") return JSON.stringify(l) !== JSON.stringify(r);
      if (expr.op === "&&" && typeof l === "boolean" && typeof r === "boolean") return l && r;
      if (expr.op === "||" && typeof l === "boolean" && typeof r === "boolean") return l || r;
      if (expr.op === "+" && typeof l === "number" && typeof r === "number") return l + r;
      throw new NotStatic(expr.op);
    }
    case "call": {
      const name = expr.callee.kind === "ident" ? expr.callee.name : "";
      const args = expr.args.map((a) => evaluate(a, scope));
      if (name === "concat" && args.every(Array.isArray)) return (args as Value[][]).flat();
      if (name === "toLower" && typeof args[0] === "string") return args[0].toLowerCase();
      if (name === "length" && (Array.isArray(args[0]) || typeof args[0] === "string")) {
        return args[0].length;
      }
      throw new NotStatic(name);
    }
    default:
      throw new NotStatic(expr.kind);
  }
}

/** The static values of a file's params (defaults) and vars, as far as they go. */
export function staticScope(
  file: BicepFile,
  given: Record<string, Value> = {},
): Map<string, Value> {
  const scope = new Map<string, Value>(Object.entries(given));
  for (const p of file.params) {
    if (scope.has(p.name) || p.default === undefined) continue;
    try {
      scope.set(p.name, evaluate(p.default, scope));
    } catch (err) {
      if (!(err instanceof NotStatic)) throw err;
    }
  }
  for (const v of file.vars) {
    try {
      scope.set(v.name, evaluate(v.value, scope));
    } catch (err) {
      if (!(err instanceof NotStatic)) throw err;
    }
  }
  return scope;
}

/** A plain string literal's text, or undefined (an interpolated or non-string expression). */
export function literal(expr: Expr | undefined): string | undefined {
  if (expr?.kind !== "string" || expr.parts.some((p) => typeof p !== "string")) return undefined;
  return expr.parts.join("");
}
