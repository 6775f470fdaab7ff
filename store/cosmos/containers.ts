import type { ContainerDefinition, IndexingPolicy } from "@azure/cosmos";
import type { ContainerName } from "../layout";

/**
 * Every container is partitioned on /pk; each document type derives its pk
 * from its own ids (see model/). Indexing is opt-in: only the paths the
 * queries filter or sort on are indexed, so writes (the scheduler rewrites a
 * task twice per run) pay for few index entries. Reasons: docs/architecture.md, "Durable state".
 */
const only = (...paths: string[]): IndexingPolicy => ({
  indexingMode: "consistent",
  automatic: true,
  includedPaths: paths.map((path) => ({ path: `/${path}/?` })),
  excludedPaths: [{ path: "/*" }],
});

export const CONTAINER_DEFINITIONS: Record<ContainerName, ContainerDefinition> = {
  cases: {
    id: "cases",
    partitionKey: { paths: ["/pk"] },
    indexingPolicy: {
      ...only("type", "caseId", "start", "status"),
      // meetingsInRange: equality on type, range and ORDER BY on start.
      compositeIndexes: [
        [
          { path: "/type", order: "ascending" },
          { path: "/start", order: "ascending" },
        ],
      ],
    },
  },
  tasks: {
    id: "tasks",
    partitionKey: { paths: ["/pk"] },
    // readyAt: the due-task range scan and its ORDER BY (one path, so no
    // composite index is needed); meetingId + status: open tasks of a meeting.
    indexingPolicy: only("readyAt", "meetingId", "status", "taskType"),
  },
  notifications: {
    id: "notifications",
    partitionKey: { paths: ["/pk"] },
    indexingPolicy: only("status", "createdAt"),
  },
  conversations: {
    id: "conversations",
    partitionKey: { paths: ["/pk"] },
    // Point reads only (by user object id): nothing to index.
    indexingPolicy: only(),
  },
  audit: {
    id: "audit",
    partitionKey: { paths: ["/pk"] },
    // seq: the chain's order (ORDER BY seq for a partition's head).
    indexingPolicy: only("at", "action", "seq"),
    // One entry per place in a partition's chain: two instances appending
    // to the same case at once cannot both take seq n; the loser gets 409
    // and appends after the winner. Unique keys are scoped to the logical
    // partition and can be set only when a container is created:
    // https://learn.microsoft.com/en-us/azure/cosmos-db/unique-keys
    uniqueKeyPolicy: { uniqueKeys: [{ paths: ["/seq"] }] },
  },
  keys: {
    id: "keys",
    partitionKey: { paths: ["/pk"] },
    // Point reads and deletes by id only.
    indexingPolicy: only(),
  },
};
