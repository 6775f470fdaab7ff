import { mkdtempSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { CosmosClient } from "@azure/cosmos";
import type { RecordStore } from "../../ports/records";
import { CONTAINERS } from "../../store/layout";
import { CosmosStore } from "../../store/cosmos/cosmos-store";
import { SqliteStore } from "../../store/sqlite/sqlite-store";
import { startCosmosServer, stopCosmosServer } from "../cosmos-server";

/**
 * A store under test plus raw access to its database that bypasses the
 * store entirely: how a test searches every stored byte, or plays the
 * intruder who edits and deletes audit entries.
 */
export interface RawStore {
  store: RecordStore;
  /** Every stored document's JSON, read straight from the database. */
  allText(): Promise<string[]>;
  /** Raw audit entries of a partition, by seq. */
  auditRows(pk: string): Promise<Record<string, unknown>[]>;
  rawReplace(container: string, doc: Record<string, unknown>): Promise<void>;
  rawDelete(container: string, pk: string, id: string): Promise<void>;
  close(): Promise<void>;
}

export interface StoreKind {
  name: string;
  setUp(): Promise<void>;
  tearDown(): Promise<void>;
  open(): Promise<RawStore>;
}

export function sqliteKind(): StoreKind {
  const dir = mkdtempSync(join(tmpdir(), "convene-dp-"));
  let n = 0;
  return {
    name: "sqlite",
    setUp: async () => undefined,
    tearDown: async () => undefined,
    async open() {
      n += 1;
      const file = join(dir, `s-${n}.sqlite`);
      const store = new SqliteStore({ file });
      const db = new Database(file);
      return {
        store,
        async allText() {
          return db
            .prepare<[], { body: string; pk: string; id: string }>("SELECT pk, id, body FROM docs")
            .all()
            .map((r) => `${r.pk} ${r.id} ${r.body}`);
        },
        async auditRows(pk) {
          return db
            .prepare<[string], { body: string }>(
              "SELECT body FROM docs WHERE coll = 'audit' AND pk = ?",
            )
            .all(pk)
            .map((r) => JSON.parse(r.body) as Record<string, unknown>)
            .sort((a, b) => Number(a.seq) - Number(b.seq));
        },
        async rawReplace(container, doc) {
          db.prepare("UPDATE docs SET body = ? WHERE coll = ? AND pk = ? AND id = ?").run(
            JSON.stringify(doc),
            container,
            String(doc.pk),
            String(doc.id),
          );
        },
        async rawDelete(container, pk, id) {
          db.prepare("DELETE FROM docs WHERE coll = ? AND pk = ? AND id = ?").run(
            container,
            pk,
            id,
          );
        },
        async close() {
          db.close();
          await store.close();
        },
      };
    },
  };
}

export function cosmosKind(): StoreKind {
  let server: Server | undefined;
  let endpoint = "";
  const key = "dGVzdC1rZXk=";
  let n = 0;
  return {
    name: "cosmos",
    async setUp() {
      ({ server, endpoint } = await startCosmosServer());
    },
    async tearDown() {
      await stopCosmosServer(server);
    },
    async open() {
      n += 1;
      const databaseId = `dp-${n}`;
      const store = await CosmosStore.open({ endpoint, key, databaseId });
      const client = new CosmosClient({
        endpoint,
        key,
        connectionPolicy: { enableEndpointDiscovery: false },
      });
      const db = client.database(databaseId);
      return {
        store,
        async allText() {
          const out: string[] = [];
          for (const c of CONTAINERS) {
            const { resources } = await db.container(c).items.query("SELECT * FROM c").fetchAll();
            for (const r of resources) out.push(JSON.stringify(r));
          }
          return out;
        },
        async auditRows(pk) {
          const { resources } = await db
            .container("audit")
            .items.query<Record<string, unknown>>({
              query: "SELECT * FROM c WHERE c.pk = @pk",
              parameters: [{ name: "@pk", value: pk }],
            })
            .fetchAll();
          return resources.sort((a, b) => Number(a.seq) - Number(b.seq));
        },
        async rawReplace(container, doc) {
          await db.container(container).item(String(doc.id), String(doc.pk)).replace(doc);
        },
        async rawDelete(container, pk, id) {
          await db.container(container).item(id, pk).delete();
        },
        async close() {
          client.dispose();
          await store.close();
        },
      };
    },
  };
}
