import type { MutableDocument, Store } from "../../ports/store";
import { isStoreError } from "../../ports/store";

/**
 * Creates a document whose id is deterministic (a task, an incident, the
 * next conference), once: a second attempt, by a retry or another
 * instance, finds it there and leaves it as it is. Answers whether this
 * call created it.
 */
export async function createOnce<D extends MutableDocument>(
  store: Store,
  doc: D,
): Promise<boolean> {
  try {
    await store.create(doc);
    return true;
  } catch (err) {
    if (!isStoreError(err, "Conflict")) throw err;
    return false;
  }
}
