import { buildCaseloadCard } from "../../cards/caseload/build";
import { formatHumanDate } from "../../rules";
import { audit } from "../kernel/audit";
import * as cards from "../kernel/cards";
import type { WorkflowDeps } from "../kernel/deps";
import { CASE_FILE_TYPES, unreadableCount } from "../kernel/unreadable";
import { WorkflowError } from "../kernel/errors";
import type { ActionResponse, Actor } from "../../ports";
import { cardResponse } from "../kernel/respond";
import { chairUnavailableCard } from "./add-unavailable";
import { caseloads, CASELOAD_WEEKS } from "./caseload";
import { buildNoRotaCard } from "../../cards/duty-rota/build";
import { monthName } from "../lists/month-name";
import { sickReportCard } from "./report-sick";
import { rotaCard } from "./rota-card";
import { isMonth, localDate } from "./rota-days";
import { dutyCounts } from "./rota-fair";
import { findRota } from "./rota-store";
import { authoriseChairs, chairsOf } from "./staff";

const COMMAND = /^\s*(unavailable|sick|rota|caseload)(?:\s+(\S+))?\s*$/i;

/**
 * The chairs' chat commands (West Sussex). Answers undefined for any other text,
 * so messages.ts goes on with its own commands.
 */
export async function chairsCommand(
  deps: WorkflowDeps,
  actor: Actor,
  text: string,
): Promise<ActionResponse | undefined> {
  const match = COMMAND.exec(text);
  if (match === null) return undefined;
  const command = (match[1] ?? "").toLowerCase();
  const arg = match[2];
  const verb = `message.${command}`;
  try {
    switch (command) {
      case "unavailable":
        await authoriseChairs(deps, actor, ["chair"], verb);
        return cardResponse(await chairUnavailableCard(deps, actor));
      case "sick":
        return cardResponse(await sickReportCard(deps, actor));
      case "rota": {
        const month = arg ?? localDate(deps.policy.calendar, deps.clock()).slice(0, 7);
        if (!isMonth(month))
          throw new WorkflowError(
            "BadInput",
            "give the month as year and month, for example: rota 2027-02",
          );
        const roles = await authoriseChairs(deps, actor, ["chair", "manager", "clerk"], verb);
        const rota = await findRota(deps, month);
        if (rota === undefined) {
          // Reading never changes anything: a month with no rota says so, and
          // whoever makes rotas is offered the button (verb chairs.rota.generate).
          return cardResponse(
            buildNoRotaCard({
              month,
              monthTitle: monthName(month),
              canMake: roles.has("manager") || roles.has("clerk"),
            }),
          );
        }
        await audit(deps, {
          actor: actor.objectId,
          action: "rota.read",
          target: { type: "duty-rota", id: rota.id },
        });
        return cardResponse(
          rotaCard(deps.authority, rota, roles.has("chair") || roles.has("manager")),
        );
      }
      default: {
        await authoriseChairs(deps, actor, ["manager"], verb);
        const now = deps.clock();
        const month = localDate(deps.policy.calendar, now).slice(0, 7);
        const [load, rota] = await Promise.all([
          caseloads(deps, now, { withCases: true }),
          findRota(deps, month),
        ]);
        // After caseloads: what it could not read is set aside and raised by now.
        const unreadable = await unreadableCount(deps, CASE_FILE_TYPES);
        const duty = dutyCounts(
          rota?.days ?? [],
          chairsOf(deps.authority).map((c) => c.entraObjectId),
        );
        await audit(deps, {
          actor: actor.objectId,
          action: "caseload.read",
          target: { type: "verb", id: verb },
        });
        return cardResponse(
          buildCaseloadCard({
            periodText: `Conferences in the next ${CASELOAD_WEEKS} weeks from ${formatHumanDate(deps.policy.calendar.toLocal(now.getTime()).day)}; allocated cases; duty days in ${month}`,
            rows: load.map((l) => ({
              name: l.name,
              upcoming: l.upcoming,
              cases: l.cases ?? 0,
              dutyDays: duty.get(l.chairId) ?? 0,
            })),
            ...(unreadable > 0 ? { unreadable } : {}),
          }),
        );
      }
    }
  } catch (err) {
    if (err instanceof WorkflowError)
      return cardResponse(cards.refusal({ reason: err.message, code: err.code }));
    throw err;
  }
}
