import type { Agent } from "node:http";
import type { TokenCredential } from "@azure/identity";
import {
  CosmosClient,
  type Container,
  type CosmosClientOptions,
  type Database,
  type SqlQuerySpec,
} from "@azure/cosmos";
import {
  versionOf,
  type AuditEntry,
  type DocOf,
  type DocType,
  type Document,
  type Meeting,
  type Notification,
  type Task,
} from "../../model";
import type { RawRecord, RecordKeeping, RemovableType } from "../../ports/records";
import { appendChained, auditOfCase, type LedgerBackend } from "../audit/ledger";
import { decode, decodeAll, decodeOrThrow, forWrite, withoutEtag } from "../codec";
import {
  QUARANTINED,
  byQuarantinedAt,
  heldOf,
  quarantinedError,
  refOf,
  wrapperOf,
} from "../quarantine";
import { assertWriteRoute, conflict, notFound, preconditionFailed } from "../../ports/store-errors";
import { CONTAINERS, CONTAINER_OF, readyAtOf, type ContainerName } from "../layout";
import type {
  InvalidRef,
  ListableType,
  Listing,
  MutableDocType,
  MutableDocument,
  Page,
  QuarantineOutcome,
  QuarantinedRef,
  RawDocument,
  Store,
} from "../../ports/store";
import { CONTAINER_DEFINITIONS } from "./containers";

/**
 * The account key: the local test server, which is created as needed.
 * A token credential: an Azure account (Entra ID, local auth disabled),
 * whose database and containers the Bicep template made; Convene only
 * checks them, since the data-plane role cannot create them.
 */
export type CosmosAuthOption = { key: string } | { credential: TokenCredential };

export type CosmosStoreOptions = CosmosAuthOption & {
  endpoint: string;
  databaseId: string;
  /** For a local emulator with a self-signed certificate. */
  agent?: Agent;
  /** Tests record the requests here instead of reaching a real account. */
  httpClient?: CosmosClientOptions["httpClient"];
};

/** A stored item as Cosmos returns it: our fields plus its system fields. */
type RawItem = Record<string, unknown> & { id: string; _etag?: string };

/** SDK errors are plain objects with a numeric `code` (the HTTP status). */
function statusOf(err: unknown): number | undefined {
  if (typeof err === "object" && err !== null && "code" in err && typeof err.code === "number") {
    return err.code;
  }
  return undefined;
}

/** The body Cosmos stores: the document without etag, plus readyAt for tasks. */
function bodyOf(doc: Document): Record<string, unknown> {
  const body: Record<string, unknown> = withoutEtag(doc);
  if (doc.type === "task") {
    const readyAt = readyAtOf(doc);
    if (readyAt !== undefined) body.readyAt = readyAt;
  }
  return body;
}

function etagOf(item: RawItem | undefined, id: string): string {
  if (item?._etag === undefined) throw new Error(`Cosmos answered no _etag for ${id}`);
  return item._etag;
}

/**
 * Azure Cosmos DB adapter. `_etag` never leaves this folder: reads map it to
 * the domain's `etag`, writes use it as the IfMatch condition. Zod strips
 * the system fields (_rid, _ts, …) and readyAt when it validates a read.
 */
export class CosmosStore implements Store, RecordKeeping {
  private readonly ledger: LedgerBackend;

  private constructor(
    private readonly client: CosmosClient,
    private readonly containers: Record<ContainerName, Container>,
  ) {
    this.ledger = {
      getKey: (id) => this.get("subject-key", id, id),
      createKey: (key) => this.insert(key),
      getCase: async (caseId) => {
        try {
          return await this.get("case", caseId, caseId);
        } catch {
          return undefined;
        }
      },
      head: async (pk) => {
        const { resources } = await this.containers.audit.items
          .query<RawItem>(
            {
              query:
                "SELECT TOP 1 * FROM c WHERE c.pk = @pk AND IS_DEFINED(c.seq) ORDER BY c.seq DESC",
              parameters: [{ name: "@pk", value: pk }],
            },
            { partitionKey: pk },
          )
          .fetchAll();
        return this.decodeItems("audit-entry", resources).items[0];
      },
      insert: (entry) => this.insert(entry),
      exists: async (pk, id) => {
        const { resource } = await this.containers.audit.item(id, pk).read<RawItem>();
        return resource !== undefined;
      },
      partition: (pk) => this.auditChain(pk),
    };
  }

  /**
   * With a key (the local test server): connects and creates the database and
   * containers if they are missing. With a token credential (Azure): checks
   * that they exist with the declared partition keys and creates nothing.
   */
  static async open(options: CosmosStoreOptions): Promise<CosmosStore> {
    const withKey = "key" in options;
    const client = new CosmosClient({
      endpoint: options.endpoint,
      ...(withKey ? { key: options.key } : { aadCredentials: options.credential }),
      // The test server has no regional endpoints to discover (discovery
      // would send requests astray); an Azure account keeps discovery on.
      ...(withKey ? { connectionPolicy: { enableEndpointDiscovery: false } } : {}),
      ...(options.agent ? { agent: options.agent } : {}),
      ...(options.httpClient ? { httpClient: options.httpClient } : {}),
    });
    if (!withKey) {
      return new CosmosStore(client, await existingContainers(client.database(options.databaseId)));
    }
    const { database } = await client.databases.createIfNotExists({ id: options.databaseId });
    const containers = await ensureContainers(database);
    return new CosmosStore(client, containers);
  }

  async create<D extends MutableDocument>(doc: D): Promise<D> {
    assertWriteRoute(doc, "create");
    return this.insert(doc);
  }

  async appendAudit(entry: AuditEntry): Promise<AuditEntry> {
    assertWriteRoute(entry, "appendAudit");
    return appendChained(this.ledger, entry);
  }

  async get<T extends DocType>(type: T, id: string, pk: string): Promise<DocOf<T> | undefined> {
    // The SDK answers a 404 point read with an undefined resource, not a throw.
    const { resource } = await this.containers[CONTAINER_OF[type]].item(id, pk).read<RawItem>();
    if (resource?.type === QUARANTINED && refOf(resource)?.recordType === type)
      throw quarantinedError(id);
    if (resource === undefined || resource.type !== type) return undefined;
    return { ...decodeOrThrow(type, id, resource), etag: etagOf(resource, id) };
  }

  async replace<D extends MutableDocument>(doc: D, ifMatch: string): Promise<D> {
    assertWriteRoute(doc, "replace");
    const valid = decodeOrThrow(doc.type, doc.id, forWrite(doc));
    try {
      const { resource } = await this.containers[CONTAINER_OF[doc.type]]
        .item(doc.id, doc.pk)
        .replace<RawItem>(bodyOf(valid) as RawItem, {
          accessCondition: { type: "IfMatch", condition: ifMatch },
        });
      return { ...valid, etag: etagOf(resource, doc.id) } as D;
    } catch (err) {
      const status = statusOf(err);
      if (status === 412) throw preconditionFailed(doc.id);
      if (status === 404) throw notFound(doc.id);
      throw err;
    }
  }

  async dueTasks(now: Date, pageSize: number, continuation?: string): Promise<Page<Task>> {
    // Cross-partition by design (tasks are partitioned by meeting): one
    // range-index scan per physical partition, merged in readyAt order by
    // the SDK. A small deployment has one physical partition.
    const query: SqlQuerySpec = {
      query: "SELECT * FROM c WHERE c.readyAt <= @now ORDER BY c.readyAt ASC",
      parameters: [{ name: "@now", value: now.toISOString() }],
    };
    const response = await this.containers.tasks.items
      .query<RawItem>(query, {
        maxItemCount: pageSize,
        ...(continuation !== undefined ? { continuationToken: continuation } : {}),
      })
      .fetchNext();
    const { items, invalid } = this.decodeItems("task", response.resources);
    return {
      items,
      invalid,
      ...(response.continuationToken ? { continuation: response.continuationToken } : {}),
    };
  }

  async meetingsInRange(from: Date, to: Date): Promise<Listing<Meeting>> {
    // Cross-partition (meetings are partitioned by case); runs for the
    // weekly and monthly lists, a few times a week.
    return this.queryAll("meeting", "cases", {
      query:
        "SELECT * FROM c WHERE c.type = 'meeting' AND c.start >= @from AND c.start < @to ORDER BY c.start ASC",
      parameters: [
        { name: "@from", value: from.toISOString() },
        { name: "@to", value: to.toISOString() },
      ],
    });
  }

  async listAll<T extends ListableType>(type: T): Promise<Listing<DocOf<T>>> {
    // Cross-partition; only the daily and monthly jobs call it.
    const listing = await this.queryAll(type, CONTAINER_OF[type], {
      query: "SELECT * FROM c WHERE c.type = @type",
      parameters: [{ name: "@type", value: type }],
    });
    listing.items.sort((a, b) => compare((a as { id: string }).id, (b as { id: string }).id));
    return listing;
  }

  async meetingsOfCase(caseId: string): Promise<Listing<Meeting>> {
    const listing = await this.queryAll(
      "meeting",
      "cases",
      {
        query: "SELECT * FROM c WHERE c.pk = @pk AND c.type = 'meeting'",
        parameters: [{ name: "@pk", value: caseId }],
      },
      caseId,
    );
    listing.items.sort((a, b) => compare(a.start ?? "", b.start ?? ""));
    return listing;
  }

  async openTasksOfMeeting(meetingId: string): Promise<Listing<Task>> {
    const listing = await this.queryAll(
      "task",
      "tasks",
      {
        query:
          "SELECT * FROM c WHERE c.pk = @meetingId AND c.meetingId = @meetingId AND (c.status = 'pending' OR c.status = 'running')",
        parameters: [{ name: "@meetingId", value: meetingId }],
      },
      meetingId,
    );
    listing.items.sort((a, b) => compare(a.dueAt, b.dueAt));
    return listing;
  }

  async claimedNotifications(): Promise<Listing<Notification>> {
    // Cross-partition, once per start. The claim is checked after the query:
    // @vercel/cosmosdb-server's IS_DEFINED is not relied on (as in outdated).
    const listing = await this.queryAll("notification", "notifications", {
      query: "SELECT * FROM c WHERE c.type = 'notification' AND c.status = 'pending'",
    });
    return {
      items: listing.items
        .filter((n) => n.claimedAt !== undefined)
        .sort((a, b) => compare(a.id, b.id)),
      invalid: listing.invalid,
    };
  }

  async outdated(type: DocType, below: number): Promise<RawDocument[]> {
    // Cross-partition, once per start. The version is compared here, not in
    // the query: a document stored before versions existed has no `v`, and
    // @vercel/cosmosdb-server's IS_DEFINED is not relied on.
    const { resources } = await this.containers[CONTAINER_OF[type]].items
      .query<RawItem>({
        query: "SELECT * FROM c WHERE c.type = @type",
        parameters: [{ name: "@type", value: type }],
      })
      .fetchAll();
    const found: RawDocument[] = [];
    for (const item of resources) {
      if (versionOf(item) >= below || typeof item.pk !== "string") continue;
      // The system fields and the store's own readyAt are not the document's.
      const body: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(item))
        if (!key.startsWith("_") && key !== "readyAt") body[key] = value;
      found.push({ id: String(item.id), pk: item.pk, type, etag: etagOf(item, item.id), body });
    }
    found.sort((a, b) => compare(a.pk, b.pk) || compare(a.id, b.id));
    return found;
  }

  async quarantine(
    ref: Pick<InvalidRef, "id" | "pk" | "type" | "error">,
    at: Date,
  ): Promise<QuarantineOutcome> {
    if (ref.type === "audit-entry") throw new Error("audit entries are never quarantined");
    const item = this.containers[CONTAINER_OF[ref.type]].item(ref.id, ref.pk);
    // A write between the read and the conditional replace: look again.
    for (let round = 0; round < 3; round += 1) {
      const { resource } = await item.read<RawItem>();
      if (resource === undefined) return "gone";
      if (resource.type === QUARANTINED) return "already";
      if (resource.type !== ref.type) return "gone";
      const result = decode(ref.type, ref.id, resource, ref.pk);
      if (result.ok) return "readable";
      if (result.invalid.outdated === true) return "outdated";
      const wrapper = wrapperOf(result.invalid, at, JSON.stringify(storedBody(resource)));
      try {
        await item.replace<RawItem>(wrapper, {
          accessCondition: { type: "IfMatch", condition: etagOf(resource, ref.id) },
        });
        return "quarantined";
      } catch (err) {
        const status = statusOf(err);
        if (status === 404) return "gone";
        if (status !== 412) throw err;
      }
    }
    throw preconditionFailed(ref.id);
  }

  async quarantinedRecord(
    type: MutableDocType,
    pk: string,
    id: string,
  ): Promise<{ ref: QuarantinedRef; raw: string } | undefined> {
    const { resource } = await this.containers[CONTAINER_OF[type]].item(id, pk).read<RawItem>();
    if (resource === undefined || resource.type !== QUARANTINED) return undefined;
    const held = heldOf(resource);
    return held?.ref.recordType === type ? held : undefined;
  }

  async restoreQuarantined<D extends MutableDocument>(doc: D): Promise<D> {
    assertWriteRoute(doc, "replace");
    const valid = decodeOrThrow(doc.type, doc.id, forWrite(doc));
    const item = this.containers[CONTAINER_OF[doc.type]].item(doc.id, doc.pk);
    const { resource } = await item.read<RawItem>();
    const held =
      resource !== undefined && resource.type === QUARANTINED ? heldOf(resource) : undefined;
    if (resource === undefined || held?.ref.recordType !== doc.type) throw notFound(doc.id);
    try {
      const { resource: written } = await item.replace<RawItem>(bodyOf(valid) as RawItem, {
        accessCondition: { type: "IfMatch", condition: etagOf(resource, doc.id) },
      });
      return { ...valid, etag: etagOf(written, doc.id) } as D;
    } catch (err) {
      const status = statusOf(err);
      if (status === 412) throw preconditionFailed(doc.id);
      if (status === 404) throw notFound(doc.id);
      throw err;
    }
  }

  async quarantined(): Promise<QuarantinedRef[]> {
    // Cross-partition, one query per container (the audit is never
    // quarantined); operators' command and the needs-attention count only.
    const refs: QuarantinedRef[] = [];
    for (const name of CONTAINERS) {
      if (name === "audit") continue;
      const { resources } = await this.containers[name].items
        .query<RawItem>({
          query: "SELECT * FROM c WHERE c.type = @type",
          parameters: [{ name: "@type", value: QUARANTINED }],
        })
        .fetchAll();
      for (const item of resources) {
        const ref = refOf(item);
        if (ref !== undefined) refs.push(ref);
      }
    }
    return refs.sort(byQuarantinedAt);
  }

  async auditOfCase(caseId: string): Promise<Listing<AuditEntry>> {
    return auditOfCase(this.ledger, caseId);
  }

  async everyOfType<T extends RemovableType>(type: T): Promise<Listing<DocOf<T>>> {
    // Cross-partition; only the daily retention run and the command line.
    return this.queryAll(type, CONTAINER_OF[type], {
      query: "SELECT * FROM c WHERE c.type = @type",
      parameters: [{ name: "@type", value: type }],
    });
  }

  async everyRecord(): Promise<RawRecord[]> {
    const out: RawRecord[] = [];
    for (const name of CONTAINERS) {
      const { resources } = await this.containers[name].items
        .query<RawItem>("SELECT * FROM c")
        .fetchAll();
      for (const item of resources) {
        const body = storedBody(item);
        out.push({
          container: name,
          pk: String(item.pk),
          id: String(item.id),
          type: typeof item.type === "string" ? item.type : "",
          body: JSON.stringify(body),
        });
      }
    }
    return out;
  }

  async remove(type: RemovableType, id: string, pk: string): Promise<boolean> {
    return this.removeRecord(CONTAINER_OF[type], pk, id);
  }

  async removeRecord(container: string, pk: string, id: string): Promise<boolean> {
    if (container === "audit") throw new Error("audit entries go only with their partition");
    const target = this.containers[container as ContainerName];
    if (target === undefined) throw new Error(`no container ${container}`);
    try {
      await target.item(id, pk).delete();
      return true;
    } catch (err) {
      if (statusOf(err) === 404) return false;
      throw err;
    }
  }

  async auditChain(pk: string): Promise<Listing<AuditEntry>> {
    // Sorted here: ORDER BY over an undefined seq (entries from before the
    // chain) would drop them.
    const listing = await this.queryAll(
      "audit-entry",
      "audit",
      { query: "SELECT * FROM c WHERE c.pk = @pk", parameters: [{ name: "@pk", value: pk }] },
      pk,
    );
    listing.items.sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0) || compare(a.id, b.id));
    return listing;
  }

  async auditHead(pk: string): Promise<AuditEntry | undefined> {
    return this.ledger.head(pk);
  }

  async auditPartitions(): Promise<string[]> {
    // No GROUP BY or DISTINCT needed: read the keys and fold them here.
    const { resources } = await this.containers.audit.items
      .query<{ pk: string }>("SELECT c.pk FROM c")
      .fetchAll();
    return [...new Set(resources.map((r) => r.pk))].sort(compare);
  }

  async removeAuditPartition(pk: string): Promise<number> {
    const { resources } = await this.containers.audit.items
      .query<{ id: string }>(
        { query: "SELECT c.id FROM c WHERE c.pk = @pk", parameters: [{ name: "@pk", value: pk }] },
        { partitionKey: pk },
      )
      .fetchAll();
    // One delete per entry: the test server has no batch or delete-by-partition.
    for (const { id } of resources) await this.containers.audit.item(id, pk).delete();
    return resources.length;
  }

  async close(): Promise<void> {
    this.client.dispose();
  }

  private async insert<D extends Document>(doc: D): Promise<D> {
    const valid = decodeOrThrow(doc.type, doc.id, forWrite(doc));
    try {
      const { resource } = await this.containers[CONTAINER_OF[doc.type]].items.create<RawItem>(
        bodyOf(valid) as RawItem,
      );
      return { ...valid, etag: etagOf(resource, doc.id) } as D;
    } catch (err) {
      if (statusOf(err) === 409) throw conflict(doc.id);
      throw err;
    }
  }

  /**
   * With `partitionKey`, the query runs in that one partition. Queries still
   * name `c.pk` in their WHERE: @vercel/cosmosdb-server ignores the
   * partition-key header when it filters, and on Cosmos it costs nothing.
   */
  private async queryAll<T extends DocType>(
    type: T,
    container: ContainerName,
    query: SqlQuerySpec,
    partitionKey?: string,
  ): Promise<Listing<DocOf<T>>> {
    const { resources } = await this.containers[container].items
      .query<RawItem>(query, partitionKey !== undefined ? { partitionKey } : {})
      .fetchAll();
    return this.decodeItems(type, resources);
  }

  private decodeItems<T extends DocType>(type: T, raw: RawItem[]): Listing<DocOf<T>> {
    const etags = new Map(raw.map((item) => [item.id, item._etag]));
    const decoded = decodeAll(
      type,
      raw.map((item) => ({
        id: String(item.id),
        pk: typeof item.pk === "string" ? item.pk : "",
        raw: item,
      })),
    );
    const invalid: InvalidRef[] = decoded.invalid;
    return { items: decoded.items.map((doc) => ({ ...doc, etag: etags.get(doc.id) })), invalid };
  }
}

async function ensureContainers(database: Database): Promise<Record<ContainerName, Container>> {
  const entries: [ContainerName, Container][] = [];
  for (const name of CONTAINERS) {
    const { container } = await database.containers.createIfNotExists(CONTAINER_DEFINITIONS[name]);
    entries.push([name, container]);
  }
  return Object.fromEntries(entries) as Record<ContainerName, Container>;
}

/**
 * Reads each container's definition (the data-plane role's readMetadata) and
 * refuses to start on one missing or partitioned otherwise than declared:
 * a store that cannot write a meeting must say so at start, not at the first write.
 */
async function existingContainers(database: Database): Promise<Record<ContainerName, Container>> {
  const entries: [ContainerName, Container][] = [];
  for (const name of CONTAINERS) {
    const container = database.container(name);
    // A missing container answers 404 (thrown here, unlike an item read).
    const resource = await container.read().then(
      (r) => r.resource,
      (err: unknown) => {
        if (statusOf(err) === 404) return undefined;
        throw err;
      },
    );
    const expected = CONTAINER_DEFINITIONS[name].partitionKey?.paths ?? [];
    if (resource === undefined) {
      throw new Error(
        `Cosmos container ${database.id}/${name} is missing: deploy infra/azure.bicep (Convene creates none with Entra ID)`,
      );
    }
    const actual = resource.partitionKey?.paths ?? [];
    if (actual.join(",") !== expected.join(",")) {
      throw new Error(
        `Cosmos container ${database.id}/${name} is partitioned on ${actual.join(",")}, not ${expected.join(",")}`,
      );
    }
    entries.push([name, container]);
  }
  return Object.fromEntries(entries) as Record<ContainerName, Container>;
}

/** An item as we stored it: Cosmos's system fields left out. */
function storedBody(item: RawItem): Record<string, unknown> {
  const { _rid, _self, _etag, _attachments, _ts, ...body } = item;
  return body;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
