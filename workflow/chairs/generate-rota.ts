import { RotaGenerateSubmission } from "../../cards/duty-rota/submission";
import { parseSubmission } from "../../cards/common/errors";
import { isStoreError } from "../../ports/store";
import { rotaId, rotaPk, type DutyRota } from "../../model";
import { audit } from "../kernel/audit";
import type { WorkflowDeps } from "../kernel/deps";
import { WorkflowError } from "../kernel/errors";
import type { ActionRequest, ActionResponse, Actor } from "../../ports";
import { cardResponse } from "../kernel/respond";
import { rotaCard } from "./rota-card";
import { dayInterval, workingDaysOfMonth } from "./rota-days";
import { fairRota } from "./rota-fair";
import { findRota } from "./rota-store";
import { authoriseChairs, chairsOf } from "./staff";
import { unavailableIn, unavailableOnDay } from "./unavailability";

/**
 * Makes a month's duty rota (West Sussex: "The Team Manager writes the rota ...
 * giving us our fair share of days"):
 * 1. the month's working days (docs/rules.md, counting time);
 * 2. each chair's unavailable slots that month (one read per chair);
 * 3. fairRota: one duty chair a day, a fair share, nobody on a day they
 *    are away; a day nobody can cover refuses the whole rota, naming it;
 * 4. stored once (a rota already made is kept: change it by swaps).
 */
export async function makeRota(
  deps: WorkflowDeps,
  month: string,
  by: string | "system",
): Promise<{ rota: DutyRota; created: boolean }> {
  const existing = await findRota(deps, month);
  if (existing !== undefined) return { rota: existing, created: false };
  const cal = deps.policy.calendar;
  const days = workingDaysOfMonth(cal, month);
  if (days.length === 0) throw new WorkflowError("BadInput", `${month} has no working days.`);
  const chairs = chairsOf(deps.authority).map((c) => c.entraObjectId);
  if (chairs.length === 0) throw new WorkflowError("Conflict", "The authority has no chairs.");
  const range = {
    start: dayInterval(cal, days[0] as string).start,
    end: dayInterval(cal, days[days.length - 1] as string).end,
  };
  const slots = await unavailableIn(deps, chairs, range);
  const result = fairRota({
    days,
    chairs,
    unavailable: (chair, date) => unavailableOnDay(slots.get(chair) ?? [], dayInterval(cal, date)),
    offset: Number(month.slice(5, 7)) - 1,
  });
  if (!result.ok)
    throw new WorkflowError(
      "Conflict",
      `No chair is available on ${result.uncovered.join(", ")}: free a chair on those days, then make the rota again.`,
    );
  const a = deps.authority.id;
  const rota: DutyRota = {
    id: rotaId(a, month),
    type: "duty-rota",
    pk: rotaPk(a),
    authorityId: a,
    month,
    days: result.days,
    swaps: [],
    sick: [],
    covers: [],
    generatedBy: by,
    generatedAt: deps.clock().toISOString(),
  };
  try {
    return { rota: await deps.store.create(rota), created: true };
  } catch (err) {
    if (!isStoreError(err, "Conflict")) throw err;
    return { rota: (await findRota(deps, month)) ?? rota, created: false };
  }
}

/** Shared by the verb and the chat command "rota YYYY-MM": the team manager or a clerk. */
export async function generateRotaFor(
  deps: WorkflowDeps,
  actor: Actor,
  month: string,
  verb: string,
): Promise<ActionResponse> {
  const roles = await authoriseChairs(deps, actor, ["manager", "clerk"], verb);
  const { rota, created } = await makeRota(deps, month, actor.objectId);
  if (created)
    await audit(deps, {
      actor: actor.objectId,
      action: "rota.generated",
      target: { type: "duty-rota", id: rota.id },
      detail: { days: rota.days.length },
    });
  return cardResponse(rotaCard(deps.authority, rota, roles.has("manager")));
}

/** verb chairs.rota.generate. */
export async function generateRota(
  deps: WorkflowDeps,
  request: ActionRequest,
): Promise<ActionResponse> {
  const parsed = parseSubmission(RotaGenerateSubmission, request.data);
  if (!parsed.ok) throw new WorkflowError("BadInput", "The card has no month (YYYY-MM).");
  return generateRotaFor(deps, request.actor, parsed.value.month, request.verb);
}
