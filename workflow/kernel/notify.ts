import type { Notification, PersonRef } from "../../model";
import type { WorkflowDeps } from "./deps";
import type { CardJson } from "../../ports";
import { TransientError } from "./errors";
import { raiseIncident } from "./incidents";
import { cardInPlainWords } from "../../cards/common/plain-words";
import { alertServiceOwners } from "./alert-service-owners";
import { claim, claimState, findOrCreate, record, sendEmailsOnce } from "./email-once";

export { sendEmailsOnce, IN_FLIGHT_MS, type EmailNotice } from "./email-once";
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
 * docs/architecture.md, idempotent sends (Company Communicator's SendFunction):
 * 1. find or create the notification by its deterministic id;
 * 2. if it was already sent, do nothing;
 * 3. send, then record the outcome (sent, throttled, recipient gone, failed);
 * 4. throttled or failed: throw a TransientError so the scheduler retries
 *    the task later; a recipient who removed the app is recorded and not
 *    retried (the notification stays visible as recipient-gone).
 */
/** One incident per interrupted claim, whoever finds it (a restart or the task's re-run). */
export const inDoubtIncidentId = (n: Pick<Notification, "id" | "attempts">): string =>
  `in-doubt:${n.id}:${n.attempts}`;

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
      id: inDoubtIncidentId(existing),
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
  if (status === "recipient-gone" && result.unreachable === "install-refused")
    await tellServiceOwnersUnreachable(deps, notice);
  return status === "sent" ? "sent" : "recipient-gone";
}

/**
 * Someone Teams cannot reach (Convene could not be installed for them, or
 * they removed it) must still hear of an escalation: they get the card's
 * content by email, sent once, in plain words, with a link that opens
 * Convene's chat in Teams. The card's buttons are named as what can be done
 * in Teams, never as links: an email gets forwarded, and nothing in it may
 * act without signing in. The subject is the preview, which names no child.
 */
async function emailInstead(deps: WorkflowDeps, notice: CardNotice): Promise<void> {
  const { lines, actions } = cardInPlainWords(notice.card);
  const content = lines.length > 0 ? lines : [`${notice.preview}.`];
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
          "Convene could not show you this in Microsoft Teams, so here it is by email.",
          "",
          ...content,
          "",
          ...(actions.length > 0 ? [`In Teams you can answer it: ${actions.join(", ")}.`, ""] : []),
          deps.teamsChatLink !== undefined
            ? `Open Convene in Teams (you will need to sign in): ${deps.teamsChatLink}`
            : "Open Convene in Microsoft Teams (Apps) to act on it.",
          "If Convene is not available to you in Teams, please contact the conference clerks.",
        ].join("\n"),
      },
    },
  ]);
}

/**
 * Convene could not be installed for the person in Teams (an app
 * permission policy, or a permission Convene lacks): the service owners
 * learn that the person cannot be reached in Teams, once per person (ids in
 * the subject's place would say nothing to them, so the person's name).
 */
async function tellServiceOwnersUnreachable(deps: WorkflowDeps, notice: CardNotice): Promise<void> {
  await alertServiceOwners(deps, {
    id: `alert:unreachable:${notice.recipient.entraObjectId}`,
    kind: "alert.unreachable-in-teams",
    subject: `${notice.recipient.name} cannot be reached in Teams`,
    lines: [
      `Convene could not be installed in Teams for ${notice.recipient.name} (${notice.recipient.email}):`,
      "the council's Teams app settings, or Convene's own permissions, do not allow it.",
      "Until that changes they get Convene's messages by email and cannot act on them in Teams.",
      "Please allow Convene for them in the Teams admin centre (app permission policies).",
    ],
  });
}
