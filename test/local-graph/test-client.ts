import { createHttpsFetch, type HttpsFetch } from "../../graph/http/https-fetch";
import type { LocalGraph } from "./server";

/** A JSON answer read freely: expect() checks its shape, not the type system. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export type Json = any;

export interface Answer {
  status: number;
  body: Json;
  headers: Headers;
}

/** Raw HTTPS calls to the local Graph with a bearer token, for the fake's own tests. */
export interface TestClient {
  call(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
    token?: string,
  ): Promise<Answer>;
  /** GET an absolute URL (an @odata.nextLink). */
  get(url: string, token?: string): Promise<Answer>;
  /** A token from the local Graph's token endpoint (client secret `secret`). */
  tokenFromEndpoint(secret: string): Promise<string>;
  close(): void;
}

export function testClient(graph: LocalGraph, defaultToken: string): TestClient {
  const https: HttpsFetch = createHttpsFetch({ ca: graph.ca, timeoutMs: 5_000 });
  const read = async (response: Response): Promise<Answer> => {
    const text = await response.text();
    return {
      status: response.status,
      body: text.length > 0 ? JSON.parse(text) : undefined,
      headers: response.headers,
    };
  };
  return {
    async call(method, path, body, headers = {}, token = defaultToken) {
      const response = await https.fetch(`${graph.baseUrl}/v1.0${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body !== undefined ? { "content-type": "application/json" } : {}),
          ...headers,
        },
        body: body === undefined ? null : JSON.stringify(body),
      });
      return read(response);
    },
    async get(url, token = defaultToken) {
      return read(await https.fetch(url, { headers: { authorization: `Bearer ${token}` } }));
    },
    async tokenFromEndpoint(secret) {
      const response = await https.fetch(
        `${graph.authorityHost}/${graph.tenantId}/oauth2/v2.0/token`,
        {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({
            grant_type: "client_credentials",
            client_id: graph.clientId,
            client_secret: secret,
            scope: "https://graph.microsoft.com/.default",
          }).toString(),
        },
      );
      const answer = (await response.json()) as { access_token?: string };
      if (answer.access_token === undefined) throw new Error("no token issued");
      return answer.access_token;
    },
    close: () => https.close(),
  };
}

export const ORG_MAILBOX = "conferences@council.example";
export const ORG = `/users/${encodeURIComponent(ORG_MAILBOX)}`;
export const PREFER = { prefer: "include-unknown-enum-members" };

/** An event with its Teams meeting, as Convene creates one. */
export function teamsEvent(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    subject: "ICPC – case C-1",
    start: { dateTime: "2027-01-07T10:00:00", timeZone: "Europe/London" },
    end: { dateTime: "2027-01-07T12:00:00", timeZone: "Europe/London" },
    isOnlineMeeting: true,
    onlineMeetingProvider: "teamsForBusiness",
    ...extra,
  };
}

export function person(address: string, type: "required" | "optional" | "resource" = "required") {
  return { emailAddress: { address }, type };
}
