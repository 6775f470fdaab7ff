import type { CallOutcome, Email, EmailResult } from "../ports/calendar";
import { classifyStatus, isRetryable, mayHaveTakenEffect, parseRetryAfter } from "./classify";
import type { Attempt, GraphCaller } from "./graph-caller";
import { nextDelayMs } from "./retry-policy";
import { MessageListSchema } from "./schemas";
import {
  BatchResponseSchema,
  MAX_BATCH_BYTES,
  MAX_BATCH_PARTS,
  chunkWithin,
  partHeader,
  toBatchBody,
  type BatchPart,
} from "./translate/batch";
import { sendMailUrl, sentItemsLookupUrl, toSendMail } from "./translate/mail";

/**
 * Individual emails (family invitations, escalations, police-check requests)
 * in `$batch`es of up to 20 sendMail parts, each email sent exactly once.
 *
 * 1. An email whose earlier attempt may have gone (`attempted`, or a lost
 *    answer in this call) is first looked up in the sender's Sent Items by
 *    its Convene id (translate/mail.ts), in a batch of GETs. Found: done,
 *    never sent again. Not found: it goes in the next send.
 * 2. The rest go as sendMail parts. A part that answered 202 is done and is
 *    never resent. 429 and 424 are refusals before any work: resent after
 *    Retry-After. A 5xx part, or a batch whose answer was lost, may have
 *    been sent: back to step 1 after `settleMs`.
 * 3. Rounds are bounded; what is left is reported per email (throttled or
 *    failed), and the caller retries it later with `attempted: true`.
 *
 * The residual risk, and why `settleMs`: sendMail is asynchronous (202 =
 * accepted), and Outlook writes the Sent Items copy when it submits the
 * message, normally within seconds. A send whose answer was lost and whose
 * copy is not there yet after `settleMs` is sent again. A longer settle
 * makes that rarer and slows only the rare in-doubt case.
 *
 * Needs Mail.Send and, for the look-up, Mail.Read on the sending mailbox
 * (docs/operations.md, "permissions"). Without Mail.Read the look-up answers 403 and the
 * email is reported `rejected`, never resent: at most once, and visible.
 */
export interface SendEmailsOptions {
  /** Wait before looking up an email whose answer was lost in this call. */
  settleMs: number;
  /** Rounds of (look up, send) before reporting what is left. */
  maxRounds: number;
}

export const DEFAULT_SEND_EMAILS_OPTIONS: SendEmailsOptions = { settleMs: 10_000, maxRounds: 6 };

type Stage = "send" | "look-up" | "finished";

interface Tracked {
  email: Email;
  stage: Stage;
  outcome: CallOutcome;
  httpStatus?: number;
  /** In doubt because of something that happened in this call (then settle first). */
  doubtedHere: boolean;
}

export async function sendEmails(
  caller: GraphCaller,
  from: string,
  emails: readonly Email[],
  options: SendEmailsOptions,
): Promise<EmailResult[]> {
  const tracked: Tracked[] = emails.map((email) => ({
    email,
    stage: email.attempted === true ? "look-up" : "send",
    outcome: "failed",
    doubtedHere: false,
  }));
  const { logger } = caller.runtime;

  for (let round = 1; round <= options.maxRounds; round++) {
    let retryAfterMs: number | undefined;
    const noteRetryAfter = (ms: number | undefined): void => {
      if (ms !== undefined) retryAfterMs = Math.max(retryAfterMs ?? 0, ms);
    };

    const toLookUp = tracked.filter((t) => t.stage === "look-up");
    if (toLookUp.length > 0) {
      if (toLookUp.some((t) => t.doubtedHere)) await caller.runtime.sleep(options.settleMs);
      await lookUp(caller, from, toLookUp, noteRetryAfter);
    }

    const toSend = tracked.filter((t) => t.stage === "send");
    if (toSend.length > 0) await send(caller, from, toSend, noteRetryAfter);

    const left = tracked.filter((t) => t.stage !== "finished");
    logger.info(
      {
        op: "mail.send",
        round,
        emails: tracked.length,
        done: tracked.filter((t) => t.stage === "finished" && t.outcome === "done").length,
        toSend: left.filter((t) => t.stage === "send").length,
        toLookUp: left.filter((t) => t.stage === "look-up").length,
      },
      "email round",
    );
    if (left.length === 0) break;
    if (round === options.maxRounds) break;
    // What is left to look up because of this call waits `settleMs` at the
    // start of the next round anyway; anything else backs off (or honours
    // Retry-After) first.
    const needsBackoff =
      retryAfterMs !== undefined || left.some((t) => t.stage === "send" || !t.doubtedHere);
    if (!needsBackoff) continue;
    const delay = nextDelayMs(
      { ...caller.policy, maxAttempts: options.maxRounds },
      round,
      retryAfterMs,
      caller.runtime.random,
    );
    if (delay === undefined) break;
    await caller.runtime.sleep(delay);
  }

  return tracked.map((t) => {
    if (t.stage === "look-up" || t.stage === "send") {
      // Still unknown or not sent: the caller retries later with attempted: true.
      logger.warn(
        { op: "mail.send", emailId: t.email.id, outcome: t.outcome, status: t.httpStatus },
        "email not confirmed sent",
      );
    }
    return {
      id: t.email.id,
      outcome: t.outcome,
      ...(t.httpStatus !== undefined ? { httpStatus: t.httpStatus } : {}),
    };
  });
}

/** Step 1: one GET part per email against Sent Items. */
async function lookUp(
  caller: GraphCaller,
  from: string,
  items: Tracked[],
  noteRetryAfter: (ms: number | undefined) => void,
): Promise<void> {
  await forEachBatch(
    caller,
    "mail.look-up",
    items,
    (t) => ({
      method: "GET",
      url: sentItemsLookupUrl(from, t.email.id),
    }),
    (t, status, body, retryAfterMs) => {
      t.httpStatus = status;
      const outcome = classifyStatus(status, retryAfterMs !== undefined);
      if (outcome === "done") {
        const found = MessageListSchema.safeParse(body);
        if (!found.success) {
          t.outcome = "failed"; // stays in look-up: never send on an answer we cannot read
          return;
        }
        t.doubtedHere = false;
        if (found.data.value.length > 0) {
          finish(t, "done", 202); // it went, earlier: report it as the send it was
        } else {
          t.stage = "send";
        }
        return;
      }
      if (isRetryable(outcome)) {
        noteRetryAfter(retryAfterMs);
        t.outcome = outcome; // look up again next round
        return;
      }
      finish(t, outcome, status);
    },
    () => {
      // The look-up's own answer was lost: harmless, it is only a read.
    },
  );
}

/** Step 2: one sendMail part per email. */
async function send(
  caller: GraphCaller,
  from: string,
  items: Tracked[],
  noteRetryAfter: (ms: number | undefined) => void,
): Promise<void> {
  await forEachBatch(
    caller,
    "mail.send-batch",
    items,
    (t) => ({
      method: "POST",
      url: sendMailUrl(from),
      body: toSendMail(t.email),
    }),
    (t, status, _body, retryAfterMs) => {
      t.httpStatus = status;
      const outcome = classifyStatus(status, retryAfterMs !== undefined);
      if (outcome === "done") {
        finish(t, "done", status);
      } else if (isRetryable(outcome)) {
        noteRetryAfter(retryAfterMs);
        t.outcome = outcome;
        if (mayHaveTakenEffect(status)) doubt(t);
      } else {
        finish(t, outcome, status);
      }
    },
    (t) => {
      t.outcome = "failed";
      delete t.httpStatus;
      doubt(t);
    },
  );
}

function finish(t: Tracked, outcome: CallOutcome, status: number): void {
  t.stage = "finished";
  t.outcome = outcome;
  t.httpStatus = status;
}

function doubt(t: Tracked): void {
  t.stage = "look-up";
  t.doubtedHere = true;
}

/**
 * Sends `items` in batches of up to 20, and under 4 MB (emails with
 * attachments: translate/batch.ts MAX_BATCH_BYTES), each batch holding up to 4 limiter
 * permits: Graph runs four parts at a time against Outlook) and hands each
 * part's answer to `onPart`, or `onLost` when the batch itself failed in a
 * way that leaves its parts unknown.
 */
async function forEachBatch(
  caller: GraphCaller,
  op: string,
  items: Tracked[],
  toPart: (t: Tracked) => Omit<BatchPart, "id">,
  onPart: (t: Tracked, status: number, body: unknown, retryAfterMs: number | undefined) => void,
  onLost: (t: Tracked) => void,
): Promise<void> {
  const sized = items.map((t) => {
    const part = toPart(t);
    const bytes = part.body === undefined ? 0 : Buffer.byteLength(JSON.stringify(part.body));
    return { t, part, bytes: bytes + part.url.length + 100 };
  });
  await Promise.all(
    chunkWithin(sized, MAX_BATCH_PARTS, MAX_BATCH_BYTES, (s) => s.bytes).map(async (sizedGroup) => {
      const group = sizedGroup.map((s) => s.t);
      const parts = sizedGroup.map((s, i) => ({ id: String(i + 1), ...s.part }));
      const call = {
        op,
        method: "POST" as const,
        path: "/$batch",
        body: toBatchBody(parts),
        weight: Math.min(4, parts.length),
      };
      const attempt: Attempt = await caller.attempt(call);
      const answer = attempt.answer;
      if (attempt.outcome !== "done" || answer === undefined) {
        caller.log("debug", call, attempt, 1, "batch failed as a whole");
        for (const t of group) {
          if (attempt.inDoubt) {
            onLost(t);
          } else if (answer !== undefined) {
            // 429/503 on the batch: nothing in it ran. 4xx: Convene's fault, for every part.
            onPart(t, answer.status, undefined, attempt.retryAfterMs);
          } else {
            // No token: nothing was sent. A refusal is final, anything else waits a round.
            t.outcome = attempt.outcome;
            if (attempt.outcome === "rejected") t.stage = "finished";
          }
        }
        return;
      }
      const parsed = BatchResponseSchema.safeParse(answer.body);
      const byId = new Map((parsed.success ? parsed.data.responses : []).map((r) => [r.id, r]));
      group.forEach((t, i) => {
        const part = byId.get(String(i + 1));
        if (part === undefined) {
          onLost(t); // an answer without this part says nothing about it
          return;
        }
        const retryAfterMs = parseRetryAfter(
          partHeader(part, "Retry-After"),
          caller.runtime.clock(),
        );
        onPart(t, part.status, part.body, retryAfterMs);
      });
    }),
  );
}
