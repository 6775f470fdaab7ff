import type { Milestone } from "../../model";
import type { WorkflowDeps } from "../kernel/deps";
import type { MilestoneName } from "./milestones";
import { updateDoc } from "../kernel/update-doc";

/**
 * Records facts on a meeting (workflow/timeline/milestones.ts), each once: one
 * already there keeps its first time and author, so a repeated action or a
 * retried task changes nothing. Answers whether anything was written.
 */
export async function recordMilestones(
  deps: Pick<WorkflowDeps, "store">,
  where: { caseId: string; meetingId: string },
  names: readonly MilestoneName[],
  milestone: Milestone,
): Promise<boolean> {
  const { changed } = await updateDoc(deps.store, "meeting", where.meetingId, where.caseId, (m) => {
    const missing = names.filter((n) => m.milestones[n] === undefined);
    if (missing.length === 0) return undefined;
    const milestones = { ...m.milestones };
    for (const n of missing) milestones[n] = milestone;
    return { ...m, milestones };
  });
  return changed;
}
