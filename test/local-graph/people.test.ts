import { startLocalGraph, type LocalGraph } from "./index";
import { testClient, type Json, type TestClient } from "./test-client";

/** Users (department, manager), security groups with transitive members, paging. */
const TOKEN = "people-test-token";
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
beforeEach(() => graph.reset());

function seedStaff(count: number): string[] {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const n = String(i).padStart(3, "0");
    ids.push(
      graph.state.directory.addUser({
        id: `user-${n}`,
        displayName: `Worker ${n}`,
        userPrincipalName: `worker${n}@council.example`,
        mail: `worker${n}@council.example`,
        department: i % 2 === 0 ? "Children's Social Care" : "Early Help",
      }).id,
    );
  }
  return ids;
}

/** Follows @odata.nextLink to the end; returns each page's values. */
async function allPages(path: string): Promise<Json[][]> {
  const pages: Json[][] = [];
  let answer = await client.call("GET", path);
  for (;;) {
    expect(answer.status).toBe(200);
    pages.push(answer.body.value);
    const next = answer.body["@odata.nextLink"] as string | undefined;
    if (next === undefined) return pages;
    answer = await client.get(next);
  }
}

describe("users", () => {
  beforeEach(() => {
    const manager = graph.state.directory.addUser({
      id: "m1",
      displayName: "Team Manager",
      userPrincipalName: "manager@council.example",
      mail: "manager@council.example",
      department: "Children's Social Care",
    });
    graph.state.directory.addUser({
      id: "w1",
      displayName: "Social Worker",
      userPrincipalName: "worker@council.example",
      mail: "worker@council.example",
      department: "Children's Social Care",
      jobTitle: "Social Worker",
      managerId: manager.id,
    });
  });

  it("leaves department out unless $select asks for it, as Graph's default set does", async () => {
    const plain = await client.call("GET", "/users/w1");
    expect(plain.status).toBe(200);
    expect(plain.body).toMatchObject({ id: "w1", displayName: "Social Worker" });
    expect(plain.body).not.toHaveProperty("department");
    const selected = await client.call("GET", "/users/w1?$select=id,department");
    expect(selected.body).toMatchObject({ id: "w1", department: "Children's Social Care" });
    expect(selected.body).not.toHaveProperty("displayName");
  });

  it("finds a user by userPrincipalName, case-insensitively", async () => {
    const answer = await client.call(
      "GET",
      `/users/${encodeURIComponent("Worker@Council.example")}`,
    );
    expect(answer.body.id).toBe("w1");
  });

  it("refuses a property the user type does not have", async () => {
    const answer = await client.call("GET", "/users/w1?$select=favouriteColour");
    expect(answer.status).toBe(400);
  });

  it("answers /users/{id}/manager, and 404 for someone without one", async () => {
    const manager = await client.call("GET", "/users/w1/manager");
    expect(manager.status).toBe(200);
    expect(manager.body).toMatchObject({ "@odata.type": "#microsoft.graph.user", id: "m1" });
    const none = await client.call("GET", "/users/m1/manager");
    expect(none.status).toBe(404);
    expect(none.body.error.code).toBe("Request_ResourceNotFound");
    expect((await client.call("GET", "/users/nobody/manager")).status).toBe(404);
  });
});

describe("security groups: transitive members", () => {
  it("lists 250 members across three pages by @odata.nextLink", async () => {
    const ids = seedStaff(250);
    graph.state.directory.addGroup({ id: "g-all", displayName: "All staff", members: ids });
    const pages = await allPages("/groups/g-all/transitiveMembers");
    expect(pages.map((p) => p.length)).toEqual([100, 100, 50]);
    const seen = pages.flat().map((m: Json) => m.id as string);
    expect(new Set(seen).size).toBe(250);
    expect(seen.sort()).toEqual([...ids].sort());
  });

  it("keeps $top and $select on every page, at most 999 a page", async () => {
    const ids = seedStaff(25);
    graph.state.directory.addGroup({ id: "g", displayName: "Team", members: ids });
    const pages = await allPages("/groups/g/transitiveMembers?$top=10&$select=id,department");
    expect(pages.map((p) => p.length)).toEqual([10, 10, 5]);
    expect(pages[2]?.[0]).toHaveProperty("department");
    expect((await client.call("GET", "/groups/g/transitiveMembers?$top=1000")).status).toBe(400);
  });

  it("flattens nested groups: the nested group and its members, each once", async () => {
    const [a, b, c] = seedStaff(3) as [string, string, string];
    graph.state.directory.addGroup({ id: "inner", displayName: "Chairs", members: [b, c] });
    graph.state.directory.addGroup({
      id: "outer",
      displayName: "Conference staff",
      members: [a, "inner", b],
    });
    const answer = await client.call("GET", "/groups/outer/transitiveMembers");
    const ids = (answer.body.value as Json[]).map((m) => m.id as string);
    expect(ids.sort()).toEqual([a, b, c, "inner"].sort());
    const usersOnly = await client.call(
      "GET",
      "/groups/outer/transitiveMembers/microsoft.graph.user",
    );
    expect((usersOnly.body.value as Json[]).map((m) => m.id as string).sort()).toEqual(
      [a, b, c].sort(),
    );
  });

  it("refuses a page token it did not make", async () => {
    graph.state.directory.addGroup({ id: "g", displayName: "Team", members: seedStaff(2) });
    expect((await client.call("GET", "/groups/g/transitiveMembers?$skiptoken=abc")).status).toBe(
      400,
    );
  });

  it("shows members with id only when the app may read groups but not users", async () => {
    const ids = seedStaff(2);
    graph.state.directory.addGroup({ id: "g", displayName: "Team", members: ids });
    graph.permissions.revoke("User.Read.All");
    const answer = await client.call("GET", "/groups/g/transitiveMembers");
    expect(answer.status).toBe(200);
    expect(answer.body.value[0]).toMatchObject({
      "@odata.type": "#microsoft.graph.user",
      id: ids[0],
      displayName: null,
      mail: null,
    });
    graph.permissions.revoke("GroupMember.Read.All");
    const refused = await client.call("GET", "/groups/g/transitiveMembers");
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe("Authorization_RequestDenied");
  });
});
