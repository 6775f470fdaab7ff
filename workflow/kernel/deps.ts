import { type Logger } from "../../ports/logger";
import type { Store } from "../../ports/store";
import type { ResolvedPolicy } from "../../rules";
import type { Authority } from "./authority";
import type { CalendarPort, DirectoryPort, Notifier, RepliesPort } from "../../ports";

/** Everything a use case needs, wired by hand in the composition root (docs/architecture.md, one composition root). */
export interface WorkflowDeps {
  store: Store;
  calendar: CalendarPort;
  /** Outlook replies (Outlook replies and the quoracy forecast): the same Graph adapter as the calendar, or the outbox's. */
  replies: RepliesPort;
  notifier: Notifier;
  /** The only clock below the composition root: injected, faked in tests. */
  clock: () => Date;
  authority: Authority;
  policy: ResolvedPolicy;
  logger: Logger;
  /** Ask the scheduler for a sweep now: background work queued by an action starts at once. */
  kick: () => void;
  /** Entra ID groups and managers, when the staff list comes from the directory (workflow/staff). */
  directory?: DirectoryPort;
  /**
   * A link that opens Convene's chat in Teams (it works only once signed in
   * to Teams), for emails that carry a card to someone Teams cannot reach.
   */
  teamsChatLink?: string;
  /**
   * This running process (host:pid:random), stamped on each claimed
   * notification so a restart can tell which sends its predecessor left in
   * doubt (workflow/failures/in-doubt-at-start.ts).
   */
  instance?: string;
}
