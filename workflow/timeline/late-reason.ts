import type { Case, Meeting } from "../../model";
import { audit } from "../kernel/audit";
import type { WorkflowDeps } from "../kernel/deps";
import type { MilestoneName } from "./milestones";
import { updateDoc } from "../kernel/update-doc";

/**
 * Records why a deadline was missed, as the person chased wrote it on the
 * reminder or escalation ("Done" or "Acknowledge"): the exception report
 * shows it beside the late item (Swindon rule 23: late invite lists and
 * reports, "each with its reason"). Kept by the milestone the rule watches,
 * so the reason given on an escalation reaches the deadline's row. The
 * latest reason wins; the audit carries ids only, never the words.
 */
export async function recordLateReason(
  deps: WorkflowDeps,
  kase: Case,
  meeting: Meeting,
  milestone: MilestoneName,
  text: string,
  actorId: string,
): Promise<void> {
  const at = deps.clock().toISOString();
  await updateDoc(deps.store, "meeting", meeting.id, kase.id, (m) => ({
    ...m,
    lateReasons: { ...(m.lateReasons ?? {}), [milestone]: { text, by: actorId, at } },
  }));
  await audit(deps, {
    caseId: kase.id,
    actor: actorId,
    action: "meeting.late-reason",
    target: { type: "meeting", id: meeting.id },
    detail: { milestone },
  });
}
