import type { TurnContext } from "botbuilder";

/**
 * Work to start only once the HTTP answer to this turn has been written.
 * An invoke answered "working on it" must not have its card updated before
 * Teams has even received that answer, or the update could land first and
 * be overwritten by "working on it". The HTTP route gives each turn a list
 * and runs it after CloudAdapter.process has ended the response.
 */
const AFTER_RESPONSE = Symbol("convene.afterResponse");

export function withAfterResponse(context: TurnContext, tasks: Array<() => void>): void {
  context.turnState.set(AFTER_RESPONSE, tasks);
}

export function afterResponse(context: TurnContext, task: () => void): void {
  const tasks = context.turnState.get(AFTER_RESPONSE) as Array<() => void> | undefined;
  if (tasks !== undefined) tasks.push(task);
  // A turn not started by our route (tests driving the bot directly): next tick.
  else setImmediate(task);
}
