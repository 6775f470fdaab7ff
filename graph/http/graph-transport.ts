import {
  AuthenticationHandler,
  Client,
  ResponseType,
  TelemetryHandler,
  type AuthenticationProvider,
  type Context,
  type Middleware,
} from "@microsoft/microsoft-graph-client";
import { NetworkError, type FetchLike } from "./https-fetch";

/** One Graph request, relative to `{baseUrl}/v1.0`. */
export interface GraphRequest {
  method: "GET" | "POST" | "PATCH";
  /** e.g. `/users/{organizer}/events`, query string already encoded. */
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Graph's answer, whatever its status; the caller classifies it. */
export interface GraphAnswer {
  status: number;
  headers: Headers;
  /** Parsed JSON, or undefined for an empty body (202, 204). */
  body: unknown;
}

/**
 * No token: the credential failed (wrong secret, expired certificate, managed
 * identity unavailable, Entra ID unreachable). Nothing reached Graph.
 */
export class CredentialFailure extends Error {
  override readonly name = "CredentialFailure";
  constructor(
    /** Entra ID's HTTP status, when it answered. */
    readonly status: number | undefined,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Rejects with NetworkError when no answer came back at all, and with
 * CredentialFailure when no token could be had.
 */
export interface GraphTransport {
  send(request: GraphRequest): Promise<GraphAnswer>;
}

/**
 * The last link of the SDK's middleware chain: hands the request to our own
 * fetch (see https-fetch.ts for why not the global one).
 */
class FetchHandler implements Middleware {
  constructor(private readonly fetchImpl: FetchLike) {}

  async execute(context: Context): Promise<void> {
    const url = typeof context.request === "string" ? context.request : context.request.url;
    const options = context.options ?? {};
    const body = options.body;
    context.response = await this.fetchImpl(url, {
      method: options.method ?? "GET",
      headers: options.headers as Record<string, string> | Headers | undefined,
      body: typeof body === "string" || body instanceof Uint8Array ? body : null,
    });
  }
}

export interface GraphTransportOptions {
  /** https://graph.microsoft.com in production; the local Graph in tests. */
  baseUrl: string;
  authProvider: AuthenticationProvider;
  fetch: FetchLike;
}

/**
 * The Graph SDK client, built by hand: authentication (bearer token from the
 * credential), telemetry (client-request-id, which Microsoft support asks
 * for), then our fetch. The SDK's own RetryHandler is left out on purpose:
 * it sleeps on the real clock, retries a `$batch` POST blindly, and cannot
 * tell the limiter it is waiting; graph/graph-caller.ts does all of that
 * with an injected sleep. `customHosts` lets the token go to a non-Microsoft
 * host (the local Graph); the SDK compares host names without port.
 */
export function createGraphTransport(options: GraphTransportOptions): GraphTransport {
  const base = new URL(options.baseUrl);
  const client = Client.initWithMiddleware({
    baseUrl: base.origin,
    defaultVersion: "v1.0",
    customHosts: new Set([base.hostname]),
    // The SDK links an array of middleware itself (setNext on each).
    middleware: [
      new AuthenticationHandler(options.authProvider),
      new TelemetryHandler(),
      new FetchHandler(options.fetch),
    ],
  });

  return {
    async send(request) {
      // The token first, on its own: the SDK would wrap a credential's error
      // into a GraphError without its status, indistinguishable from a lost
      // connection. The credential caches the token, so the SDK's own call
      // just below is a cache hit.
      try {
        await options.authProvider.getAccessToken();
      } catch (error) {
        throw toCredentialFailure(error);
      }
      let api = client.api(request.path).responseType(ResponseType.RAW);
      if (request.headers !== undefined) api = api.headers(request.headers);
      let response: Response;
      try {
        response =
          request.method === "GET"
            ? await api.get()
            : request.method === "POST"
              ? await api.post(request.body ?? {})
              : await api.patch(request.body ?? {});
      } catch (error) {
        throw toNetworkError(error);
      }
      const text = await response.text();
      let body: unknown = undefined;
      if (text.length > 0) {
        try {
          body = JSON.parse(text);
        } catch {
          body = undefined; // a non-JSON body (a proxy's HTML page): the status decides
        }
      }
      return { status: response.status, headers: response.headers, body };
    },
  };
}

/**
 * @azure/identity's errors: AuthenticationError carries Entra ID's status;
 * AuthenticationRequiredError means this credential cannot get a token as
 * configured (MSAL's invalid_client, a bad certificate). Both are refusals
 * (400). Anything else (CredentialUnavailableError, an unreachable
 * endpoint) may pass: no status, retried.
 */
function toCredentialFailure(error: unknown): CredentialFailure {
  const name = error instanceof Error ? error.name : "credential error";
  const status = (error as { statusCode?: unknown }).statusCode;
  if (typeof status === "number") return new CredentialFailure(status, name);
  return new CredentialFailure(name === "AuthenticationRequiredError" ? 400 : undefined, name);
}

function toNetworkError(error: unknown): Error {
  if (error instanceof NetworkError) return error;
  // The SDK wraps a failed fetch in a GraphError with statusCode -1 and the
  // original error's name as code.
  const wrapped = error as { statusCode?: number; code?: string; message?: string };
  if (wrapped.statusCode === undefined || wrapped.statusCode === -1) {
    return new NetworkError(wrapped.message ?? "no answer", wrapped.code);
  }
  return error instanceof Error ? error : new Error(String(error));
}
