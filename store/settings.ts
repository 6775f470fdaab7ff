/** What opening a store needs: the app reads it from the environment (app/config.ts). */
/** Key: the local test server. Entra: a token credential (managed identity when clientId is set). */
export type CosmosAuth =
  { kind: "key"; key: string } | { kind: "entra"; managedIdentityClientId?: string };

export type StoreConfig =
  | { kind: "cosmos"; endpoint: string; auth: CosmosAuth; databaseId: string }
  | { kind: "sqlite"; file: string };
