import type { TokenCredential } from "@azure/identity";
import { DefaultAzureCredential, ManagedIdentityCredential } from "@azure/identity";
import type { CosmosAuth, StoreConfig } from "./settings";
import { CosmosStore, type CosmosAuthOption } from "./cosmos/cosmos-store";
import type { RecordStore } from "../ports/records";
import { SqliteStore } from "./sqlite/sqlite-store";
import { migrateStore, type MigrationOptions } from "./migrations/migrate";

export interface OpenStoreDeps {
  /** Tests pass a fake; production signs in as below. */
  credential?: TokenCredential;
  httpClient?: NonNullable<Parameters<typeof CosmosStore.open>[0]["httpClient"]>;
}

/**
 * The managed identity named by AZURE_CLIENT_ID (user-assigned), else the
 * default chain (environment, workload or system-assigned identity, Azure
 * CLI): https://learn.microsoft.com/javascript/api/@azure/identity/managedidentitycredential
 */
function cosmosAuth(auth: CosmosAuth, deps: OpenStoreDeps): CosmosAuthOption {
  if (auth.kind === "key") return { key: auth.key };
  if (deps.credential !== undefined) return { credential: deps.credential };
  return {
    credential:
      auth.managedIdentityClientId !== undefined
        ? new ManagedIdentityCredential({ clientId: auth.managedIdentityClientId })
        : new DefaultAzureCredential(),
  };
}

/**
 * Cosmos DB when an endpoint is configured; otherwise the embedded SQLite
 * file under DATA_DIR, so a laptop run needs no cloud account and keeps its
 * data between runs. Both adapters also keep records (ports/records.ts):
 * retention and erasure need them. Whoever opens it (the server, every
 * `convene` command) first brings older documents to the current schema
 * versions (store/migrations/migrate.ts), so nothing reads a shape it does
 * not know.
 */
export async function openStore(
  config: StoreConfig,
  start: MigrationOptions,
  deps: OpenStoreDeps = {},
): Promise<RecordStore> {
  const store: RecordStore =
    config.kind === "cosmos"
      ? await CosmosStore.open({
          endpoint: config.endpoint,
          databaseId: config.databaseId,
          ...cosmosAuth(config.auth, deps),
          ...(deps.httpClient !== undefined ? { httpClient: deps.httpClient } : {}),
        })
      : new SqliteStore({ file: config.file });
  try {
    await migrateStore(store, start);
  } catch (err) {
    await store.close();
    throw err;
  }
  return store;
}
