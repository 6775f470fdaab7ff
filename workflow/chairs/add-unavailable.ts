import { ChairUnavailableSubmission } from "../../cards/chair-unavailable/submission";
import { buildChairUnavailableCard } from "../../cards/chair-unavailable/build";
import { parseSubmission } from "../../cards/common/errors";
import { submittedValues } from "../../cards/common/values";
import type { UnavailableKind } from "../../model";
import { formatHumanInstant, parseIsoDate } from "../../rules";
import { audit } from "../kernel/audit";
import * as cards from "../kernel/cards";
import type { WorkflowDeps } from "../kernel/deps";
import type { ActionRequest, ActionResponse, CardJson } from "../../ports";
import { cardResponse } from "../kernel/respond";
import { minutesOf } from "../booking/booking-slots";
import { localDate } from "./rota-days";
import { dutyDatesIn } from "./rota-store";
import { authoriseChairs } from "./staff";
import { addSlot, slotsOf } from "./unavailability";

const KIND_TEXT: Record<UnavailableKind, string> = {
  leave: "Annual leave",
  training: "Training",
  supervision: "Supervision",
  "duty-elsewhere": "Duty elsewhere",
  sickness: "Off sick",
};

/** Longest slot a chair can add in one go (a long absence is added again). */
const MAX_DAYS = 366;

/** The chair's own card: their slots from now on, and the form. */
export async function chairUnavailableCard(
  deps: WorkflowDeps,
  chair: { objectId: string; name: string },
  redisplay: { errors?: Record<string, string>; values?: Record<string, string> } = {},
): Promise<CardJson> {
  const now = deps.clock().getTime();
  const slots = (await slotsOf(deps, chair.objectId)).filter((s) => Date.parse(s.end) > now);
  return buildChairUnavailableCard({
    chairName: chair.name,
    upcoming: slots.slice(0, 20).map((s) => ({
      kindText: KIND_TEXT[s.kind],
      whenText: `${formatHumanInstant(Date.parse(s.start))} – ${formatHumanInstant(Date.parse(s.end))}`,
    })),
    ...redisplay,
  });
}

/**
 * verb chairs.unavailable.add (West Sussex "Supervision": unavailable slots marked
 * on the diary; docs/rules.md, policies `west-sussex`: booking skips them).
 * 1. authorise: a chair, for themselves only (a forged one is refused, audited);
 * 2. parse: real dates, times HH:MM, the end after the start, not over,
 *    at most a year; errors re-render the card with what was typed;
 * 3. store the slot (one conditional write; the same slot twice is once);
 * 4. audit (ids and kind only); warn if it falls on one of their duty days.
 */
export async function addUnavailable(
  deps: WorkflowDeps,
  request: ActionRequest,
): Promise<ActionResponse> {
  await authoriseChairs(deps, request.actor, ["chair"], request.verb);
  const again = async (errors: Record<string, string>) =>
    cardResponse(
      await chairUnavailableCard(deps, request.actor, {
        errors,
        values: submittedValues(request.data),
      }),
    );
  const parsed = parseSubmission(ChairUnavailableSubmission, request.data);
  if (!parsed.ok) return again(parsed.errors);
  const v = parsed.value;
  const cal = deps.policy.calendar;
  let startDay: number;
  let endDay: number;
  try {
    startDay = parseIsoDate(v.startDate, "The first day");
    endDay = parseIsoDate(v.endDate, "The last day");
  } catch (err) {
    return again({ startDate: err instanceof Error ? err.message : "Enter a real date" });
  }
  const start = cal.toInstant(startDay, minutesOf(v.startTime));
  const end = cal.toInstant(endDay, minutesOf(v.endTime));
  const now = deps.clock().getTime();
  if (end <= start) return again({ endDate: "The end must be after the start" });
  if (end <= now) return again({ endDate: "That slot is already over" });
  if (end - start > MAX_DAYS * 86_400_000)
    return again({ endDate: "Add at most a year at a time" });
  const startIso = new Date(start).toISOString();
  const slot = {
    id: `${request.actor.objectId}:${v.kind}:${startIso}`,
    kind: v.kind,
    start: startIso,
    end: new Date(end).toISOString(),
    addedBy: request.actor.objectId,
    addedAt: new Date(now).toISOString(),
  };
  const added = await addSlot(deps, request.actor.objectId, slot);
  if (added)
    await audit(deps, {
      actor: request.actor.objectId,
      action: "chair.unavailable-added",
      target: { type: "chair", id: request.actor.objectId },
      detail: { kind: v.kind, slotId: slot.id },
    });
  const duty = (await dutyDatesIn(deps, { start: new Date(start), end: new Date(end) })).get(
    request.actor.objectId,
  );
  const facts = [
    { title: "What", value: KIND_TEXT[v.kind] },
    { title: "From", value: formatHumanInstant(start) },
    { title: "To", value: formatHumanInstant(end) },
  ];
  return cardResponse(
    cards.done({
      title: added ? "Unavailable slot added" : "Already marked",
      message:
        duty !== undefined && duty.length > 0
          ? `You are on the duty rota on ${duty.join(", ")}: ask another chair to swap ("rota ${localDate(cal, new Date(start)).slice(0, 7)}").`
          : "The clerks will not be offered you for conferences in this slot.",
      facts,
    }),
  );
}
