import type { Notification } from "../../model";
import { isStoreError } from "../../ports/store";
import type { WorkflowDeps } from "./deps";
import type { Email } from "../../ports";
import { TransientError } from "./errors";
import { PermanentTaskError } from "../../ports/task-errors";

export interface EmailNotice {
  email: Email;
  kind: string;
  taskId?: string;
  caseId?: string;
  meetingId?: string;
}

/**
 * The same discipline for email: every email has its own notification, and
 * only those not yet sent go to the calendar port (in one batch). A failed
 * part is retried by the task's next run; a sent one never again.
 */
export async function sendEmailsOnce(
  deps: WorkflowDeps,
  from: string,
  notices: EmailNotice[],
): Promise<{ sent: number; alreadySent: number }> {
  const pending: { notice: EmailNotice; doc: Notification; attempted: boolean }[] = [];
  let alreadySent = 0;
  let inFlight = 0;
  for (const notice of notices) {
    const { doc, created } = await findOrCreate(deps, notice.email.id, () => ({
      kind: notice.kind,
      channel: "email",
      taskId: notice.taskId,
      caseId: notice.caseId,
      meetingId: notice.meetingId,
    }));
    if (doc.status === "sent" || doc.status === "recipient-gone") alreadySent += 1;
    else if (claimState(deps, doc) === "in-flight") inFlight += 1;
    else {
      // Found and not sent: an earlier run may have sent it and died before
      // recording it, so the adapter looks in Sent Items before sending again.
      const claimed = await claim(deps, doc);
      if (claimed === undefined) inFlight += 1;
      else pending.push({ notice, doc: claimed, attempted: !created });
    }
  }
  // Being sent by another run: this run is not done until they are recorded.
  if (pending.length === 0 && inFlight > 0) {
    throw new TransientError(
      "Notification.in-flight",
      `${inFlight} email(s) being sent by another run`,
    );
  }
  if (pending.length === 0) return { sent: 0, alreadySent };
  const results = await deps.calendar.sendEmails(
    from,
    pending.map((p) => (p.attempted ? { ...p.notice.email, attempted: true } : p.notice.email)),
  );
  const byId = new Map(results.map((r) => [r.id, r]));
  let sent = 0;
  let unfinished = 0;
  const refused: number[] = [];
  for (const { doc } of pending) {
    const r = byId.get(doc.id);
    // Only "done" is sent. A refusal (400/401/403: a bad address, a
    // permission such as Mail.Send withheld) and "gone" (404/410: no such
    // mailbox) are failures that retrying cannot fix: recorded as failed and
    // the task fails at once, visibly, so whatever follows the send (a
    // milestone, the chasers switched off) never happens on an attempt.
    const status: Notification["status"] =
      r?.outcome === "done" ? "sent" : r?.outcome === "throttled" ? "throttled" : "failed";
    const permanent = r?.outcome === "rejected" || r?.outcome === "gone";
    await record(deps, doc, status, {
      ...(r?.httpStatus !== undefined ? { httpStatus: r.httpStatus } : {}),
      ...(permanent ? { code: r.outcome } : {}),
    });
    if (status === "sent") sent += 1;
    else if (permanent) refused.push(r.httpStatus ?? 0);
    else unfinished += 1;
  }
  if (refused.length > 0) {
    throw new PermanentTaskError(
      "Mail.refused",
      `${refused.length} email(s) refused by Outlook (HTTP ${[...new Set(refused)].join(", ")})`,
    );
  }
  if (unfinished + inFlight > 0) {
    throw new TransientError("Mail.unfinished", `${unfinished + inFlight} email(s) not sent yet`);
  }
  return { sent, alreadySent };
}

export async function findOrCreate(
  deps: WorkflowDeps,
  id: string,
  fields: () => Pick<Notification, "kind" | "channel"> &
    Partial<Pick<Notification, "recipient" | "taskId" | "caseId" | "meetingId">>,
): Promise<{ doc: Notification; created: boolean }> {
  const found = await deps.store.get("notification", id, id);
  if (found !== undefined) return { doc: found, created: false };
  const f = fields();
  const doc: Notification = {
    id,
    type: "notification",
    pk: id,
    kind: f.kind,
    channel: f.channel,
    ...(f.recipient !== undefined ? { recipient: f.recipient } : {}),
    ...(f.taskId !== undefined ? { taskId: f.taskId } : {}),
    ...(f.caseId !== undefined ? { caseId: f.caseId } : {}),
    ...(f.meetingId !== undefined ? { meetingId: f.meetingId } : {}),
    status: "pending",
    attempts: 0,
    createdAt: deps.clock().toISOString(),
  };
  try {
    return { doc: await deps.store.create(doc), created: true };
  } catch (err) {
    if (!isStoreError(err, "Conflict")) throw err;
    const again = await deps.store.get("notification", id, id);
    if (again === undefined) throw err;
    return { doc: again, created: false };
  }
}

/**
 * How long a claim means "being sent now". Shorter than the scheduler's
 * lease (20 minutes in production), so the re-run of a crashed task always
 * finds its own old claim in doubt rather than in flight; far longer than
 * a send takes.
 */
export const IN_FLIGHT_MS = 10 * 60_000;

/**
 * A pending notification with no claim is fresh; with a claim younger than
 * IN_FLIGHT_MS it is being sent; with an older claim (or one from before
 * claims were timed) its sender stopped before recording: in doubt.
 * Throttled and failed ones have a recorded outcome and are simply retried.
 */
export function claimState(
  deps: WorkflowDeps,
  doc: Notification,
): "fresh" | "in-flight" | "in-doubt" | "recorded" {
  if (doc.status !== "pending") return "recorded";
  if (doc.attempts === 0) return "fresh";
  if (doc.claimedAt === undefined) return "in-doubt";
  return deps.clock().getTime() - Date.parse(doc.claimedAt) < IN_FLIGHT_MS
    ? "in-flight"
    : "in-doubt";
}

/** attempts + 1 under the document's etag; undefined when someone else claimed it first. */
export async function claim(
  deps: WorkflowDeps,
  doc: Notification,
): Promise<Notification | undefined> {
  try {
    return await deps.store.replace(
      {
        ...doc,
        attempts: doc.attempts + 1,
        claimedAt: deps.clock().toISOString(),
        ...(deps.instance !== undefined ? { claimedBy: deps.instance } : {}),
      },
      doc.etag ?? "",
    );
  } catch (err) {
    if (isStoreError(err, "PreconditionFailed")) return undefined;
    throw err;
  }
}

export async function record(
  deps: WorkflowDeps,
  doc: Notification,
  status: Notification["status"],
  extra: { httpStatus?: number; activityId?: string; code?: string },
): Promise<void> {
  const next: Notification = {
    ...doc,
    status,
    attempts: doc.attempts,
    ...(extra.activityId !== undefined ? { activityId: extra.activityId } : {}),
    result: {
      at: deps.clock().toISOString(),
      ...(extra.httpStatus !== undefined ? { httpStatus: extra.httpStatus } : {}),
      code: extra.code ?? status,
    },
  };
  await deps.store.replace(next, doc.etag ?? "");
}
