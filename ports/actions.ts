import type { CardJson } from "./notifier";

/**
 * The contract between bot/ (the Teams edge) and workflow/ (the use cases).
 * bot/ authenticates the turn, finds the verb and hands workflow/ the actor
 * and the raw `data` of the Action.Execute; workflow/ parses it with the
 * card's zod schema, authorises, acts and answers what Teams should show.
 */
export interface Actor {
  /** Entra object id (Teams `from.aadObjectId`): the identity for authorisation and audit. */
  objectId: string;
  /** Display only. */
  name: string;
}

export type ActionResponse =
  /** Replace the card that was actioned (Teams shows it in place). */
  | { kind: "card"; card: CardJson }
  /** A short message instead of a card (Teams shows it as a toast). */
  | { kind: "message"; text: string };

export interface ActionRequest {
  actor: Actor;
  verb: string;
  /** Untrusted: exactly what the card submitted. */
  data: unknown;
  /** Teams' id of the message holding the card, to update it later from background work. */
  activityId?: string;
}

export type ActionHandler = (request: ActionRequest) => Promise<ActionResponse>;

/** A typed message in the 1:1 chat ("book", "help"): answered with a card or text. */
export interface MessageRequest {
  actor: Actor;
  text: string;
}
export type MessageHandler = (request: MessageRequest) => Promise<ActionResponse>;

export interface BotHandlers {
  actions: ReadonlyMap<string, ActionHandler>;
  message: MessageHandler;
}
