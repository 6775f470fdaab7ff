import { startLocalGraph, type LocalGraph } from "./index";
import { testClient, type Json, type TestClient } from "./test-client";

/** Teams apps in a user's personal scope, and the installation's chat. */
const TOKEN = "teams-apps-test-token";
let graph: LocalGraph;
let client: TestClient;

beforeAll(async () => {
  graph = await startLocalGraph({ acceptTokens: [TOKEN] });
  client = testClient(graph, TOKEN);
});
afterAll(async () => {
  client.close();
  await graph.close();
});

const CONVENE_APP = "11111111-2222-4333-8444-555555555555";
const OTHER_APP = "99999999-8888-4777-8666-555555555555";
const bind = (id: string) => ({
  "teamsApp@odata.bind": `https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/${id}`,
});

beforeEach(() => {
  graph.reset();
  graph.state.directory.addUser({
    id: "chair-1",
    displayName: "A Chair",
    userPrincipalName: "chair@council.example",
    mail: "chair@council.example",
  });
  graph.state.teamsApps.addToCatalog({
    id: CONVENE_APP,
    externalId: "convene-manifest-id",
    displayName: "Convene",
    botId: graph.clientId,
  });
  graph.state.teamsApps.addToCatalog({
    id: OTHER_APP,
    externalId: "other-manifest-id",
    displayName: "Another app",
    botId: "00000000-0000-4000-8000-000000000000",
  });
});

const APPS = "/users/chair-1/teamwork/installedApps";

describe("Teams app installations for a user", () => {
  it("installs (201, no body), then lists the installation and its chat", async () => {
    const installed = await client.call("POST", APPS, bind(CONVENE_APP));
    expect(installed.status).toBe(201);
    expect(installed.body).toBeUndefined();
    const listed = await client.call(
      "GET",
      `${APPS}?$expand=teamsApp&$filter=${encodeURIComponent(`teamsApp/id eq '${CONVENE_APP}'`)}`,
    );
    expect(listed.status).toBe(200);
    expect(listed.body.value).toHaveLength(1);
    expect(listed.body.value[0].teamsApp).toMatchObject({
      id: CONVENE_APP,
      displayName: "Convene",
    });
    const chat = await client.call("GET", `${APPS}/${listed.body.value[0].id as string}/chat`);
    expect(chat.status).toBe(200);
    expect(chat.body.id).toBe(`19:chair-1_${graph.clientId}@unq.gbl.spaces`);
    expect(chat.body.chatType).toBe("oneOnOne");
  });

  it("answers 409 Conflict for an install that is already there, and keeps one", async () => {
    graph.state.teamsApps.install("chair-1", CONVENE_APP);
    const again = await client.call("POST", APPS, bind(CONVENE_APP));
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("Conflict");
    expect([...graph.state.teamsApps.installations.values()]).toHaveLength(1);
  });

  it("answers 403 when an app permission policy blocks the app for the user", async () => {
    graph.state.teamsApps.block(CONVENE_APP, ["chair-1"]);
    const blocked = await client.call("POST", APPS, bind(CONVENE_APP));
    expect(blocked.status).toBe(403);
    expect(blocked.body.error.message).toContain("app permission policy");
    expect(graph.state.teamsApps.installations.size).toBe(0);
  });

  it("lets the Self permission install the app itself only", async () => {
    const other = await client.call("POST", APPS, bind(OTHER_APP));
    expect(other.status).toBe(403);
    graph.permissions.grant("TeamsAppInstallation.ReadWriteForUser.All");
    expect((await client.call("POST", APPS, bind(OTHER_APP))).status).toBe(201);
  });

  it("shows the Self permission only the app's own installation", async () => {
    graph.state.teamsApps.install("chair-1", CONVENE_APP);
    graph.state.teamsApps.install("chair-1", OTHER_APP);
    const listed = await client.call("GET", `${APPS}?$expand=teamsApp`);
    expect((listed.body.value as Json[]).map((i) => i.teamsApp.id as string)).toEqual([
      CONVENE_APP,
    ]);
  });

  it("refuses without any TeamsAppInstallation permission, naming the roles wanted", async () => {
    graph.permissions.revoke("TeamsAppInstallation.ReadWriteSelfForUser.All");
    const refused = await client.call("POST", APPS, bind(CONVENE_APP));
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain("TeamsAppInstallation.ReadWriteSelfForUser.All");
  });

  it("answers 404 for an unknown user, an app not in the catalog, an unknown installation", async () => {
    expect(
      (await client.call("POST", "/users/nobody/teamwork/installedApps", bind(CONVENE_APP))).status,
    ).toBe(404);
    expect((await client.call("POST", APPS, bind("not-in-catalog"))).status).toBe(404);
    expect((await client.call("GET", `${APPS}/nope/chat`)).status).toBe(404);
  });

  it("refuses a body without teamsApp@odata.bind", async () => {
    expect((await client.call("POST", APPS, { teamsAppId: CONVENE_APP })).status).toBe(400);
  });
});
