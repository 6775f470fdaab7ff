import type { Notification } from "../../model";
import { isStoreError } from "../../ports/store";
import type { WorkflowDeps } from "./deps";
import type { Email } from "../../ports";
import { TransientError } from "./errors";

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
  for (const notice of notices) {
    const { doc, created } = await findOrCreate(deps, notice.email.id, () => ({
      kind: notice.kind,
      channel: "email",
      taskId: notice.taskId,
      caseId: notice.caseId,
      meetingId: notice.meetingId,
    }));
    if (doc.status === "sent" || doc.status === "recipient-gone") alreadySent += 1;
    else {
      // Found and not sent: an earlier run may have sent it and died before
      // recording it, so the adapter looks in Sent Items before sending again.
      const claimed = await claim(deps, doc);
      if (claimed === undefined) alreadySent += 1;
      else pending.push({ notice, doc: claimed, attempted: !created });
    }
  }
  if (pending.length === 0) return { sent: 0, alreadySent };
  const results = await deps.calendar.sendEmails(
    from,
    pending.map((p) => (p.attempted ? { ...p.notice.email, attempted: true } : p.notice.email)),
  );
  const byId = new Map(results.map((r) => [r.id, r]));
  let sent = 0;
  let unfinished = 0;
  for (const { doc } of pending) {
    const r = byId.get(doc.id);
    const status: Notification["status"] =
      r === undefined
        ? "failed"
        : r.outcome === "done"
          ? "sent"
          : r.outcome === "gone"
            ? "recipient-gone"
            : r.outcome === "throttled"
              ? "throttled"
              : "failed";
    // Refused by Graph (400/403: a bad address, a permission): recorded as
    // failed for an administrator to see, and not retried: retrying cannot fix it.
    const permanent = r?.outcome === "rejected";
    await record(
      deps,
      doc,
      status,
      r?.httpStatus !== undefined ? { httpStatus: r.httpStatus } : {},
    );
    if (status === "sent") sent += 1;
    if ((status === "throttled" || status === "failed") && !permanent) unfinished += 1;
  }
  if (unfinished > 0) {
    throw new TransientError("Mail.unfinished", `${unfinished} email(s) not sent yet`);
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

/** attempts + 1 under the document's etag; undefined when someone else claimed it first. */
export async function claim(
  deps: WorkflowDeps,
  doc: Notification,
): Promise<Notification | undefined> {
  try {
    return await deps.store.replace({ ...doc, attempts: doc.attempts + 1 }, doc.etag ?? "");
  } catch (err) {
    if (isStoreError(err, "PreconditionFailed")) return undefined;
    throw err;
  }
}

export async function record(
  deps: WorkflowDeps,
  doc: Notification,
  status: Notification["status"],
  extra: { httpStatus?: number; activityId?: string },
): Promise<void> {
  const next: Notification = {
    ...doc,
    status,
    attempts: doc.attempts,
    ...(extra.activityId !== undefined ? { activityId: extra.activityId } : {}),
    result: {
      at: deps.clock().toISOString(),
      ...(extra.httpStatus !== undefined ? { httpStatus: extra.httpStatus } : {}),
      code: status,
    },
  };
  await deps.store.replace(next, doc.etag ?? "");
}
