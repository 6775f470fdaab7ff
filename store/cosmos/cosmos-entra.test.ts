import { silentLogger } from "../../app/logger";
import type { Server } from "node:http";
import { CosmosClient, type CosmosClientOptions } from "@azure/cosmos";
import type { AccessToken, TokenCredential } from "@azure/identity";
import { startCosmosServer, stopCosmosServer } from "../../test/cosmos-server";
import { aCase } from "../../test/fixtures/documents";
import { loadConfig } from "../../app/config";
import { CONTAINERS } from "../layout";
import { openStore } from "../open-store";
import { CONTAINER_DEFINITIONS } from "./containers";

/**
 * Production settings (an Azure endpoint, AZURE_CLIENT_ID, no key) open the
 * store through Entra ID. No real account: a recording HTTP client stands in
 * for the network, writes down every request the SDK sends, and answers it
 * from the in-process Cosmos server as the account would. The account read
 * answers with a UK South regional endpoint in writableLocations, as a real
 * account does, so a request to that host shows that discovery is on.
 * Entra ID requests carry "type=aad&ver=1.0&sig=<token>":
 * https://learn.microsoft.com/azure/cosmos-db/nosql/security/how-to-grant-data-plane-role-based-access
 */
type HttpClient = NonNullable<CosmosClientOptions["httpClient"]>;
type PipelineRequest = Parameters<HttpClient["sendRequest"]>[0];
type PipelineResponse = Awaited<ReturnType<HttpClient["sendRequest"]>>;
type HttpHeaders = PipelineResponse["headers"];

const GLOBAL = "convene-test.documents.azure.com";
const REGIONAL = "convene-test-uksouth.documents.azure.com";
const IDENTITY = "0f9e8d7c-6b5a-4f3e-8d2c-1b0a9f8e7d6c";
const TOKEN = "fake-entra-token";

interface Recorded {
  method: string;
  host: string;
  path: string;
  authorization: string | undefined;
}

function headersOf(entries: Iterable<[string, string]>): HttpHeaders {
  const map = new Map<string, string>();
  for (const [k, v] of entries) map.set(k.toLowerCase(), v);
  const headers: HttpHeaders = {
    get: (name) => map.get(name.toLowerCase()),
    has: (name) => map.has(name.toLowerCase()),
    set: (name, value) => void map.set(name.toLowerCase(), String(value)),
    delete: (name) => void map.delete(name.toLowerCase()),
    toJSON: () => Object.fromEntries(map),
    [Symbol.iterator]: () => map.entries(),
  };
  return headers;
}

function recorder(localEndpoint: string): { client: HttpClient; log: Recorded[] } {
  const log: Recorded[] = [];
  const client: HttpClient = {
    async sendRequest(request: PipelineRequest): Promise<PipelineResponse> {
      const url = new URL(request.url);
      if (url.hostname !== GLOBAL && url.hostname !== REGIONAL) {
        throw new Error(`request left the account: ${url.hostname}`);
      }
      const reqHeaders = request.headers.toJSON();
      log.push({
        method: request.method,
        host: url.hostname,
        path: url.pathname,
        authorization: reqHeaders.authorization,
      });
      const answer = await fetch(`${localEndpoint}${url.pathname}${url.search}`, {
        method: request.method,
        headers: reqHeaders,
        ...(typeof request.body === "string" ? { body: request.body } : {}),
      });
      let body = await answer.text();
      if (request.method === "GET" && url.pathname === "/") {
        const account = JSON.parse(body) as Record<string, unknown>;
        const location = [
          { name: "UK South", databaseAccountEndpoint: `https://${REGIONAL}:443/` },
        ];
        body = JSON.stringify({
          ...account,
          writableLocations: location,
          readableLocations: location,
        });
      }
      return {
        request,
        status: answer.status,
        headers: headersOf(answer.headers),
        bodyAsText: body,
      };
    },
  };
  return { client, log };
}

function fakeCredential(): { credential: TokenCredential; scopes: string[] } {
  const scopes: string[] = [];
  const credential: TokenCredential = {
    async getToken(scope: string | string[]): Promise<AccessToken> {
      scopes.push(...(Array.isArray(scope) ? scope : [scope]));
      return { token: TOKEN, expiresOnTimestamp: Date.parse("2100-01-01T00:00:00Z") };
    },
  };
  return { credential, scopes };
}

let server: Server;
let endpoint: string;
const key = "dGVzdC1rZXk=";

beforeAll(async () => {
  ({ server, endpoint } = await startCosmosServer());
  // What the Bicep template provisions: the database and every container.
  const admin = new CosmosClient({
    endpoint,
    key,
    connectionPolicy: { enableEndpointDiscovery: false },
  });
  const { database } = await admin.databases.createIfNotExists({ id: "convene" });
  for (const name of CONTAINERS)
    await database.containers.createIfNotExists(CONTAINER_DEFINITIONS[name]);
  await admin.databases.createIfNotExists({ id: "empty" });
  admin.dispose();
});
afterAll(async () => {
  await stopCosmosServer(server);
});

const production = (database: string) =>
  loadConfig({
    GRAPH_TENANT_ID: "7d1f0c5e-2b8a-4c1e-9f3a-0a1b2c3d4e5f",
    GRAPH_CLIENT_ID: "0f9e8d7c-6b5a-4f3e-8d2c-1b0a9f8e7d6c",
    GRAPH_CLIENT_SECRET: "s3cret",
    GRAPH_ORGANIZER: "conferences@council.example",
    COSMOS_ENDPOINT: `https://${GLOBAL}:443/`,
    COSMOS_DATABASE: database,
    AZURE_CLIENT_ID: IDENTITY,
  }).store;

const START = { clock: () => new Date("2027-01-04T09:00:00.000Z"), logger: silentLogger };

describe("Cosmos through Entra ID (an Azure endpoint)", () => {
  it("signs every request with the token, discovers the region, creates nothing, and works", async () => {
    const { client, log } = recorder(endpoint);
    const { credential, scopes } = fakeCredential();
    const store = await openStore(production("convene"), START, { credential, httpClient: client });
    await store.create(aCase("case-entra"));
    expect((await store.get("case", "case-entra", "case-entra"))?.id).toBe("case-entra");
    await store.close();

    expect(log.length).toBeGreaterThan(0);
    // The account's own scope, as the SDK asks for it.
    expect([...new Set(scopes)]).toEqual([`https://${GLOBAL}/.default`]);
    for (const r of log) expect(r.authorization).toBe(`type=aad&ver=1.0&sig=${TOKEN}`);
    // Discovery: the account is read on the global host, then the region is used.
    expect(log[0]).toMatchObject({ method: "GET", host: GLOBAL, path: "/" });
    expect(log.some((r) => r.host === REGIONAL)).toBe(true);
    // No database or container is created: only the document write is a POST.
    const creations = log.filter((r) => r.method === "POST" && !r.path.endsWith("/docs"));
    expect(creations).toEqual([]);
    expect(
      log.filter((r) => r.method === "GET" && /\/colls\/[^/]+$/.test(r.path)).map((r) => r.path),
    ).toEqual(CONTAINERS.map((name) => `/dbs/convene/colls/${name}`));
  });

  it("refuses to start on a database without the containers, and creates none", async () => {
    const { client, log } = recorder(endpoint);
    const { credential } = fakeCredential();
    await expect(
      openStore(production("empty"), START, { credential, httpClient: client }),
    ).rejects.toThrow(/container empty\/cases is missing/);
    expect(log.filter((r) => r.method === "POST" || r.method === "PUT")).toEqual([]);
  });
});
