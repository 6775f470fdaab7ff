import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  ClientCertificateCredential,
  ClientSecretCredential,
  ManagedIdentityCredential,
} from "@azure/identity";
import { silentLogger } from "../app/logger";
import { CalendarError } from "../ports/calendar";
import { ORGANIZER, draftFor, sampleCase } from "../test/local-graph/booking-fixture";
import { TEST_NOW, graphConfigFor } from "../test/local-graph/harness";
import { makeCertificate, startLocalGraph, type LocalGraph } from "../test/local-graph";
import { GRAPH_SCOPE, createCredential, type GraphCalendarConfig } from "./auth";
import { createCalendar } from "./create-calendar";

/**
 * The configured credentials, unchanged, against the local Graph's token
 * endpoint: ClientSecretCredential and ClientCertificateCredential (MSAL
 * signs a client assertion the local Graph verifies with the certificate).
 */
const SECRET = "local-client-secret";
let graph: LocalGraph;
let dir: string;
let certificatePath: string;

beforeAll(async () => {
  const clientCert = await makeCertificate("convene-app", "rsa");
  dir = mkdtempSync(path.join(tmpdir(), "convene-auth-"));
  certificatePath = path.join(dir, "app.pem");
  writeFileSync(certificatePath, `${clientCert.key}\n${clientCert.cert}\n`);
  graph = await startLocalGraph({ clientSecret: SECRET, clientCertificate: clientCert.cert });
});
afterAll(async () => {
  await graph.close();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => graph.reset());

function calendarWith(credential: GraphCalendarConfig["credential"]) {
  return createCalendar(graphConfigFor(graph, credential), {
    logger: silentLogger,
    authorityHost: graph.authorityHost,
    ca: graph.ca,
    clock: () => TEST_NOW,
    sleep: async () => undefined,
  });
}

it("the scope is Graph's .default (exactly what the admin granted)", () => {
  expect(GRAPH_SCOPE).toBe("https://graph.microsoft.com/.default");
});

it("builds the credential the configuration names", () => {
  const base = graphConfigFor(graph) as GraphCalendarConfig;
  expect(
    createCredential({ ...base, credential: { kind: "secret", clientSecret: "s" } }),
  ).toBeInstanceOf(ClientSecretCredential);
  expect(
    createCredential({ ...base, credential: { kind: "certificate", certificatePath } }),
  ).toBeInstanceOf(ClientCertificateCredential);
  expect(createCredential({ ...base, credential: { kind: "managed-identity" } })).toBeInstanceOf(
    ManagedIdentityCredential,
  );
});

it("a client secret gets a token from the token endpoint, once, and books", async () => {
  const calendar = calendarWith({ kind: "secret", clientSecret: SECRET });
  await calendar.createConference(draftFor(sampleCase(1), 1));
  await calendar.freeBusy(
    ORGANIZER,
    [ORGANIZER],
    new Date("2027-01-04T00:00:00Z"),
    new Date("2027-01-05T00:00:00Z"),
  );
  calendar.close();
  expect(graph.tokenCalls.map((t) => `${t.path} ${t.status}`)).toEqual([
    `/${graph.tenantId}/v2.0/.well-known/openid-configuration 200`,
    `/${graph.tenantId}/oauth2/v2.0/token 200`,
  ]);
  expect(graph.calls.every((c) => c.status !== undefined && c.status < 300)).toBe(true);
  expect(graph.calls).toHaveLength(5);
});

it("a certificate gets a token with a signed client assertion", async () => {
  const calendar = calendarWith({ kind: "certificate", certificatePath });
  await calendar.createConference(draftFor(sampleCase(2), 2));
  calendar.close();
  expect(
    graph.tokenCalls.some((t) => t.path.endsWith("/oauth2/v2.0/token") && t.status === 200),
  ).toBe(true);
  expect(graph.state.events.size).toBe(1);
});

it("a wrong secret is `rejected` with Calendar.AuthenticationFailed, and nothing reaches Graph", async () => {
  const calendar = calendarWith({ kind: "secret", clientSecret: "not-the-secret" });
  const error = await calendar
    .createConference(draftFor(sampleCase(3), 3))
    .catch((e: unknown) => e);
  calendar.close();
  expect(error).toBeInstanceOf(CalendarError);
  expect((error as CalendarError).code).toBe("Calendar.AuthenticationFailed");
  expect((error as CalendarError).outcome).toBe("rejected");
  expect(graph.calls).toHaveLength(0);
});

it("emails without a token are reported `rejected`, not sent and not retried for rounds", async () => {
  const calendar = calendarWith({ kind: "secret", clientSecret: "not-the-secret" });
  const results = await calendar.sendEmails(ORGANIZER, [
    { id: "e1", to: { email: "p@family.example", name: "P" }, subject: "S", bodyText: "B" },
  ]);
  calendar.close();
  expect(results).toEqual([{ id: "e1", outcome: "rejected" }]);
  expect(graph.calls).toHaveLength(0);
  expect(graph.tokenCalls.filter((t) => t.path.endsWith("/token"))).toHaveLength(1);
});
