import type { DocOf } from "../../model";
import {
  isStoreError,
  type MutableDocType,
  type MutableDocument,
  type Store,
} from "../../ports/store";

/**
 * docs/architecture.md, optimistic concurrency: read, decide, replace with IfMatch; on 412 someone else
 * changed the document in between, so read again and decide again. `decide`
 * answers the new document, or undefined when there is nothing to change
 * (which is how a repeated action becomes a no-op).
 */
export async function updateDoc<T extends MutableDocType>(
  store: Store,
  type: T,
  id: string,
  pk: string,
  decide: (current: DocOf<T>) => DocOf<T> | undefined,
): Promise<{ doc: DocOf<T>; changed: boolean }> {
  for (let attempt = 1; ; attempt++) {
    const current = await store.get(type, id, pk);
    if (current === undefined) {
      throw Object.assign(new Error(`${type} ${id} not found`), { code: "NotFound" });
    }
    const next = decide(current);
    if (next === undefined) return { doc: current, changed: false };
    try {
      const saved = await store.replace(
        next as unknown as MutableDocument,
        (current as { etag?: string }).etag ?? "",
      );
      return { doc: saved as unknown as DocOf<T>, changed: true };
    } catch (err) {
      if (!isStoreError(err, "PreconditionFailed") || attempt >= 8) throw err;
    }
  }
}
