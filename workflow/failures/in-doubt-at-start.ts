import type { Notification } from "../../model";
import type { WorkflowDeps } from "../kernel/deps";
import { raiseIncident } from "../kernel/incidents";
import { inDoubtIncidentId } from "../kernel/notify";
import { readableItems } from "../kernel/unreadable";

export interface InDoubtScan {
  /** This process (host:pid:random), as stamped on its own claims. */
  instance: string;
  /**
   * True when only one process ever serves this store (SQLite): every
   * claim by another process is then a process that has stopped.
   */
  singleInstance: boolean;
}

const hostOf = (instance: string): string => instance.slice(0, instance.indexOf(":"));

/**
 * A claim left by a process that has surely stopped: with one process per
 * store, any other process's; with several (Cosmos), one from this same host
 * (one Convene process runs per host). A claim by a live process on another
 * host cannot be told from one by a dead process here: that one is found when
 * its task is re-run after its lease (workflow/kernel/notify.ts).
 */
function leftByStoppedProcess(n: Notification, scan: InDoubtScan): boolean {
  if (n.claimedBy === scan.instance) return false;
  if (scan.singleInstance) return true;
  return n.claimedBy !== undefined && hostOf(n.claimedBy) === hostOf(scan.instance);
}

/**
 * At start-up: Teams cards a stopped process claimed and never recorded may
 * have reached their recipient or not (Teams has no "sent items" to look
 * in). Each is reported to the service owners at once as a possible
 * duplicate, with the same incident id the task's re-run would raise, so it
 * is never reported twice; the re-run then sends it so it surely arrives.
 * Emails are not reported: their re-run looks in Sent Items first.
 */
export async function reportInDoubtAtStart(
  deps: WorkflowDeps,
  scan: InDoubtScan,
): Promise<{ inDoubt: number; raised: number }> {
  // A claimed notification that cannot be read is set aside and raised, not skipped.
  const claimed = await readableItems(deps, deps.store.claimedNotifications(), "in-doubt-at-start");
  const cards = claimed.filter((n) => n.channel === "teams" && leftByStoppedProcess(n, scan));
  let raised = 0;
  for (const n of cards) {
    const fresh = await raiseIncident(deps, {
      id: inDoubtIncidentId(n),
      kind: "in-doubt-send",
      reason: `Notification.in-doubt: claimed at ${n.claimedAt ?? "an unknown time"} by a process that stopped, outcome never recorded`,
      notificationId: n.id,
      ...(n.taskId !== undefined ? { taskId: n.taskId } : {}),
      ...(n.caseId !== undefined ? { caseId: n.caseId } : {}),
      ...(n.meetingId !== undefined ? { meetingId: n.meetingId } : {}),
    });
    if (fresh) raised += 1;
  }
  if (cards.length > 0)
    deps.logger.warn(
      { inDoubt: cards.length, raised, ids: cards.map((n) => n.id) },
      "cards left in doubt by a stopped process: reported to the service owners",
    );
  return { inDoubt: cards.length, raised };
}
