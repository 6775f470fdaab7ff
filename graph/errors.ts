import { CalendarError, type CallOutcome } from "../ports/calendar";

/**
 * The reasons graph/ gives a CalendarError beyond its outcome (docs/architecture.md, errors carry a code: errors carry a code). `error.code` is `Calendar.<reason>`.
 */
export const CALENDAR_ERROR_REASONS = [
  /** Leicestershire: a meeting whose lobby or chat did not lock must not be used. */
  "LobbyNotLocked",
  "CoOrganizersNotSet",
  /** The event came back without a Teams join link, even after waiting. */
  "NoJoinUrl",
  /** No online meeting matched the event's join link, even after waiting. */
  "MeetingNotFound",
  /** Graph answered 2xx with a body Convene cannot read (zod at the edge). */
  "UnexpectedResponse",
  /** No token from Entra ID (wrong secret or certificate, identity unavailable). */
  "AuthenticationFailed",
  /** Convene's own input broke a rule before anything was sent. */
  "InvalidInput",
] as const;
export type CalendarErrorReason = (typeof CALENDAR_ERROR_REASONS)[number];

export function calendarError(
  outcome: Exclude<CallOutcome, "done">,
  reason: CalendarErrorReason,
  message: string,
): CalendarError {
  return new CalendarError(outcome, message, undefined, undefined, reason);
}
