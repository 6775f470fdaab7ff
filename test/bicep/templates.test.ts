import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
// The store's and the configuration's own definitions: the templates must equal them.
import { CONFIG_KEYS } from "../../app/config";
import { CONTAINER_DEFINITIONS } from "../../store/cosmos/containers";
import {
  appSettingNames,
  checkAppSettings,
  checkContainers,
  checkLocalAuth,
  checkOutputs,
  checkParameters,
  checkRegion,
  parseTemplates,
  templateContainers,
  type ContainerSpec,
  type SettingRules,
  type Templates,
} from "./checks";

const INFRA = join(__dirname, "../../infra");
const MAIN = "azure.bicep";

function readTemplates(): Templates {
  const templates: Templates = { [MAIN]: readFileSync(join(INFRA, MAIN), "utf8") };
  for (const f of readdirSync(join(INFRA, "modules"))) {
    if (f.endsWith(".bicep"))
      templates[`modules/${f}`] = readFileSync(join(INFRA, "modules", f), "utf8");
  }
  return templates;
}
const parameterFile = JSON.parse(readFileSync(join(INFRA, "azure.parameters.json"), "utf8")) as {
  parameters: Record<string, unknown>;
};

const STORE: ContainerSpec[] = Object.values(CONTAINER_DEFINITIONS).map((d) => ({
  name: d.id as string,
  partitionKeyPaths: d.partitionKey?.paths ?? [],
  ...(d.indexingPolicy !== undefined ? { indexingPolicy: d.indexingPolicy } : {}),
}));

const SETTINGS: SettingRules = {
  configKeys: CONFIG_KEYS,
  platformKeys: [
    // https://learn.microsoft.com/azure/app-service/configure-language-nodejs#run-npm-install-and-npm-run-build
    "SCM_DO_BUILD_DURING_DEPLOYMENT",
    // https://learn.microsoft.com/azure/azure-monitor/app/codeless-app-service-nodejs
    "APPLICATIONINSIGHTS_CONNECTION_STRING",
    "ApplicationInsightsAgent_EXTENSION_VERSION",
  ],
  leftToDefault: {
    COSMOS_KEY: "Azure Cosmos DB is reached through Entra ID; a key is for the local test server",
    DATA_DIR: "Cosmos DB is the store; nothing is kept on the web app's disk",
    SCHEDULER_INTERVAL_MS: "the default interval suits production",
    GRAPH_CLIENT_SECRET: "the managed identity signs in to Graph",
    GRAPH_CERTIFICATE_PATH: "the managed identity signs in to Graph",
    GRAPH_BASE_URL: "the public Graph endpoint",
    OUTBOX_DIR: "Graph sends the invitations; there is no outbox in production",
    MicrosoftAppPassword: "a UserAssignedMSI bot has no password",
    PORT: "App Service sets PORT for the Node process",
    DEMO_POLICY: "AUTHORITY_FILE names the council",
    DEMO_MODE: "never on in production (the configuration refuses it beside these settings)",
    GRAPH_AUTHORITY_HOST: "Entra ID's public cloud; only tests point it elsewhere",
    GRAPH_OUTBOX:
      "never on in production: Graph sends (the configuration refuses it beside these settings)",
    COUNCIL_TENANT_ID: "defaults to MicrosoftAppTenantId, which the template sets",
    TEAMS_APP_CATALOG_ID:
      "known only once the app is published to the tenant's catalog; set it then (docs/deploy.md)",
    BOT_SERVICE_URL: "the Bot Framework's public service URL",
    CASE_API_AUDIENCE: "defaults to api://<MicrosoftAppId>",
    CASE_API_TENANT_ID: "defaults to the bot's tenant",
    CASE_API_JWKS_URL: "defaults to the tenant's published keys",
  },
};

type Check = (t: ReturnType<typeof parseTemplates>) => string[];
const ALL: Record<string, Check> = {
  localAuth: checkLocalAuth,
  containers: (t) => checkContainers(t, STORE),
  settings: (t) => checkAppSettings(t, SETTINGS),
  region: checkRegion,
  parameters: (t) => checkParameters(t, parameterFile),
  outputs: checkOutputs,
};

/** The templates with one file's text changed (the change must apply). */
function planted(file: string, from: string | RegExp, to: string): Templates {
  const templates = readTemplates();
  const text = templates[file] as string;
  const changed = text.replace(from, to);
  if (changed === text) throw new Error(`nothing to change in ${file}`);
  return { ...templates, [file]: changed };
}
const problems = (templates: Templates, check: Check) => check(parseTemplates(templates, MAIN));

describe("the Azure templates", () => {
  const templates = readTemplates();
  const parsed = parseTemplates(templates, MAIN);

  it("are read whole: a main template and its six modules", () => {
    expect(Object.keys(templates).sort()).toEqual([
      "azure.bicep",
      "modules/bot.bicep",
      "modules/cosmos.bicep",
      "modules/identity.bicep",
      "modules/keyvault.bicep",
      "modules/monitoring.bicep",
      "modules/webapp.bicep",
    ]);
    expect(parsed.main.modules.map((m) => m.path).sort()).toEqual(
      Object.keys(templates)
        .filter((f) => f !== MAIN)
        .sort(),
    );
  });

  it.each(Object.keys(ALL))("pass the %s check", (name) => {
    expect((ALL[name] as Check)(parsed)).toEqual([]);
  });

  it("create exactly the store's containers, partition keys and indexing policies", () => {
    const declared = templateContainers(parsed);
    expect(declared.map((c) => c.name)).toEqual(STORE.map((s) => s.name));
    for (const c of declared) expect(c.partitionKeyPaths).toEqual(["/pk"]);
    expect(declared.find((c) => c.name === "cases")?.indexingPolicy).toEqual(
      CONTAINER_DEFINITIONS.cases.indexingPolicy,
    );
  });

  it("give the web app the production settings the configuration needs", () => {
    const names = appSettingNames(parsed);
    for (const key of [
      "COSMOS_ENDPOINT",
      "AZURE_CLIENT_ID",
      "MicrosoftAppId",
      "MicrosoftAppType",
      "AUTHORITY_FILE",
    ]) {
      expect(names).toContain(key);
    }
    expect(names).not.toContain("COSMOS_KEY");
    expect(names).not.toContain("DEMO_MODE");
  });
});

describe("the template checks fail on a planted fault", () => {
  it("disableLocalAuth: false on the Cosmos account", () => {
    const t = planted("modules/cosmos.bicep", "disableLocalAuth: true", "disableLocalAuth: false");
    expect(problems(t, checkLocalAuth)).toEqual([
      "modules/cosmos.bicep: account has disableLocalAuth other than true",
    ]);
  });

  it("no disableLocalAuth at all on the Cosmos account", () => {
    const t = planted("modules/cosmos.bicep", /\n\s*disableLocalAuth: true/, "");
    expect(problems(t, checkLocalAuth)).toEqual([
      "modules/cosmos.bicep: account does not set disableLocalAuth",
    ]);
  });

  it("a container the store does not declare", () => {
    const t = planted(
      "modules/cosmos.bicep",
      "var containers = [\n",
      "var containers = [\n  {\n    name: 'drafts'\n    partitionKey: '/pk'\n    indexingPolicy: { indexingMode: 'consistent' }\n  }\n",
    );
    expect(problems(t, (p) => checkContainers(p, STORE))).toEqual([
      "container drafts is not one the store declares",
    ]);
  });

  it("a container on another partition key, or with another index", () => {
    const t = planted(
      "modules/cosmos.bicep",
      "name: 'tasks'\n    partitionKey: '/pk'",
      "name: 'tasks'\n    partitionKey: '/meetingId'",
    );
    expect(problems(t, (p) => checkContainers(p, STORE))).toEqual([
      'container tasks: partition key ["/meetingId"], the store\'s ["/pk"]',
    ]);
    const u = planted("modules/cosmos.bicep", "{ path: '/createdAt/?' }", "{ path: '/subject/?' }");
    expect(problems(u, (p) => checkContainers(p, STORE))).toEqual([
      "container notifications: indexing policy differs from the store's",
    ]);
  });

  it("a setting the configuration does not read, or one it reads left out", () => {
    const t = planted(
      "modules/webapp.bicep",
      "appSettings: [\n",
      "appSettings: [\n        { name: 'FEATURE_FLAGS', value: 'all' }\n",
    );
    expect(problems(t, (p) => checkAppSettings(p, SETTINGS))).toEqual([
      "app setting FEATURE_FLAGS is not read by the configuration",
    ]);
    const u = planted("modules/webapp.bicep", /\n\s*\{ name: 'GRAPH_ORGANIZER'[^\n]*/, "");
    expect(problems(u, (p) => checkAppSettings(p, SETTINGS))).toEqual([
      "configuration key GRAPH_ORGANIZER is neither set nor left to its default on purpose",
    ]);
  });

  it("a region other than UK South by default", () => {
    const t = planted(
      MAIN,
      "param location string = 'uksouth'",
      "param location string = 'westeurope'",
    );
    expect(problems(t, checkRegion)).toEqual(["location does not default to uksouth"]);
  });

  it("a parameter nothing uses, and a module given one it does not declare", () => {
    const t = planted(
      "modules/bot.bicep",
      "param messagingEndpoint string\n",
      "param messagingEndpoint string\nparam spare string = 'x'\n",
    );
    expect(problems(t, (p) => checkParameters(p))).toEqual([
      "modules/bot.bicep: parameter spare is not used",
    ]);
    const u = planted(MAIN, "    messagingEndpoint:", "    colour: 'blue'\n    messagingEndpoint:");
    expect(problems(u, (p) => checkParameters(p))).toEqual([
      "azure.bicep: module bot passes colour, not a parameter of modules/bot.bicep",
    ]);
  });

  it("an output that carries a secret", () => {
    const t = planted(
      "modules/cosmos.bicep",
      "output databaseName",
      "output primaryKey string = account.listKeys().primaryMasterKey\noutput databaseName",
    );
    expect(problems(t, checkOutputs)).toEqual([
      "modules/cosmos.bicep: output primaryKey is named as a secret",
      "modules/cosmos.bicep: output primaryKey reads primaryMasterKey",
      "modules/cosmos.bicep: output primaryKey calls listKeys()",
    ]);
    const u = planted(
      "modules/monitoring.bicep",
      "output appInsightsName string = insights.name",
      "output appInsightsName string = insights.properties.ConnectionString",
    );
    expect(problems(u, checkOutputs)).toEqual([
      "modules/monitoring.bicep: output appInsightsName reads ConnectionString",
    ]);
  });
});
