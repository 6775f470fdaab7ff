import { CONVENE_APPLICATION_PERMISSIONS } from "../../graph/permissions";
import { CalendarError } from "../../ports/calendar";
import { draftFor, sampleCase } from "./booking-fixture";
import { graphCalendarFor } from "./harness";
import { startLocalGraph, type LocalGraph } from "./index";
import { ORG, PREFER, testClient, teamsEvent, type TestClient } from "./test-client";

/**
 * Application permissions: each route refuses with 403 (and Graph's error
 * body) unless the token's `roles` claim holds a permission its reference
 * page lists (graph/permissions.ts).
 */
const TOKEN = "permissions-test-token";
const SECRET = "permissions-s3cret";
let graph: LocalGraph;
let client: TestClient;

beforeAll(async () => {
  graph = await startLocalGraph({ acceptTokens: [TOKEN], clientSecret: SECRET });
  client = testClient(graph, TOKEN);
});
afterAll(async () => {
  client.close();
  await graph.close();
});
beforeEach(() => graph.reset());

const mail = {
  message: {
    subject: "Invitation",
    body: { contentType: "text", content: "You are invited." },
    toRecipients: [{ emailAddress: { address: "parent@family.example" } }],
  },
};

async function meetingId(): Promise<string> {
  const created = await client.call("POST", `${ORG}/events`, teamsEvent());
  const joinUrl = created.body.onlineMeeting.joinUrl as string;
  const found = await client.call(
    "GET",
    `${ORG}/onlineMeetings?$filter=${encodeURIComponent(`JoinWebUrl eq '${joinUrl}'`)}`,
  );
  return found.body.value[0].id as string;
}

describe("permissions", () => {
  it("grants Convene's least-privileged set by default", () => {
    expect(graph.permissions.list()).toEqual([...CONVENE_APPLICATION_PERMISSIONS].sort());
  });

  it("refuses a send without Mail.Send with 403 ErrorAccessDenied, and sends nothing", async () => {
    graph.permissions.revoke("Mail.Send");
    const refused = await client.call("POST", `${ORG}/sendMail`, mail);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe("ErrorAccessDenied");
    expect(refused.body.error.message).toBe("Access is denied. Check credentials and try again.");
    expect(graph.state.sentMail).toHaveLength(0);
  });

  it("a send refused for Mail.Send reaches Convene as rejected, never as sent", async () => {
    graph.permissions.revoke("Mail.Send");
    const calendar = graphCalendarFor(graph, TOKEN, { email: { settleMs: 0 } });
    try {
      const results = await calendar.sendEmails("conferences@council.example", [
        {
          id: "m1:invite:p1",
          to: { email: "parent@family.example", name: "Parent" },
          subject: "Invitation: child protection conference",
          bodyText: "You are invited.",
        },
      ]);
      expect(results).toEqual([{ id: "m1:invite:p1", outcome: "rejected", httpStatus: 403 }]);
      expect(graph.state.sentMail).toHaveLength(0);
    } finally {
      calendar.close();
    }
  });

  it("refuses online-meeting calls without OnlineMeetings.ReadWrite.All", async () => {
    const id = await meetingId();
    graph.permissions.revoke("OnlineMeetings.ReadWrite.All");
    const read = await client.call("GET", `${ORG}/onlineMeetings/${id}`);
    expect(read.status).toBe(403);
    expect(read.body.error.code).toBe("Forbidden");
    const patch = await client.call(
      "PATCH",
      `${ORG}/onlineMeetings/${id}`,
      { allowMeetingChat: "disabled" },
      PREFER,
    );
    expect(patch.status).toBe(403);
    expect(patch.body.error.message).toContain("OnlineMeetings.ReadWrite.All");
    expect(graph.state.meetings.get(id)?.settings.allowMeetingChat).toBe("enabled");
  });

  it("lets OnlineMeetings.Read.All read a meeting but not change it", async () => {
    const id = await meetingId();
    graph.permissions.revoke("OnlineMeetings.ReadWrite.All");
    graph.permissions.grant("OnlineMeetings.Read.All");
    expect((await client.call("GET", `${ORG}/onlineMeetings/${id}`)).status).toBe(200);
    expect(
      (await client.call("PATCH", `${ORG}/onlineMeetings/${id}`, { allowMeetingChat: "disabled" }))
        .status,
    ).toBe(403);
  });

  it("refuses before it looks: 403, not 404, for an event that does not exist", async () => {
    graph.permissions.set([]);
    const answer = await client.call("GET", `${ORG}/events/AAMkAGnothing`);
    expect(answer.status).toBe(403);
  });

  it("answers a directory refusal as Entra ID does", async () => {
    graph.state.directory.addUser({
      id: "u1",
      displayName: "A Chair",
      userPrincipalName: "chair@council.example",
      mail: "chair@council.example",
    });
    graph.permissions.revoke("User.Read.All");
    const answer = await client.call("GET", "/users/u1");
    expect(answer.status).toBe(403);
    expect(answer.body.error.code).toBe("Authorization_RequestDenied");
  });

  it("follows a grant and a revoke mid-run, call by call, for an injected token", async () => {
    graph.permissions.revoke("Mail.Send");
    expect((await client.call("POST", `${ORG}/sendMail`, mail)).status).toBe(403);
    graph.permissions.grant("Mail.Send");
    expect((await client.call("POST", `${ORG}/sendMail`, mail)).status).toBe(202);
    graph.permissions.revoke("Mail.Send");
    expect((await client.call("POST", `${ORG}/sendMail`, mail)).status).toBe(403);
    expect(graph.state.sentMail).toHaveLength(1);
  });

  it("issues tokens whose roles claim holds the grant at issue time", async () => {
    const token = await client.tokenFromEndpoint(SECRET);
    const claims = JSON.parse(
      Buffer.from(token.split(".")[1] as string, "base64url").toString("utf8"),
    ) as { roles: string[]; aud: string; idtyp: string };
    expect(claims.aud).toBe("https://graph.microsoft.com");
    expect(claims.idtyp).toBe("app");
    expect(claims.roles).toEqual([...CONVENE_APPLICATION_PERMISSIONS].sort());

    // A revoke shows in the next token, not in one already issued.
    graph.permissions.revoke("Mail.Send");
    expect((await client.call("POST", `${ORG}/sendMail`, mail, {}, token)).status).toBe(202);
    const next = await client.tokenFromEndpoint(SECRET);
    expect((await client.call("POST", `${ORG}/sendMail`, mail, {}, next)).status).toBe(403);

    graph.permissions.expireTokens();
    const expired = await client.call("POST", `${ORG}/sendMail`, mail, {}, token);
    expect(expired.status).toBe(401);
    expect(expired.body.error.code).toBe("InvalidAuthenticationToken");
  });

  it("checks each $batch part on its own", async () => {
    graph.permissions.revoke("Mail.Send");
    const answer = await client.call("POST", "/$batch", {
      requests: [
        {
          id: "1",
          method: "POST",
          url: `${ORG}/sendMail`,
          headers: { "content-type": "application/json" },
          body: mail,
        },
        {
          id: "2",
          method: "POST",
          url: `${ORG}/events`,
          headers: { "content-type": "application/json" },
          body: teamsEvent(),
        },
      ],
    });
    expect(answer.status).toBe(200);
    const byId = Object.fromEntries(
      (answer.body.responses as { id: string; status: number }[]).map((r) => [r.id, r.status]),
    );
    expect(byId).toEqual({ "1": 403, "2": 201 });
  });

  it("refuses online meetings of organisers the application access policy does not grant", async () => {
    const id = await meetingId();
    graph.state.meetingAccessPolicy = new Set(["someone-else@council.example"]);
    const answer = await client.call("GET", `${ORG}/onlineMeetings/${id}`);
    expect(answer.status).toBe(403);
    expect(answer.body.error.message).toContain("application access policy");
    graph.state.meetingAccessPolicy = new Set(["conferences@council.example"]);
    expect((await client.call("GET", `${ORG}/onlineMeetings/${id}`)).status).toBe(200);
  });

  it("lets Convene's adapter create and lock a meeting on the default grant", async () => {
    const calendar = graphCalendarFor(graph, TOKEN);
    try {
      const created = await calendar.createConference(draftFor(sampleCase(1), 1));
      expect(created.eventId).toBeDefined();
      expect(graph.calls.every((c) => c.status !== 403)).toBe(true);
    } finally {
      calendar.close();
    }
  });

  it("makes Convene's adapter fail, not pretend, when the meeting cannot be locked", async () => {
    graph.permissions.revoke("OnlineMeetings.ReadWrite.All");
    const calendar = graphCalendarFor(graph, TOKEN);
    try {
      await expect(calendar.createConference(draftFor(sampleCase(1), 1))).rejects.toBeInstanceOf(
        CalendarError,
      );
    } finally {
      calendar.close();
    }
  });
});
