import { resolve } from "node:path";
import { loadConfig } from "./config";

describe("loadConfig", () => {
  it("defaults to the embedded store under ./data", () => {
    const config = loadConfig({ COSMOS_ENDPOINT: "", COSMOS_KEY: "" });
    expect(config).toEqual({
      store: { kind: "sqlite", file: resolve("./data", "convene.sqlite") },
      schedulerIntervalMs: 5000,
      logLevel: "info",
    });
  });

  it("picks Cosmos when an endpoint and key are set", () => {
    const config = loadConfig({
      COSMOS_ENDPOINT: "https://convene.documents.azure.com:443/",
      COSMOS_KEY: "secret-key",
      SCHEDULER_INTERVAL_MS: "2500",
      LOG_LEVEL: "warn",
    });
    expect(config.store).toEqual({
      kind: "cosmos",
      endpoint: "https://convene.documents.azure.com:443/",
      key: "secret-key",
      databaseId: "convene",
    });
    expect(config.schedulerIntervalMs).toBe(2500);
    expect(config.logLevel).toBe("warn");
  });

  it("names bad variables without echoing their values", () => {
    expect(() => loadConfig({ COSMOS_ENDPOINT: "https://x.example/" })).toThrow(/COSMOS_KEY/);
    expect(() => loadConfig({ SCHEDULER_INTERVAL_MS: "soon" })).toThrow(/SCHEDULER_INTERVAL_MS/);
    expect(() => loadConfig({ LOG_LEVEL: "chatty" })).toThrow(/LOG_LEVEL/);
    try {
      loadConfig({ COSMOS_ENDPOINT: "not a url", COSMOS_KEY: "hunter2" });
    } catch (err) {
      expect(String(err)).not.toContain("hunter2");
    }
  });
});
