import { silentLogger } from "../../app/logger";
import { randomUUID } from "node:crypto";
import type { StoreConfig } from "../../app/config";
import type { Task } from "../../model";
import type { RecordStore } from "../../ports/records";
import { openStore } from "../../store/open-store";
import { errorName, fail, pass, type CheckResult } from "./check";

const PROBE_TYPE = "doctor.probe";

/**
 * The store the server would open (same configuration): that it opens
 * (Cosmos checks its database and containers then), that every container
 * answers a read, and that a write lands and can be read back and removed.
 * The probe is a finished task the scheduler never picks up.
 */
export async function storeChecks(config: StoreConfig, now: Date): Promise<CheckResult[]> {
  const where = config.kind === "cosmos" ? `Cosmos DB ${config.endpoint}` : `SQLite ${config.file}`;
  let store: RecordStore;
  try {
    store = await openStore(config, { clock: () => now, logger: silentLogger });
  } catch (error) {
    return [
      fail(
        "store",
        "open",
        `${where} did not open: ${errorName(error)}`,
        config.kind === "cosmos"
          ? "check COSMOS_ENDPOINT, that the identity has the Cosmos DB Built-in Data Contributor role, and that the Bicep template made the database and containers"
          : "check DATA_DIR exists and is writable by this user",
      ),
    ];
  }
  const results: CheckResult[] = [pass("store", "open", where)];
  try {
    const probe = "doctor-probe";
    await Promise.all([
      store.meetingsOfCase(probe),
      store.openTasksOfMeeting(probe),
      store.auditOfCase(probe),
      store.get("notification", probe, probe),
      store.get("conversation-reference", probe, probe),
      store.get("subject-key", probe, probe),
    ]);
    results.push(
      pass(
        "store",
        "containers",
        "cases, tasks, notifications, conversations, audit and keys answer a read",
      ),
    );
  } catch (error) {
    results.push(
      fail(
        "store",
        "containers",
        `a container did not answer: ${errorName(error)}`,
        "create the missing container (infra/ templates list them) or grant the identity read access",
      ),
    );
  }
  try {
    await store.dueTasks(now, 1);
    results.push(pass("store", "read", "due tasks can be listed"));
  } catch (error) {
    results.push(
      fail(
        "store",
        "read",
        `listing due tasks failed: ${errorName(error)}`,
        "check the store's indexing policy and the identity's read access",
      ),
    );
  }
  const id = `doctor-${randomUUID()}`;
  const task: Task = {
    id,
    type: "task",
    pk: `job:${PROBE_TYPE}`,
    taskType: PROBE_TYPE,
    dueAt: now.toISOString(),
    status: "cancelled",
    attempts: 0,
  };
  try {
    await store.create(task);
    const back = await store.get("task", id, task.pk);
    const removed = await store.remove("task", id, task.pk);
    results.push(
      back !== undefined && removed
        ? pass("store", "write", "a probe record was written, read back and removed")
        : fail(
            "store",
            "write",
            "a probe record was written but not read back",
            "check the store is not a read replica and the identity may write",
          ),
    );
  } catch (error) {
    results.push(
      fail(
        "store",
        "write",
        `writing a probe record failed: ${errorName(error)}`,
        "grant the identity write access (Cosmos DB Built-in Data Contributor) or make DATA_DIR writable",
      ),
    );
  } finally {
    await store.close();
  }
  return results;
}
