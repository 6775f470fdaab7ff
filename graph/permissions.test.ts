import {
  CONVENE_APPLICATION_PERMISSIONS,
  GRAPH_CALLS,
  isAllowed,
  uncoveredCalls,
} from "./permissions";

describe("the Graph calls → application permissions table", () => {
  it("cites a Microsoft Learn reference page on every row", () => {
    for (const call of GRAPH_CALLS) {
      expect(call.reference).toMatch(/^https:\/\/learn\.microsoft\.com\/en-us\/graph\/api\//);
      expect(call.permissions.length).toBeGreaterThan(0);
    }
  });

  it("has one row per call", () => {
    const ids = GRAPH_CALLS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    const routes = GRAPH_CALLS.map((c) => `${c.method} ${c.path}`);
    expect(new Set(routes).size).toBe(routes.length);
  });

  it("grants Convene enough for every call", () => {
    expect(uncoveredCalls(CONVENE_APPLICATION_PERMISSIONS)).toEqual([]);
  });

  it("grants Convene nothing it does not need (least privilege)", () => {
    for (const permission of CONVENE_APPLICATION_PERMISSIONS) {
      const without = CONVENE_APPLICATION_PERMISSIONS.filter((p) => p !== permission);
      expect({ permission, uncovered: uncoveredCalls(without).length }).not.toEqual({
        permission,
        uncovered: 0,
      });
    }
  });

  it("never grants a Directory.* or ReadWrite-for-everyone permission", () => {
    expect(CONVENE_APPLICATION_PERMISSIONS.filter((p) => /^Directory\./.test(p))).toEqual([]);
    expect(CONVENE_APPLICATION_PERMISSIONS).not.toContain(
      "TeamsAppInstallation.ReadWriteForUser.All",
    );
  });

  it("lets a call through on any one of its permissions, and not on another's", () => {
    const send = GRAPH_CALLS.find((c) => c.id === "mail.send");
    expect(send).toBeDefined();
    if (send === undefined) return;
    expect(isAllowed(send, new Set(["Mail.Send"]))).toBe(true);
    expect(isAllowed(send, new Set(["Mail.ReadWrite", "Calendars.ReadWrite"]))).toBe(false);
  });
});
