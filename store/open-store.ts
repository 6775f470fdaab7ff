import type { StoreConfig } from "./settings";
import { CosmosStore } from "./cosmos/cosmos-store";
import type { RecordStore } from "../ports/records";
import { SqliteStore } from "./sqlite/sqlite-store";

/**
 * Cosmos DB when an endpoint is configured; otherwise the embedded SQLite
 * file under DATA_DIR, so a laptop run needs no cloud account and keeps its
 * data between runs. Both adapters also keep records (ports/records.ts):
 * retention and erasure need them.
 */
export async function openStore(config: StoreConfig): Promise<RecordStore> {
  if (config.kind === "cosmos") {
    return CosmosStore.open({
      endpoint: config.endpoint,
      key: config.key,
      databaseId: config.databaseId,
    });
  }
  return new SqliteStore({ file: config.file });
}
