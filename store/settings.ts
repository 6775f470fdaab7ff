/** What opening a store needs: the app reads it from the environment (app/config.ts). */
export type StoreConfig =
  | { kind: "cosmos"; endpoint: string; key: string; databaseId: string }
  | { kind: "sqlite"; file: string };
