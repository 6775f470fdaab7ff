import type { Readable } from "node:stream";
import type { CaseApi, CaseApiAnswer } from "../../ports/cases";
import type { Logger } from "../../ports/logger";
import { CASE_API_OPENAPI } from "./openapi";
import { checkToken, type TokenRules } from "./token";

export const CASES_PREFIX = "/api/cases/";
export const OPENAPI_PATH = "/api/openapi.json";
/** Bodies larger than this are refused with 413 before they are parsed. */
export const MAX_BODY_BYTES = 256 * 1024;

/** A request as any HTTP server hands it over: the body is read here, with the limit. */
export interface PlainRequest {
  method: string;
  /** Path and query, as on the request line (percent-encoded). */
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: Readable;
}

export interface PlainAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const json = (
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): PlainAnswer => ({
  status,
  headers: { "content-type": "application/json; charset=utf-8", ...headers },
  body: JSON.stringify(body),
});

/** Reads at most `limit` bytes; undefined if the body is larger (the rest is drained, not kept). */
export async function readLimited(stream: Readable, limit: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  let over = false;
  for await (const chunk of stream) {
    const b = typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer);
    size += b.length;
    if (size > limit) over = true;
    else chunks.push(b);
  }
  return over ? undefined : Buffer.concat(chunks);
}

const ROUTES: { method: string; re: RegExp; op: keyof CaseApi }[] = [
  { method: "PUT", re: /^\/api\/cases\/([^/]+)$/, op: "putCase" },
  { method: "POST", re: /^\/api\/cases\/([^/]+)\/strategy-discussions$/, op: "strategyDiscussion" },
  { method: "POST", re: /^\/api\/cases\/([^/]+)\/looked-after$/, op: "lookedAfter" },
];

/**
 * The case system's API as one plain function (request in, answer out), so
 * it sits on any HTTP server. Order matters: the caller is authenticated
 * from the headers before the body is read, so a stranger learns nothing
 * about a body's shape and nothing is stored for them; then the size (413),
 * the media type (415), the JSON (400) and the fields (400, each bad field
 * named). The OpenAPI document is public: it names no data.
 */
export function caseApiHandler(deps: {
  api: CaseApi;
  token: TokenRules;
  logger: Logger;
}): (req: PlainRequest) => Promise<PlainAnswer> {
  return async (req) => {
    const path = new URL(req.url, "http://localhost").pathname;
    if (req.method === "GET" && path === OPENAPI_PATH) return json(200, CASE_API_OPENAPI);
    const route = ROUTES.find((r) => r.re.test(path));
    if (route === undefined) return json(404, { error: "No such endpoint" });
    if (route.method !== req.method)
      return json(405, { error: `Use ${route.method}` }, { allow: route.method });
    let reference: string;
    try {
      reference = decodeURIComponent((route.re.exec(path) as RegExpExecArray)[1] as string);
    } catch {
      return json(400, { errors: { reference: "The reference in the URL is not valid" } });
    }
    const auth = req.headers.authorization;
    const check = await checkToken(Array.isArray(auth) ? auth[0] : auth, deps.token);
    if (!check.ok) {
      deps.logger.warn(
        { path: route.op, status: check.status, reason: check.reason },
        "case api refused",
      );
      return check.status === 401
        ? json(
            401,
            { error: "A valid access token for Convene's case API is required" },
            {
              "www-authenticate": 'Bearer error="invalid_token"',
            },
          )
        : json(403, { error: "The calling application lacks the Cases.ReadWrite role" });
    }
    const declared = Number(req.headers["content-length"] ?? "0");
    if (declared > MAX_BODY_BYTES) return json(413, { error: "The body is over 256 KB" });
    const raw = await readLimited(req.body, MAX_BODY_BYTES);
    if (raw === undefined) return json(413, { error: "The body is over 256 KB" });
    const type = String(req.headers["content-type"] ?? "")
      .split(";")[0]
      ?.trim()
      .toLowerCase();
    if (type !== "application/json") return json(415, { error: "Send application/json" });
    let body: unknown;
    try {
      body = JSON.parse(raw.toString("utf8"));
    } catch {
      return json(400, { errors: { "(body)": "The body is not valid JSON" } });
    }
    const answer: CaseApiAnswer = await deps.api[route.op](reference, body, { appId: check.appId });
    deps.logger.info({ op: route.op, app: check.appId, outcome: answer.kind }, "case api");
    switch (answer.kind) {
      case "created":
        return json(201, { outcome: "created", ...answer.body });
      case "updated":
      case "unchanged":
        return json(200, { outcome: answer.kind, ...answer.body });
      case "invalid":
        return json(400, { errors: answer.errors });
      case "not-found":
        return json(404, { error: answer.message });
    }
  };
}
