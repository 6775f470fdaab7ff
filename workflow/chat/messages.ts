import { readableItems, readableWithCount } from "../kernel/unreadable";
import type { ActionResponse, Actor, MessageHandler } from "../../ports";
import * as cards from "../kernel/cards";
import type { WorkflowDeps } from "../kernel/deps";
import { WorkflowError } from "../kernel/errors";
import type { VerbEntry } from "../kernel/registry";
import { cardResponse } from "../kernel/respond";
import { rolesOn } from "../kernel/roles";
import { caseAnswer, didYouMeanAnswer, helpAnswer, myCasesAnswer, NOT_UNDERSTOOD } from "./answers";
import { auditCaseRead, currentMeeting } from "./case-commands";
import { matchCaseCommand, matchPlainCommand, type CaseCommand } from "./commands";
import { auditSuggestions, maySee, referenceCandidates, resolveReference } from "./references";

const GREETING =
  /^(hi|hello|hey|hiya|good (morning|afternoon|evening)|help|menu|start|\?|what can (you|i) do\??)[\s!.?]*$/i;
const MY_CASES = /^(my )?cases$/i;

/**
 * Typed messages in the 1:1 chat, read against the command table
 * (commands.ts): "hi" and "help" answer what this person can do; a command
 * naming a case runs after the same authorisation as the card's own action;
 * a reference typed slightly wrong is offered back ("did you mean C-1001?",
 * audited); a reference alone offers that case's actions; anything else is
 * told, in one line, how to get help. Reading a case is audited.
 */
export function messageHandler(deps: WorkflowDeps, verbs: readonly VerbEntry[]): MessageHandler {
  return async ({ actor, text: raw }): Promise<ActionResponse> => {
    const text = raw
      .replace(/<[^>]*>/g, " ")
      .replace(/\s+/g, " ")
      .trim();
    try {
      if (text === "" || GREETING.test(text)) return helpAnswer(deps, actor, verbs);
      if (MY_CASES.test(text)) return await myCases(deps, actor);
      const plain = matchPlainCommand(text);
      if (plain !== undefined) return (await plain.run(deps, actor, text)) ?? notUnderstood();
      const asked = matchCaseCommand(text);
      if (asked !== undefined) return await caseCommand(deps, actor, asked);
      return await namedCase(deps, actor, verbs, text);
    } catch (err) {
      if (err instanceof WorkflowError)
        return cardResponse(cards.refusal({ reason: err.message, code: err.code }));
      throw err;
    }
  };
}

const notUnderstood = (): ActionResponse => ({ kind: "message", text: NOT_UNDERSTOOD });

async function caseCommand(
  deps: WorkflowDeps,
  actor: Actor,
  { command, reference }: { command: CaseCommand; reference: string },
): Promise<ActionResponse> {
  const resolved = await resolveReference(deps, actor, reference);
  const verb = `message.${command.name.replace(/ /g, "-")}`;
  if (resolved.kind === "near") {
    await auditSuggestions(deps, actor, resolved.cases, verb);
    return didYouMeanAnswer(reference, resolved.cases, command);
  }
  if (resolved.kind === "none")
    throw new WorkflowError(
      "NotFound",
      `there is no case "${reference.slice(0, 40)}" that you can see in Convene`,
    );
  const { kase } = resolved;
  if (command.delegate !== undefined)
    return (
      (await command.delegate(deps, actor, `${command.name} ${kase.reference}`)) ?? notUnderstood()
    );
  const meeting = currentMeeting(
    await readableItems(deps, deps.store.meetingsOfCase(kase.id), "chat"),
  );
  await auditCaseRead(deps, actor, kase, verb);
  return command.run(deps, actor, { kase, meeting, verb });
}

/** Text that is not a command but names a case the person may see: that case's actions. */
async function namedCase(
  deps: WorkflowDeps,
  actor: Actor,
  verbs: readonly VerbEntry[],
  text: string,
): Promise<ActionResponse> {
  for (const typed of referenceCandidates(text)) {
    const resolved = await resolveReference(deps, actor, typed);
    if (resolved.kind === "found" && maySee(deps, actor, resolved.kase)) {
      const { kase } = resolved;
      await auditCaseRead(deps, actor, kase, "message.case");
      const meetings = await readableWithCount(deps, deps.store.meetingsOfCase(kase.id), "chat");
      const meeting = currentMeeting(meetings.items);
      return caseAnswer(deps, actor, verbs, kase, meeting, meetings.unreadable);
    }
    if (resolved.kind === "near") {
      await auditSuggestions(deps, actor, resolved.cases, "message.case");
      return didYouMeanAnswer(typed, resolved.cases, undefined);
    }
  }
  return notUnderstood();
}

async function myCases(deps: WorkflowDeps, actor: Actor): Promise<ActionResponse> {
  const all = await readableWithCount(deps, deps.store.listAll("case"), "chat");
  const named = all.items.filter((kase) =>
    [...rolesOn(deps.authority, actor.objectId, kase)].some(
      (r) => r !== "clerk" && r !== "director" && r !== "qa-manager",
    ),
  );
  return myCasesAnswer(actor, named, all.unreadable);
}
