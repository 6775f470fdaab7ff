import { loadConfig } from "../app/config";

/**
 * The council's tenant, the only one whose activities are taken: derived
 * from the settings a deployment already has, and a start-up that cannot
 * know it is refused naming the one setting to add.
 */
/** Graph's settings, which a production start needs (its tenant is not the council's here). */
const GRAPH = {
  GRAPH_TENANT_ID: "22222222-0000-4000-8000-000000000002",
  GRAPH_CLIENT_ID: "33333333-0000-4000-8000-000000000003",
  GRAPH_CLIENT_SECRET: "s",
  GRAPH_ORGANIZER: "conferences@council.example",
};

const APP = {
  MicrosoftAppId: "6c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5",
  MicrosoftAppPassword: "p",
  AUTHORITY_FILE: "council.json",
};
const T1 = "11111111-2222-4333-8444-555555555555";
const T2 = "66666666-7777-4888-8999-aaaaaaaaaaaa";

describe("the council's tenant", () => {
  it("is MicrosoftAppTenantId, else GRAPH_TENANT_ID, unless COUNCIL_TENANT_ID says otherwise", () => {
    expect(loadConfig({ ...APP, ...GRAPH, MicrosoftAppTenantId: T1 }).bot.tenantId).toBe(T1);
    expect(
      loadConfig({
        ...APP,
        MicrosoftAppType: "MultiTenant",
        GRAPH_TENANT_ID: T2,
        GRAPH_CLIENT_ID: T1,
        GRAPH_CLIENT_SECRET: "s",
        GRAPH_ORGANIZER: "conferences@council.example",
      }).bot.tenantId,
    ).toBe(T2);
    expect(
      loadConfig({ ...APP, ...GRAPH, MicrosoftAppTenantId: T1, COUNCIL_TENANT_ID: T2 }).bot
        .tenantId,
    ).toBe(T2);
  });

  it("refuses to start naming COUNCIL_TENANT_ID when nothing gives it", () => {
    expect(() => loadConfig({ ...APP, MicrosoftAppType: "MultiTenant" })).toThrow(
      /COUNCIL_TENANT_ID: COUNCIL_TENANT_ID is required/,
    );
    expect(() =>
      loadConfig({ ...APP, MicrosoftAppTenantId: T1, COUNCIL_TENANT_ID: "not-a-guid" }),
    ).toThrow(/COUNCIL_TENANT_ID/);
  });

  it("is not needed for a local run without an app id", () => {
    expect(loadConfig({ DEMO_MODE: "true" }).bot.tenantId).toBeUndefined();
  });
});
