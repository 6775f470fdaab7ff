import { createHash } from "node:crypto";

/**
 * Outbox file names carry ids only (a meeting id, an email id), never a
 * name (docs/data-protection.md). Ids may hold ":" (`${meetingId}:invite:${id}`),
 * which Windows refuses in a file name, so every character outside
 * [A-Za-z0-9._-] is percent-encoded: reversible and collision-free.
 */
export function safeIdForFileName(id: string): string {
  return id.replace(/[^A-Za-z0-9._-]/g, (c) =>
    [...Buffer.from(c, "utf8")]
      .map((b) => `%${b.toString(16).toUpperCase().padStart(2, "0")}`)
      .join(""),
  );
}

/** A short stable token from an id: join links and Message-IDs, never reversible to a name. */
export function idToken(id: string): string {
  return createHash("sha256").update(id).digest("hex").slice(0, 24);
}
