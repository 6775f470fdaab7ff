import { type Logger } from "../ports/logger";
import { isStoreError, type Store } from "../ports/store";
import type { ConversationReference } from "../model/conversation-reference";
import type { PersonalConversationFields } from "./activity-shapes";
import { errorCode } from "./errors";

/**
 * Keeps each user's 1:1 conversation reference in the store, so the
 * notifier can reach them later (docs/architecture.md: proactive messages need a stored
 * reference). Written on install and on first contact, rewritten when Teams
 * moves the conversation (serviceUrl or id change) or the user comes back
 * after removing the app.
 *
 * Every turn passes through here, so the common case must cost nothing: a
 * small in-process cache remembers what was last confirmed in the store, and
 * only a difference, an install event or an entry older than CACHE_MS costs
 * a store read. Another instance may have marked the user blocked meanwhile;
 * the age limit bounds how long this instance can miss that.
 */
const CACHE_MS = 10 * 60_000;
const MAX_CACHED = 50_000;
const ATTEMPTS = 3;

interface Confirmed {
  fields: PersonalConversationFields;
  blocked: boolean;
  at: number;
}

export interface ReferenceBookDeps {
  store: Store;
  clock: () => Date;
  logger: Logger;
  /** Monotonic milliseconds, for the cache's age only (tests inject one). */
  now?: () => number;
}

const sameFields = (a: PersonalConversationFields, b: PersonalConversationFields): boolean =>
  a.conversationId === b.conversationId &&
  a.serviceUrl === b.serviceUrl &&
  a.tenantId === b.tenantId &&
  a.botId === b.botId;

export class ReferenceBook {
  private readonly cache = new Map<string, Confirmed>();
  private readonly now: () => number;

  constructor(private readonly deps: ReferenceBookDeps) {
    this.now = deps.now ?? (() => performance.now());
  }

  /**
   * Make sure the stored reference matches what this turn shows.
   * `installed`: an install event, which always reads the store (it is
   * rare, and it is how a user who removed the app comes back).
   */
  async remember(fields: PersonalConversationFields, installed = false): Promise<void> {
    const hit = this.cache.get(fields.userObjectId);
    if (
      !installed &&
      hit !== undefined &&
      !hit.blocked &&
      sameFields(hit.fields, fields) &&
      this.now() - hit.at < CACHE_MS
    ) {
      return;
    }
    await this.retrying(fields.userObjectId, async () => {
      const stored = await this.find(fields.userObjectId);
      const updatedAt = this.deps.clock().toISOString();
      if (stored === undefined) {
        await this.deps.store.create(this.newDoc(fields, updatedAt));
      } else if (!sameFields(this.fieldsOf(stored), fields) || stored.blockedAt !== undefined) {
        const { blockedAt: _gone, ...rest } = stored;
        await this.deps.store.replace({ ...rest, ...fields, updatedAt }, stored.etag ?? "");
      }
    });
    this.confirm(fields, false);
  }

  /** The stored reference, if the user ever installed the app or wrote to it. */
  async find(userObjectId: string): Promise<ConversationReference | undefined> {
    return this.deps.store.get("conversation-reference", userObjectId, userObjectId);
  }

  /** Teams said the user blocked or removed the app: stop sending until they come back. */
  async markBlocked(userObjectId: string): Promise<void> {
    await this.retrying(userObjectId, async () => {
      const stored = await this.find(userObjectId);
      if (stored === undefined || stored.blockedAt !== undefined) return;
      const blockedAt = this.deps.clock().toISOString();
      await this.deps.store.replace(
        { ...stored, blockedAt, updatedAt: blockedAt },
        stored.etag ?? "",
      );
      this.confirm(this.fieldsOf(stored), true);
    });
  }

  /** Conflict and PreconditionFailed mean another turn or instance wrote first: re-read and re-decide. */
  private async retrying(userObjectId: string, attempt: () => Promise<void>): Promise<void> {
    for (let n = 1; ; n += 1) {
      try {
        await attempt();
        return;
      } catch (err) {
        const raced = isStoreError(err, "Conflict") || isStoreError(err, "PreconditionFailed");
        if (!raced || n >= ATTEMPTS) {
          this.cache.delete(userObjectId);
          throw err;
        }
        this.deps.logger.debug(
          { userObjectId, code: errorCode(err), attempt: n },
          "conversation reference raced; re-reading",
        );
      }
    }
  }

  private confirm(fields: PersonalConversationFields, blocked: boolean): void {
    if (this.cache.size >= MAX_CACHED) {
      // Oldest first: Map iterates in insertion order and confirm re-inserts.
      const oldest = this.cache.keys().next();
      if (oldest.done !== true) this.cache.delete(oldest.value);
    }
    this.cache.delete(fields.userObjectId);
    this.cache.set(fields.userObjectId, { fields, blocked, at: this.now() });
  }

  private fieldsOf(doc: ConversationReference): PersonalConversationFields {
    return {
      userObjectId: doc.userObjectId,
      conversationId: doc.conversationId,
      serviceUrl: doc.serviceUrl,
      tenantId: doc.tenantId,
      botId: doc.botId,
    };
  }

  private newDoc(fields: PersonalConversationFields, updatedAt: string): ConversationReference {
    return {
      id: fields.userObjectId,
      type: "conversation-reference",
      pk: fields.userObjectId,
      ...fields,
      channelId: "msteams",
      updatedAt,
    };
  }
}
