import { buildSwapRequestCard } from "../../cards/duty-rota/build";
import { RotaSwapAnswerSubmission, RotaSwapSubmission } from "../../cards/duty-rota/submission";
import { parseSubmission } from "../../cards/common/errors";
import { submittedValues } from "../../cards/common/values";
import type { DutyRota, RotaSwap } from "../../model";
import { formatHumanDate, parseIsoDate } from "../../rules";
import { audit } from "../kernel/audit";
import * as cards from "../kernel/cards";
import type { WorkflowDeps } from "../kernel/deps";
import { WorkflowError } from "../kernel/errors";
import { sendCardOnce } from "../kernel/notify";
import type { ActionRequest, ActionResponse } from "../../ports";
import { updateDoc } from "../kernel/update-doc";
import { cardResponse } from "../kernel/respond";
import { rotaCard } from "./rota-card";
import { dayInterval } from "./rota-days";
import { checkSwap } from "./rota-swap";
import { loadRota } from "./rota-store";
import { authoriseChairs, isChair, personOf } from "./staff";
import { unavailableIn, unavailableOnDay } from "./unavailability";

const dayText = (date: string) => formatHumanDate(parseIsoDate(date));

/** checkSwap against the rota as stored now, with both chairs' unavailability. */
async function verify(
  deps: WorkflowDeps,
  rota: DutyRota,
  first: RotaSwap["first"],
  second: RotaSwap["second"],
) {
  const cal = deps.policy.calendar;
  const dates = [first.date, second.date].sort();
  const slots = await unavailableIn(deps, [first.chairId, second.chairId], {
    start: dayInterval(cal, dates[0] as string).start,
    end: dayInterval(cal, dates[1] as string).end,
  });
  return (r: Pick<DutyRota, "days" | "month">) =>
    checkSwap({
      rota: r,
      first,
      second,
      isChair: (id) => isChair(deps.authority, id),
      unavailable: (c, d) => unavailableOnDay(slots.get(c) ?? [], dayInterval(cal, d)),
    });
}

/** Applies a checked swap in one conditional write of the month's rota (model/duty-rota.ts). */
async function apply(
  deps: WorkflowDeps,
  rota: DutyRota,
  swap: RotaSwap,
  check: Awaited<ReturnType<typeof verify>>,
  by: string,
): Promise<DutyRota> {
  const { doc } = await updateDoc(deps.store, "duty-rota", rota.id, rota.pk, (current) => {
    const result = check(current);
    if (!result.ok) throw new WorkflowError("Conflict", result.reason);
    const done: RotaSwap = {
      ...swap,
      status: "done",
      decidedBy: by,
      decidedAt: deps.clock().toISOString(),
    };
    return {
      ...current,
      days: result.days,
      swaps: [...current.swaps.filter((s) => s.id !== swap.id), done],
    };
  });
  return doc;
}

/**
 * verb chairs.rota.swap (West Sussex: "This inevitably then requires some swaps").
 * 1. parse; authorise: a chair (giving one of their own days) or the
 *    chairs' team manager (any two days);
 * 2. both days on this month's rota, each chair able to take the other's
 *    day: otherwise refused with the reason and nothing changed (checkSwap);
 * 3. the team manager's swap is applied at once; a chair's goes to the
 *    other chair to accept (card, sent once);
 * 4. audited by ids.
 */
export async function requestSwap(
  deps: WorkflowDeps,
  request: ActionRequest,
): Promise<ActionResponse> {
  const roles = await authoriseChairs(deps, request.actor, ["chair", "manager"], request.verb);
  const parsed = parseSubmission(RotaSwapSubmission, request.data);
  const month =
    typeof (request.data as { month?: unknown })?.month === "string"
      ? String((request.data as { month: string }).month)
      : "";
  if (!parsed.ok) {
    const rota = await loadRota(deps, parsed.errors.month === undefined ? month : "");
    return cardResponse(
      rotaCard(deps.authority, rota, true, {
        errors: parsed.errors,
        values: submittedValues(request.data),
      }),
    );
  }
  const v = parsed.value;
  const rota = await loadRota(deps, v.month);
  const chairOn = (date: string) => rota.days.find((d) => d.date === date)?.chairId;
  const firstChair = chairOn(v.firstDate);
  const secondChair = chairOn(v.secondDate);
  if (firstChair === undefined || secondChair === undefined) {
    const missing = firstChair === undefined ? v.firstDate : v.secondDate;
    throw new WorkflowError(
      "Conflict",
      `${missing} is not a working day on the ${v.month} rota: a swap there would leave a day without a duty chair. Nothing was changed.`,
    );
  }
  const manager = roles.has("manager");
  if (!manager && firstChair !== request.actor.objectId) {
    await audit(deps, {
      actor: request.actor.objectId,
      action: "action.refused",
      target: { type: "duty-rota", id: rota.id },
      detail: { verb: request.verb, code: "Forbidden" },
    });
    throw new WorkflowError(
      "Forbidden",
      `${v.firstDate} is not your duty day: a chair swaps only their own days.`,
    );
  }
  const swap: RotaSwap = {
    id: `swap:${v.firstDate}:${v.secondDate}:${deps.clock().getTime()}`,
    first: { date: v.firstDate, chairId: firstChair },
    second: { date: v.secondDate, chairId: secondChair },
    status: "requested",
    requestedBy: request.actor.objectId,
    requestedAt: deps.clock().toISOString(),
  };
  const check = await verify(deps, rota, swap.first, swap.second);
  const result = check(rota);
  if (!result.ok) throw new WorkflowError("Conflict", `${result.reason} Nothing was changed.`);
  if (manager && (firstChair !== request.actor.objectId || !roles.has("chair"))) {
    const saved = await apply(deps, rota, swap, check, request.actor.objectId);
    await audit(deps, {
      actor: request.actor.objectId,
      action: "rota.swapped",
      target: { type: "duty-rota", id: rota.id },
      detail: { swapId: swap.id },
    });
    return cardResponse(rotaCard(deps.authority, saved, true));
  }
  await updateDoc(deps.store, "duty-rota", rota.id, rota.pk, (current) => ({
    ...current,
    swaps: [...current.swaps, swap],
  }));
  await audit(deps, {
    actor: request.actor.objectId,
    action: "rota.swap-requested",
    target: { type: "duty-rota", id: rota.id },
    detail: { swapId: swap.id },
  });
  const other = personOf(deps.authority, secondChair);
  await sendCardOnce(deps, {
    id: `${rota.id}:${swap.id}:request`,
    kind: "rota-swap-request",
    recipient: other,
    card: buildSwapRequestCard({
      month: v.month,
      swapId: swap.id,
      requesterName: request.actor.name,
      theirDayText: dayText(v.firstDate),
      yourDayText: dayText(v.secondDate),
    }),
    preview: "A chair asks to swap duty days with you",
  });
  return cardResponse(
    cards.done({
      title: "Swap asked for",
      message: `${other.name} is asked to take ${dayText(v.firstDate)} for ${dayText(v.secondDate)}. The rota changes when they accept.`,
    }),
  );
}

/** verbs chairs.rota.swap-accept / swap-decline: only the other chair; checked again against the rota as it is now. */
export async function answerSwap(
  deps: WorkflowDeps,
  request: ActionRequest,
): Promise<ActionResponse> {
  await authoriseChairs(deps, request.actor, ["chair", "manager"], request.verb);
  const parsed = parseSubmission(RotaSwapAnswerSubmission, request.data);
  if (!parsed.ok) throw new WorkflowError("BadInput", "The card is missing its month or swap.");
  const rota = await loadRota(deps, parsed.value.month);
  const swap = rota.swaps.find((s) => s.id === parsed.value.swapId);
  if (swap === undefined) throw new WorkflowError("NotFound", "That swap is not on the rota.");
  if (swap.second.chairId !== request.actor.objectId) {
    await audit(deps, {
      actor: request.actor.objectId,
      action: "action.refused",
      target: { type: "duty-rota", id: rota.id },
      detail: { verb: request.verb, code: "Forbidden", swapId: swap.id },
    });
    throw new WorkflowError("Forbidden", "only the chair asked to swap can answer");
  }
  if (swap.status !== "requested")
    return cardResponse(
      cards.done({ title: "Already answered", message: `This swap is ${swap.status}.` }),
    );
  const accept = request.verb.endsWith("accept");
  if (accept) {
    const check = await verify(deps, rota, swap.first, swap.second);
    await apply(deps, rota, swap, check, request.actor.objectId);
  } else {
    await updateDoc(deps.store, "duty-rota", rota.id, rota.pk, (current) => ({
      ...current,
      swaps: current.swaps.map((s) =>
        s.id === swap.id && s.status === "requested"
          ? {
              ...s,
              status: "declined" as const,
              decidedBy: request.actor.objectId,
              decidedAt: deps.clock().toISOString(),
            }
          : s,
      ),
    }));
  }
  await audit(deps, {
    actor: request.actor.objectId,
    action: accept ? "rota.swapped" : "rota.swap-declined",
    target: { type: "duty-rota", id: rota.id },
    detail: { swapId: swap.id },
  });
  const requester = personOf(deps.authority, swap.requestedBy);
  await sendCardOnce(deps, {
    id: `${rota.id}:${swap.id}:answer`,
    kind: "rota-swap-answer",
    recipient: requester,
    card: cards.done({
      title: accept ? "Swap accepted" : "Swap declined",
      message: `${dayText(swap.first.date)} for ${dayText(swap.second.date)}: ${accept ? "the rota has changed" : "the rota is unchanged"}.`,
    }),
    preview: accept ? "Your duty day swap was accepted" : "Your duty day swap was declined",
  });
  return cardResponse(
    cards.done({
      title: accept ? "Swapped" : "Declined",
      message: accept
        ? `You are now on duty on ${dayText(swap.first.date)} instead of ${dayText(swap.second.date)}.`
        : "The rota is unchanged; the other chair is told.",
    }),
  );
}
