import type { Notification, PersonRef } from "../../model";
import { isStoreError } from "../../ports/store";
import type { WorkflowDeps } from "./deps";
import type { CardJson, Email } from "../../ports";
import { TransientError } from "./errors";
import { PermanentTaskError } from "../../ports/task-errors";
import { raiseIncident } from "./incidents";

export interface CardNotice {
  /** Deterministic (`${taskId}:${recipientObjectId}`): a retried task sends each card once. */
  id: string;
  kind: string;
  recipient: PersonRef;
  card: CardJson;
  /** The Teams notification preview: never a child's name. */
  preview: string;
  taskId?: string;
  caseId?: string;
  meetingId?: string;
  /**
   * false when the caller emails a recipient who is gone from Teams itself,
   * with more than the preview (a list goes with its CSV): one email, not two.
   */
  emailFallback?: boolean;
}

type Delivery = "sent" | "already-sent" | "recipient-gone";

/**
 * DESIGN.md habit 3 (Company Communicator's SendFunction):
 * 1. find or create the notification by its deterministic id;
 * 2. if it was already sent, do nothing;
 * 3. send, then record the outcome (sent, throttled, recipient gone, failed);
 * 4. throttled or failed: throw a TransientError so the scheduler retries
 *    the task later; a recipient who removed the app is recorded and not
 *    retried (the notification stays visible as recipient-gone).
 */
export async function sendCardOnce(deps: WorkflowDeps, notice: CardNotice): Promise<Delivery> {
  const { doc: existing } = await findOrCreate(deps, notice.id, () => ({
    kind: notice.kind,
    channel: "teams",
    recipient: notice.recipient.entraObjectId,
    taskId: notice.taskId,
    caseId: notice.caseId,
    meetingId: notice.meetingId,
  }));
  if (existing.status === "sent") return "already-sent";
  if (existing.status === "recipient-gone") return "recipient-gone";
  const state = claimState(deps, existing);
  // Someone is sending it now (another task about the same thing): come back
  // later, by when it is recorded, rather than send it twice.
  if (state === "in-flight") {
    throw new TransientError(
      "Notification.in-flight",
      `card ${notice.kind} being sent by another run`,
    );
  }
  // Claim it first (IfMatch): of two senders racing (two tasks at one
  // instant, a double click), one wins and the other leaves it to them.
  const claimed = await claim(deps, existing);
  if (claimed === undefined) {
    throw new TransientError(
      "Notification.in-flight",
      `card ${notice.kind} claimed by another run`,
    );
  }
  if (state === "in-doubt") {
    // A sender stopped between sending and recording (a crash, a kill).
    // Teams has no "sent items" to look in: it is sent again so it surely
    // arrives, and the possible duplicate is reported, never silent.
    await raiseIncident(deps, {
      id: `in-doubt:${existing.id}:${existing.attempts}`,
      kind: "in-doubt-send",
      reason: `Notification.in-doubt: claimed at ${existing.claimedAt ?? "an unknown time"}, outcome never recorded`,
      notificationId: existing.id,
      ...(notice.taskId !== undefined ? { taskId: notice.taskId } : {}),
      ...(notice.caseId !== undefined ? { caseId: notice.caseId } : {}),
      ...(notice.meetingId !== undefined ? { meetingId: notice.meetingId } : {}),
    });
  }
  const result = await deps.notifier.sendCard(
    notice.recipient.entraObjectId,
    notice.card,
    notice.preview,
  );
  const status: Notification["status"] = result.outcome;
  await record(deps, claimed, status, {
    ...(result.httpStatus !== undefined ? { httpStatus: result.httpStatus } : {}),
    ...(result.activityId !== undefined ? { activityId: result.activityId } : {}),
  });
  if (status === "throttled" || status === "failed") {
    throw new TransientError(`Teams.${status}`, `card ${notice.kind} not delivered yet`);
  }
  if (status === "recipient-gone" && notice.emailFallback !== false)
    await emailInstead(deps, notice);
  return status === "sent" ? "sent" : "recipient-gone";
}

/**
 * Someone without the app in Teams (never installed, or removed it) must
 * still hear of an escalation: they get the preview by email, sent once,
 * with how to get the card. The preview names no child (it is written for a
 * lock screen), so it is fit for an email subject too.
 */
async function emailInstead(deps: WorkflowDeps, notice: CardNotice): Promise<void> {
  await sendEmailsOnce(deps, deps.authority.organizer, [
    {
      kind: `${notice.kind}-by-email`,
      ...(notice.taskId !== undefined ? { taskId: notice.taskId } : {}),
      ...(notice.caseId !== undefined ? { caseId: notice.caseId } : {}),
      ...(notice.meetingId !== undefined ? { meetingId: notice.meetingId } : {}),
      email: {
        id: `${notice.id}:email`,
        to: { email: notice.recipient.email, name: notice.recipient.name },
        subject: `Convene: ${notice.preview}`,
        bodyText: [
          `Dear ${notice.recipient.name},`,
          "",
          `${notice.preview}.`,
          "",
          "Convene could not reach you in Microsoft Teams: the Convene app is not installed for you.",
          "Please add Convene in Teams (Apps) to see the details and act on them, or contact the conference clerks.",
        ].join("\n"),
      },
    },
  ]);
}

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

async function findOrCreate(
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
function claimState(
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
async function claim(deps: WorkflowDeps, doc: Notification): Promise<Notification | undefined> {
  try {
    return await deps.store.replace(
      { ...doc, attempts: doc.attempts + 1, claimedAt: deps.clock().toISOString() },
      doc.etag ?? "",
    );
  } catch (err) {
    if (isStoreError(err, "PreconditionFailed")) return undefined;
    throw err;
  }
}

async function record(
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
