import type { IncomingMessage, ServerResponse } from "node:http";
import { createServer, type Server } from "node:https";
import type { AddressInfo, Socket } from "node:net";
import { makeCertificate } from "./certificate";
import { Faults, type FaultKind, type PartFaultKind } from "./faults";
import { Grants } from "./grants";
import {
  graphError,
  type FakeAnswer,
  type FakeRequest,
  type ForgetMode,
  type ForgettableSetting,
  type NotificationUrlValidator,
  type RouteContext,
} from "./http-types";
import { issueToken, openIdConfiguration, type OAuthConfig } from "./oauth";
import { mailboxOf, route } from "./route-table";
import { BatchRequest } from "./schemas";
import { GraphState } from "./state";

export interface LocalGraphOptions {
  /** Seeds the fault and latency draws. */
  seed?: number;
  tenantId?: string;
  clientId?: string;
  /** The secret ClientSecretCredential must present. */
  clientSecret?: string;
  /** PEM certificate whose key ClientCertificateCredential signs with. */
  clientCertificate?: string;
  /** Bearer tokens accepted without the token endpoint (an injected TokenCredential's). */
  acceptTokens?: string[];
  /** Outlook's concurrent requests per mailbox before 429 MailboxConcurrency (4). */
  mailboxConcurrency?: number;
  /**
   * The local Graph's clock (reply times, subscription expiry limits); give
   * it the adapter's clock when that is fixed. The real time by default.
   */
  now?: () => Date;
  /** Plays the subscriber's endpoint when a subscription is made (see validateNotificationUrlWith). */
  validateNotificationUrl?: NotificationUrlValidator;
  /**
   * The application permissions the tenant has granted the app (the
   * `roles` its tokens carry). Convene's least-privileged set by default
   * (graph/permissions.ts CONVENE_APPLICATION_PERMISSIONS).
   */
  permissions?: readonly string[];
  /**
   * How long a room mailbox takes to accept or decline a meeting request
   * (Exchange's resource booking assistant answers asynchronously); 25 ms
   * by default. `settleRooms()` answers the pending ones at once.
   */
  roomReplyDelayMs?: number;
}

/** One request the local Graph answered (token requests are kept apart, in `tokenCalls`). */
export interface RecordedCall {
  seq: number;
  method: string;
  /** After /v1.0, as sent (percent-encoded); the query string apart. */
  path: string;
  query: string;
  /** Lower-cased; Authorization left out. */
  headers: Record<string, string>;
  body: unknown;
  /** Undefined when the connection was dropped instead of answered. */
  status?: number;
  fault?: FaultKind;
  parts?: RecordedPart[];
}

export interface RecordedPart {
  id: string;
  method: string;
  path: string;
  query: string;
  body: unknown;
  status: number;
  fault?: PartFaultKind;
}

export interface LocalGraph {
  /** Give this to the adapter as GRAPH_BASE_URL. */
  baseUrl: string;
  /** Give this to the credential as its authority host. */
  authorityHost: string;
  tenantId: string;
  clientId: string;
  /** The certificate to trust (PEM), made at start. */
  ca: string;
  state: GraphState;
  faults: Faults;
  calls: RecordedCall[];
  tokenCalls: { path: string; status: number }[];
  /** Highest number of Outlook operations seen in flight at once, per mailbox. */
  peakConcurrency: Map<string, number>;
  /** 429 MailboxConcurrency answers given (the limiter should make this 0). */
  concurrencyRefusals: number;
  /** Make the next PATCHes of onlineMeetings not hold `setting` (see ForgetMode). */
  forget(setting: ForgettableSetting, mode?: ForgetMode): void;
  /** The next `n` answers carrying an event (its create, then GETs) come without its join link. */
  delayJoinUrl(n: number): void;
  /**
   * From now on, POST /subscriptions checks the notificationUrl as Graph
   * does: `validator` gets the URL and a validationToken and must answer
   * the token (undefined: every URL passes, nothing is sent).
   */
  validateNotificationUrlWith(validator: NotificationUrlValidator | undefined): void;
  /**
   * The app's granted permissions: grant, revoke or set them at any time.
   * acceptTokens follow the grant call by call; a token from the token
   * endpoint keeps the roles it was issued with (grants.ts).
   */
  permissions: Grants;
  /** Every room mailbox answers the meeting requests it still has to answer, now. */
  settleRooms(): void;
  /** Forget state, calls, faults, forgotten settings and grants (the certificate and port stay). */
  reset(): void;
  close(): Promise<void>;
}

/**
 * A local Microsoft Graph over HTTPS on 127.0.0.1 (random port), for the
 * adapter's tests and bench/graph: the endpoints of route-table.ts, each
 * body checked against schemas.ts, state kept in memory (attendees'
 * replies set with `state.respond`, subscriptions and the change
 * notifications they would receive), every call recorded, faults and latency on demand (faults.ts), Outlook's per-mailbox
 * concurrency limit enforced, and an OAuth token endpoint (oauth.ts).
 */
export async function startLocalGraph(options: LocalGraphOptions = {}): Promise<LocalGraph> {
  const certificate = await makeCertificate();
  const tenantId = options.tenantId ?? "2f1a9c3e-7b4d-4e5f-8a6b-0c1d2e3f4a5b";
  const clientId = options.clientId ?? "6d7e8f90-1a2b-4c3d-9e4f-5a6b7c8d9e0f";
  const oauth: OAuthConfig = {
    tenantId,
    clientId,
    ...(options.clientSecret !== undefined ? { clientSecret: options.clientSecret } : {}),
    ...(options.clientCertificate !== undefined
      ? { clientCertificate: options.clientCertificate }
      : {}),
  };
  const grants = new Grants(options.permissions, options.acceptTokens ?? []);
  const limit = options.mailboxConcurrency ?? 4;
  const state = new GraphState(options.now ?? (() => new Date()), tenantId, clientId);
  const roomTimers = new Set<NodeJS.Timeout>();
  state.rooms.onRequest = () => {
    const timer = setTimeout(() => {
      roomTimers.delete(timer);
      state.settleRooms();
    }, options.roomReplyDelayMs ?? 25);
    roomTimers.add(timer);
  };
  const faults = new Faults(options.seed ?? 1);
  const calls: RecordedCall[] = [];
  const tokenCalls: { path: string; status: number }[] = [];
  const inFlight = new Map<string, number>();
  const peakConcurrency = new Map<string, number>();
  const forgotten = new Map<ForgettableSetting, ForgetMode>();
  const joinUrlLag = { remaining: 0 };
  const validator: RouteContext["validator"] = {};
  const setValidator = (v: NotificationUrlValidator | undefined): void => {
    if (v === undefined) delete validator.current;
    else validator.current = v;
  };
  setValidator(options.validateNotificationUrl);
  const context: RouteContext = {
    state,
    forget: forgotten,
    joinUrlLag,
    applicationId: clientId,
    validator,
    origin: () => origin,
  };
  const sockets = new Set<Socket>();
  let origin = "";
  let refusals = 0;

  /** One Outlook operation: holds a mailbox slot for its (injected) latency. */
  async function outlook(request: FakeRequest): Promise<FakeAnswer> {
    const mailbox = mailboxOf(request.rawPath);
    const delay = faults.delayMs();
    if (mailbox === undefined) {
      if (delay > 0) await sleep(delay);
      return route(request, context);
    }
    const now = inFlight.get(mailbox) ?? 0;
    if (now >= limit) {
      refusals++;
      return throttled("ApplicationThrottled", "Application is over its MailboxConcurrency limit.");
    }
    inFlight.set(mailbox, now + 1);
    peakConcurrency.set(mailbox, Math.max(peakConcurrency.get(mailbox) ?? 0, now + 1));
    try {
      if (delay > 0) await sleep(delay);
      return await route(request, context);
    } finally {
      inFlight.set(mailbox, (inFlight.get(mailbox) ?? 1) - 1);
    }
  }

  function throttled(code: string, message: string): FakeAnswer {
    const answer = graphError(429, code, message);
    return {
      ...answer,
      headers: { ...answer.headers, "retry-after": String(faults.retryAfterSeconds) },
    };
  }

  async function batch(request: FakeRequest, record: RecordedCall): Promise<FakeAnswer> {
    const parsed = BatchRequest.safeParse(request.body);
    if (!parsed.success) {
      return graphError(
        400,
        "BadRequest",
        `invalid batch: ${parsed.error.issues.map((i) => i.message).join("; ")}`,
      );
    }
    const parts = parsed.data.requests;
    const results = new Map<string, FakeAnswer>();
    record.parts = [];
    const runPart = async (part: (typeof parts)[number]): Promise<void> => {
      const url = new URL(
        part.url.startsWith("/") ? part.url : `/${part.url}`,
        "https://graph.local",
      );
      const partRequest: FakeRequest = {
        method: part.method,
        rawPath: url.pathname,
        query: url.searchParams,
        headers: lowerCaseKeys(part.headers ?? {}),
        body: part.body,
        roles: request.roles,
      };
      const failedDependency = (part.dependsOn ?? []).some(
        (id) => (results.get(id)?.status ?? 424) >= 400,
      );
      const fault = failedDependency
        ? undefined
        : faults.forPart({ method: part.method, path: url.pathname });
      const answer: FakeAnswer = failedDependency
        ? graphError(424, "FailedDependency", "a request this one depends on failed")
        : fault === "throttle"
          ? throttled("TooManyRequests", "Too many requests")
          : fault === "unavailable"
            ? graphError(503, "ServiceUnavailable", "Service unavailable")
            : await outlook(partRequest);
      results.set(part.id, answer);
      record.parts?.push({
        id: part.id,
        method: part.method,
        path: url.pathname,
        query: url.search,
        body: part.body,
        status: answer.status,
        ...(fault !== undefined ? { fault } : {}),
      });
    };
    if (parts.some((p) => p.dependsOn !== undefined)) {
      for (const part of parts) await runPart(part);
    } else {
      // Graph runs up to four parts at a time against Outlook.
      for (let i = 0; i < parts.length; i += 4)
        await Promise.all(parts.slice(i, i + 4).map(runPart));
    }
    return {
      status: 200,
      headers: { "content-type": "application/json" },
      body: {
        responses: parts.map((p) => {
          const answer = results.get(p.id) as FakeAnswer;
          return {
            id: p.id,
            status: answer.status,
            headers: answer.headers ?? {},
            ...(answer.body !== undefined ? { body: answer.body } : {}),
          };
        }),
      },
    };
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const url = new URL(req.url ?? "/", origin);
    const headers = lowerCaseKeys(req.headers as Record<string, string>);

    // Entra ID: metadata and token endpoint.
    const tenantPath = `/${tenantId}`;
    if (url.pathname.startsWith(tenantPath)) {
      const answer =
        req.method === "GET" &&
        url.pathname === `${tenantPath}/v2.0/.well-known/openid-configuration`
          ? openIdConfiguration(origin, tenantId)
          : req.method === "POST" && url.pathname === `${tenantPath}/oauth2/v2.0/token`
            ? issueToken(
                oauth,
                `${origin}${tenantPath}/oauth2/v2.0/token`,
                new URLSearchParams(raw),
                grants,
              )
            : graphError(404, "NotFound", "unknown identity endpoint");
      tokenCalls.push({ path: url.pathname, status: answer.status });
      write(res, answer);
      return;
    }

    if (!url.pathname.startsWith("/v1.0/")) {
      write(res, graphError(400, "BadRequest", "Invalid version"));
      return;
    }
    const rawPath = url.pathname.slice("/v1.0".length);
    let body: unknown = undefined;
    if (raw.length > 0) {
      try {
        body = JSON.parse(raw);
      } catch {
        body = Symbol.for("invalid-json");
      }
    }
    const { authorization: _auth, ...recordedHeaders } = headers;
    const record: RecordedCall = {
      seq: calls.length + 1,
      method: req.method ?? "GET",
      path: rawPath,
      query: url.search,
      headers: recordedHeaders,
      body,
    };
    calls.push(record);

    const token = /^Bearer (.+)$/.exec(headers["authorization"] ?? "")?.[1];
    const roles = grants.rolesOf(token);
    if (!(roles instanceof Set)) {
      finish(res, record, roles as FakeAnswer);
      return;
    }
    if (typeof body === "symbol") {
      finish(res, record, graphError(400, "BadRequest", "Unable to read JSON request payload."));
      return;
    }
    if (Buffer.byteLength(raw) > MAX_REQUEST_BYTES) {
      finish(res, record, graphError(413, "RequestEntityTooLarge", "request over 4 MB"));
      return;
    }

    const fault = faults.forRequest({ method: record.method, path: rawPath });
    if (fault !== undefined) record.fault = fault;
    if (fault === "drop-before") {
      req.socket.destroy();
      return;
    }
    if (fault === "throttle") {
      finish(res, record, throttled("TooManyRequests", "Too many requests"));
      return;
    }
    if (fault === "unavailable") {
      finish(res, record, graphError(503, "ServiceUnavailable", "Service unavailable"));
      return;
    }
    const request: FakeRequest = {
      method: record.method,
      rawPath,
      query: url.searchParams,
      headers,
      body,
      roles,
    };
    const answer =
      rawPath === "/$batch" && record.method === "POST"
        ? await batch(request, record)
        : await outlook(request);
    if (fault === "drop-after") {
      // Done, and the answer never arrives.
      req.socket.destroy();
      return;
    }
    finish(res, record, answer);
  }

  const server: Server = createServer(
    { key: certificate.key, cert: certificate.cert },
    (req, res) => {
      handle(req, res).catch((error: unknown) => {
        write(
          res,
          graphError(500, "InternalServerError", error instanceof Error ? error.message : "error"),
        );
      });
    },
  );
  server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    baseUrl: origin,
    authorityHost: origin,
    tenantId,
    clientId,
    ca: certificate.cert,
    state,
    faults,
    calls,
    tokenCalls,
    peakConcurrency,
    permissions: grants,
    settleRooms() {
      state.settleRooms();
    },
    get concurrencyRefusals() {
      return refusals;
    },
    forget(setting, mode = "patch") {
      forgotten.set(setting, mode);
    },
    delayJoinUrl(n) {
      joinUrlLag.remaining = n;
    },
    validateNotificationUrlWith(v) {
      setValidator(v);
    },
    reset() {
      for (const timer of roomTimers) clearTimeout(timer);
      roomTimers.clear();
      state.reset();
      grants.reset();
      faults.clear();
      calls.length = 0;
      tokenCalls.length = 0;
      peakConcurrency.clear();
      forgotten.clear();
      joinUrlLag.remaining = 0;
      setValidator(options.validateNotificationUrl);
      refusals = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of roomTimers) clearTimeout(timer);
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function finish(res: ServerResponse, record: RecordedCall, answer: FakeAnswer): void {
  record.status = answer.status;
  write(res, answer);
}

function write(res: ServerResponse, answer: FakeAnswer): void {
  if (res.headersSent || res.destroyed) return;
  const body = answer.body === undefined ? "" : JSON.stringify(answer.body);
  res.writeHead(answer.status, {
    ...(answer.headers ?? {}),
    ...(body.length > 0 ? { "content-length": Buffer.byteLength(body) } : {}),
  });
  res.end(body);
}

/** Graph refuses a REST request (a $batch included) over 4 MB. */
export const MAX_REQUEST_BYTES = 4 * 1024 * 1024;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function lowerCaseKeys(
  headers: Record<string, string | string[] | undefined>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(headers)) {
    if (value !== undefined)
      out[key.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
  }
  return out;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
