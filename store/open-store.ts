import type { StoreConfig } from "./settings";
import { CosmosStore } from "./cosmos/cosmos-store";
import type { Store } from "../ports/store";
import { SqliteStore } from "./sqlite/sqlite-store";
import { migrateStore, type MigrationOptions } from "./migrations/migrate";

/**
 * Cosmos DB when an endpoint is configured; otherwise the embedded SQLite
 * file under DATA_DIR, so a laptop run needs no cloud account and keeps its
 * data between runs. Whoever opens it (the server, every `convene`
 * command) first brings older documents to the current schema versions
 * (store/migrations/migrate.ts), so nothing reads a shape it does not know.
 */
export async function openStore(config: StoreConfig, start: MigrationOptions): Promise<Store> {
  const store: Store =
    config.kind === "cosmos"
      ? await CosmosStore.open({
          endpoint: config.endpoint,
          key: config.key,
          databaseId: config.databaseId,
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
