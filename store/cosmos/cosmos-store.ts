import type { Agent } from "node:http";
import { CosmosClient, type Container, type Database, type SqlQuerySpec } from "@azure/cosmos";
import {
  versionOf,
  type AuditEntry,
  type DocOf,
  type DocType,
  type Document,
  type Meeting,
  type Task,
} from "../../model";
import { decodeAll, decodeOrThrow, forWrite, withoutEtag } from "../codec";
import { assertWriteRoute, conflict, notFound, preconditionFailed } from "../../ports/store-errors";
import { CONTAINERS, CONTAINER_OF, readyAtOf, type ContainerName } from "../layout";
import type {
  InvalidRef,
  ListableType,
  Listing,
  MutableDocument,
  Page,
  RawDocument,
  Store,
} from "../../ports/store";
import { CONTAINER_DEFINITIONS } from "./containers";

export interface CosmosStoreOptions {
  endpoint: string;
  key: string;
  databaseId: string;
  /** For a local emulator with a self-signed certificate. */
  agent?: Agent;
}

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
export class CosmosStore implements Store {
  private constructor(
    private readonly client: CosmosClient,
    private readonly containers: Record<ContainerName, Container>,
  ) {}

  /** Connects and creates the database and containers if they are missing. */
  static async open(options: CosmosStoreOptions): Promise<CosmosStore> {
    const client = new CosmosClient({
      endpoint: options.endpoint,
      key: options.key,
      // The emulators (and plain-HTTP test servers) have no regional
      // endpoints to discover; discovery would send requests astray.
      connectionPolicy: { enableEndpointDiscovery: false },
      ...(options.agent ? { agent: options.agent } : {}),
    });
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
    return this.insert(entry);
  }

  async get<T extends DocType>(type: T, id: string, pk: string): Promise<DocOf<T> | undefined> {
    // The SDK answers a 404 point read with an undefined resource, not a throw.
    const { resource } = await this.containers[CONTAINER_OF[type]].item(id, pk).read<RawItem>();
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

  async auditOfCase(caseId: string): Promise<Listing<AuditEntry>> {
    const listing = await this.queryAll(
      "audit-entry",
      "audit",
      {
        query: "SELECT * FROM c WHERE c.pk = @pk AND c.type = 'audit-entry'",
        parameters: [{ name: "@pk", value: caseId }],
      },
      caseId,
    );
    listing.items.sort((a, b) => compare(a.at, b.at));
    return listing;
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
      raw.map((item) => ({ id: String(item.id), raw: item })),
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

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
