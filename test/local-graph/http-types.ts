import type { z } from "zod";
import type { GraphState } from "./state";

/** One request as a route sees it (a top-level request or a $batch part). */
export interface FakeRequest {
  method: string;
  /** Path after /v1.0, as sent (still percent-encoded). */
  rawPath: string;
  query: URLSearchParams;
  /** Lower-cased names. */
  headers: Record<string, string>;
  body: unknown;
  /** The bearer token's `roles` claim (a $batch part inherits its batch's). */
  roles: ReadonlySet<string>;
}

export interface FakeAnswer {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/** The onlineMeeting fields the local Graph can be told to "forget". */
export type ForgettableSetting =
  | "lobbyBypassSettings"
  | "allowedLobbyAdmitters"
  | "allowMeetingChat"
  | "allowRecording"
  | "allowTranscription"
  | "allowedPresenters"
  | "isEntryExitAnnounced"
  | "recordAutomatically";

/**
 * "patch": the PATCH ignores the field (its answer shows the old value), as
 * a tenant policy that overrides meeting options would.
 * "read-back": the PATCH answer shows the new value but it is not kept, so
 * only a later GET sees the old one.
 */
export type ForgetMode = "patch" | "read-back";

export interface RouteContext {
  state: GraphState;
  forget: Map<ForgettableSetting, ForgetMode>;
  /** How many answers carrying an event still lack its join link (Graph provisions it asynchronously). */
  joinUrlLag: { remaining: number };
  /** The app's client id: a subscription's applicationId. */
  applicationId: string;
  /**
   * Graph's check of a new subscription's notificationUrl: it posts a
   * validationToken and wants it back within 10 seconds. Unset: every URL
   * passes (nothing is sent).
   */
  validator: { current?: NotificationUrlValidator };
  /** https://127.0.0.1:port, for @odata.nextLink. */
  origin: () => string;
}

/** Plays the subscriber's endpoint: what it answers to `?validationToken=…` (undefined: no answer). */
export type NotificationUrlValidator = (
  notificationUrl: string,
  validationToken: string,
) => Promise<string | undefined>;

export type Route = (
  request: FakeRequest,
  params: string[],
  context: RouteContext,
) => FakeAnswer | Promise<FakeAnswer>;

export function graphError(status: number, code: string, message: string): FakeAnswer {
  return {
    status,
    headers: { "content-type": "application/json" },
    body: { error: { code, message, innerError: { "request-id": "local" } } },
  };
}

export function json(status: number, body: unknown): FakeAnswer {
  return { status, headers: { "content-type": "application/json" }, body };
}

/** zod-checks a request body the way Graph does: 400 naming the fields (not the values). */
export function parseBody<T>(
  schema: z.ZodType<T>,
  body: unknown,
): { ok: true; value: T } | { ok: false; answer: FakeAnswer } {
  const parsed = schema.safeParse(body);
  if (parsed.success) return { ok: true, value: parsed.data };
  const problems = parsed.error.issues
    .map((i) => `${i.path.join(".") || "(body)"}: ${i.code}`)
    .join("; ");
  return { ok: false, answer: graphError(400, "RequestBodyRead", `invalid request: ${problems}`) };
}

/** "Prefer: include-unknown-enum-members", possibly among other preferences. */
export function prefersUnknownEnums(request: FakeRequest): boolean {
  return /(^|,)\s*include-unknown-enum-members\s*(,|$)/i.test(request.headers["prefer"] ?? "");
}
