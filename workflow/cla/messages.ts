import { readableItems } from "../kernel/unreadable";
import type { Meeting } from "../../model";
import { REQUESTERS } from "../booking/request-conference";
import { cardResponse } from "../kernel/respond";
import { audit } from "../kernel/audit";
import { authorise } from "../kernel/authorise";
import * as cards from "../kernel/cards";
import type { WorkflowDeps } from "../kernel/deps";
import { WorkflowError } from "../kernel/errors";
import { caseIdOf, loadCase } from "../kernel/load";
import type { ActionResponse, Actor } from "../../ports";
import { claMinutesCard } from "./record-minutes";
import { claRequestCard } from "./request-review";

const COMMAND = /^\s*(review|minutes)\s+([A-Za-z0-9][A-Za-z0-9 ._-]{0,39})\s*$/i;

/** The review whose minutes are due: the newest CLA review booked (requested ones have no date). */
function reviewToMinute(meetings: readonly Meeting[]): Meeting | undefined {
  return [...meetings]
    .filter((m) => m.kind === "CLA" && m.start !== undefined && m.status !== "stood-down")
    .sort((a, b) => (b.start ?? "").localeCompare(a.start ?? ""))[0];
}

/**
 * `review REF` and `minutes REF` in the 1:1 chat: the request card (the
 * case's SW or manager) or the IRO's minutes card, after the same checks as
 * the card's own action. Answers undefined for any other text, for the
 * other commands to handle. Reading a case is audited.
 */
export async function claMessage(
  deps: WorkflowDeps,
  actor: Actor,
  text: string,
): Promise<ActionResponse | undefined> {
  const match = COMMAND.exec(text.replace(/<[^>]*>/g, "").trim());
  if (match === null) return undefined;
  const command = (match[1] ?? "").toLowerCase();
  const verb = `message.${command}`;
  try {
    const kase = await loadCase(deps, caseIdOf(match[2] ?? ""));
    await audit(deps, {
      caseId: kase.id,
      actor: actor.objectId,
      action: "case.read",
      target: { type: "case", id: kase.id },
      detail: { via: verb },
    });
    if (command === "review") {
      await authorise(deps, actor, REQUESTERS, { verb, kase });
      return cardResponse(claRequestCard(kase));
    }
    const meeting = reviewToMinute(
      await readableItems(deps, deps.store.meetingsOfCase(kase.id), "chat"),
    );
    if (meeting === undefined) {
      throw new WorkflowError("NotFound", `No CLA review is booked for case ${kase.reference}.`);
    }
    await authorise(deps, actor, ["chair"], {
      verb,
      kase,
      meeting,
      refusal: "only the IRO of this review can record its minutes and recommendations",
    });
    return cardResponse(claMinutesCard(deps, kase, meeting));
  } catch (err) {
    if (err instanceof WorkflowError) {
      return cardResponse(cards.refusal({ reason: err.message, code: err.code }));
    }
    throw err;
  }
}
