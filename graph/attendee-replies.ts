import type { CallOutcome, Mailbox } from "../ports/calendar";
import { CalendarError } from "../ports/calendar";
import type { AttendeeReply } from "../ports/replies";
import { classifyStatus, isRetryable, parseRetryAfter } from "./classify";
import { toCalendarError, type Call, type GraphCaller } from "./graph-caller";
import { nextDelayMs } from "./retry-policy";
import {
  BatchResponseSchema,
  MAX_BATCH_PARTS,
  chunk,
  partHeader,
  toBatchBody,
} from "./translate/batch";
import { EventAttendeesSchema, eventAttendeesUrl, fromEventAttendees } from "./translate/replies";

/**
 * The attendees' replies of many events, 20 events per `POST /$batch`
 * (200 events = 10 requests), each batch through the caller's limiter
 * (4 permits: Graph runs four parts at a time against Outlook).
 *
 * Every part is a GET, so anything unfinished is simply asked again:
 * - 200: read (zod); its replies are in the answer;
 * - 404/410: the event is gone (cancelled, deleted): absent from the answer;
 * - 429, 503, 5xx, 424, a part missing from the answer, or the whole batch
 *   throttled, failed or lost: asked again next round, after the largest
 *   Retry-After seen (or the caller's backoff);
 * - any other 4xx (403: no Calendars.Read on the mailbox): the call fails
 *   `rejected` at once; retrying cannot help.
 * Rounds are bounded by the caller's policy. If some events are still
 * unanswered after the last round, the call fails with their outcome
 * (throttled or failed) rather than answer without them: an absent event
 * means "gone", and a throttled one is not. The scheduler polls again later.
 */
export async function readAttendeeReplies(
  caller: GraphCaller,
  organizer: Mailbox,
  eventIds: readonly string[],
): Promise<Map<string, AttendeeReply[]>> {
  const out = new Map<string, AttendeeReply[]>();
  let pending = [...new Set(eventIds)];
  let gone = 0;
  const { logger } = caller.runtime;

  for (let round = 1; pending.length > 0; round++) {
    const left: string[] = [];
    let retryAfterMs: number | undefined;
    let lastOutcome: Exclude<CallOutcome, "done"> = "failed";
    let lastStatus: number | undefined;

    await Promise.all(
      chunk(pending, MAX_BATCH_PARTS).map(async (group) => {
        const call: Call = {
          op: "event.replies-batch",
          method: "POST",
          path: "/$batch",
          body: toBatchBody(
            group.map((eventId, i) => ({
              id: String(i + 1),
              method: "GET",
              url: eventAttendeesUrl(organizer, eventId),
            })),
          ),
          weight: Math.min(4, group.length),
        };
        const attempt = await caller.attempt(call);
        if (attempt.outcome !== "done" || attempt.answer === undefined) {
          if (!isRetryable(attempt.outcome)) throw toCalendarError(call, attempt);
          caller.log("debug", call, attempt, round, "replies batch failed as a whole");
          left.push(...group);
          lastOutcome = attempt.outcome === "done" ? "failed" : attempt.outcome;
          lastStatus = attempt.answer?.status;
          if (attempt.retryAfterMs !== undefined) {
            retryAfterMs = Math.max(retryAfterMs ?? 0, attempt.retryAfterMs);
          }
          return;
        }
        const batch = BatchResponseSchema.safeParse(attempt.answer.body);
        const byId = new Map((batch.success ? batch.data.responses : []).map((r) => [r.id, r]));
        group.forEach((eventId, i) => {
          const part = byId.get(String(i + 1));
          if (part === undefined) {
            left.push(eventId); // an answer without this part says nothing about it
            return;
          }
          const partRetryAfter = parseRetryAfter(
            partHeader(part, "Retry-After"),
            caller.runtime.clock(),
          );
          const outcome = classifyStatus(part.status, partRetryAfter !== undefined);
          if (outcome === "done") {
            const event = EventAttendeesSchema.safeParse(part.body);
            if (event.success) {
              out.set(eventId, fromEventAttendees(event.data));
            } else {
              left.push(eventId); // never report replies from an answer we cannot read
              lastOutcome = "failed";
            }
          } else if (outcome === "gone") {
            gone++;
          } else if (isRetryable(outcome)) {
            left.push(eventId);
            lastOutcome = outcome;
            lastStatus = part.status;
            if (partRetryAfter !== undefined) {
              retryAfterMs = Math.max(retryAfterMs ?? 0, partRetryAfter);
            }
          } else {
            logger.warn(
              { op: call.op, eventId, status: part.status, outcome },
              "replies part refused",
            );
            throw new CalendarError(outcome, `${call.op}: HTTP ${part.status}`, part.status);
          }
        });
      }),
    );

    logger.debug(
      {
        op: "event.replies",
        round,
        events: eventIds.length,
        read: out.size,
        gone,
        left: left.length,
      },
      "replies round",
    );
    pending = left;
    if (pending.length === 0) break;
    const delay = nextDelayMs(caller.policy, round, retryAfterMs, caller.runtime.random);
    if (delay === undefined) {
      logger.warn(
        { op: "event.replies", rounds: round, left: pending.length, outcome: lastOutcome },
        "replies not all read",
      );
      throw new CalendarError(
        lastOutcome,
        `event.replies: ${pending.length} of ${eventIds.length} events unanswered after ${round} rounds`,
        lastStatus,
        retryAfterMs,
      );
    }
    await caller.runtime.sleep(delay);
  }

  logger.info(
    { op: "event.replies", events: eventIds.length, read: out.size, gone },
    "replies read",
  );
  return out;
}
