import { isStoreError, type MutableDocument, type Store } from "../../ports/store";

/**
 * Create a document, or replace the stored one unless `same(old)` says the
 * new one says nothing new (a repeated card submission). Answers whether
 * anything was written. 412 on replace: re-read and decide again.
 */
export async function putDoc<D extends MutableDocument>(
  store: Store,
  doc: D,
  same: (old: D) => boolean,
): Promise<boolean> {
  for (let attempt = 1; ; attempt++) {
    try {
      await store.create(doc);
      return true;
    } catch (err) {
      if (!isStoreError(err, "Conflict")) throw err;
    }
    const old = (await store.get(doc.type, doc.id, doc.pk)) as D | undefined;
    if (old === undefined) continue;
    if (same(old)) return false;
    try {
      await store.replace(doc, old.etag ?? "");
      return true;
    } catch (err) {
      if (!isStoreError(err, "PreconditionFailed") || attempt >= 8) throw err;
    }
  }
}
