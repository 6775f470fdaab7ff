import https from "node:https";
import { HttpsProxyAgent } from "https-proxy-agent";
import { bypassesProxy, type ProxySettings } from "./proxy";

/**
 * The one function graph/ uses to put bytes on the wire: a `fetch` over
 * node:https with a keep-alive agent of our own.
 *
 * Why not the global fetch: Node's built-in fetch (undici) trusts only the
 * CAs it read at process start (NODE_EXTRA_CA_CERTS is read once, before any
 * code runs), and its Agent class is not importable without the `undici`
 * package. The local Graph of the tests makes its certificate at test start,
 * inside an already running process (jest often runs a suite in band, so a
 * globalSetup that sets NODE_EXTRA_CA_CERTS would not reach it). With our
 * own agent, `ca` is an option like any other, and production runs exactly
 * the code the tests run, with the system CAs.
 *
 * Behind an egress proxy (HTTPS_PROXY), a second agent opens each
 * connection with an HTTP CONNECT tunnel through the proxy; TLS to Graph
 * still ends here, so the certificate checked is Graph's own. Hosts in
 * NO_PROXY keep the direct agent.
 */
export interface HttpsFetchOptions {
  /** Extra trusted CA (PEM). Absent: Node's default CAs. */
  ca?: string;
  /** Abort a request with no complete answer after this long. */
  timeoutMs?: number;
  /** Sockets kept per host; the limiter keeps in-flight requests below it anyway. */
  maxSockets?: number;
  /** An egress proxy (HTTPS_PROXY / NO_PROXY); absent: connect directly. */
  proxy?: ProxySettings;
}

export interface FetchInit {
  method?: string;
  headers?: Record<string, string> | Headers | [string, string][];
  body?: string | Uint8Array | null;
}

export type FetchLike = (url: string, init?: FetchInit) => Promise<Response>;

export interface HttpsFetch {
  fetch: FetchLike;
  /** Closes kept-alive sockets (tests and the bench end cleanly). */
  close(): void;
}

/** No answer came back: refused, reset, dropped mid-response or timed out. */
export class NetworkError extends Error {
  override readonly name = "NetworkError";
  constructor(
    message: string,
    readonly causeCode: string | undefined,
  ) {
    super(message);
  }
}

const NO_BODY_STATUSES = new Set([101, 204, 205, 304]);

export function createHttpsFetch(options: HttpsFetchOptions = {}): HttpsFetch {
  const agentOptions = {
    keepAlive: true,
    maxSockets: options.maxSockets ?? 16,
    ...(options.ca !== undefined ? { ca: options.ca } : {}),
  };
  const agent = new https.Agent(agentOptions);
  const proxy = options.proxy;
  const proxyAgent = proxy !== undefined ? new HttpsProxyAgent(proxy.url, agentOptions) : undefined;
  const agentFor = (url: string): https.Agent =>
    proxy !== undefined && proxyAgent !== undefined && !bypassesProxy(new URL(url), proxy.noProxy)
      ? (proxyAgent as unknown as https.Agent)
      : agent;
  const timeoutMs = options.timeoutMs ?? 60_000;

  const fetchImpl: FetchLike = (url, init = {}) =>
    new Promise<Response>((resolve, reject) => {
      const headers = toHeaderRecord(init.headers);
      const body = init.body ?? undefined;
      if (body !== undefined && headers["content-length"] === undefined) {
        headers["content-length"] = String(Buffer.byteLength(body));
      }
      const request = https.request(url, {
        method: init.method ?? "GET",
        headers,
        agent: agentFor(url),
        // The proxy agent opens its TLS from the request's options, not its own.
        ...(options.ca !== undefined ? { ca: options.ca } : {}),
      });
      request.setTimeout(timeoutMs, () => {
        request.destroy(new NetworkError(`no answer within ${timeoutMs} ms`, "ETIMEDOUT"));
      });
      request.on("error", (error: NodeJS.ErrnoException) => {
        reject(error instanceof NetworkError ? error : new NetworkError(error.message, error.code));
      });
      request.on("response", (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("error", (error: NodeJS.ErrnoException) =>
          reject(new NetworkError(error.message, error.code)),
        );
        response.on("aborted", () =>
          reject(new NetworkError("connection closed mid-response", "ECONNRESET")),
        );
        response.on("end", () => {
          if (!response.complete) {
            reject(new NetworkError("connection closed mid-response", "ECONNRESET"));
            return;
          }
          const status = response.statusCode ?? 0;
          const responseHeaders = new Headers();
          for (const [name, value] of Object.entries(response.headers)) {
            if (value === undefined) continue;
            for (const v of Array.isArray(value) ? value : [value]) responseHeaders.append(name, v);
          }
          resolve(
            new Response(NO_BODY_STATUSES.has(status) ? null : Buffer.concat(chunks), {
              status,
              headers: responseHeaders,
            }),
          );
        });
      });
      if (body !== undefined) request.write(body);
      request.end();
    });

  return {
    fetch: fetchImpl,
    close: () => {
      agent.destroy();
      proxyAgent?.destroy();
    },
  };
}

function toHeaderRecord(headers: FetchInit["headers"]): Record<string, string> {
  const out: Record<string, string> = {};
  if (headers === undefined) return out;
  const entries =
    headers instanceof Headers
      ? [...headers.entries()]
      : Array.isArray(headers)
        ? headers
        : Object.entries(headers);
  for (const [name, value] of entries) out[name.toLowerCase()] = value;
  return out;
}
