import type { Case, Meeting } from "../../model";
import type { WorkflowDeps } from "../kernel/deps";
import { enqueue } from "../kernel/enqueue";
import { DECISIONS_TASK } from "./distribute-decisions";
import { updateRegister, type RegisterChange } from "./register";

/**
 * What follows the chair's outcome, for every policy (virtual-conference
 * `decisions.distribute`, West Sussex `register.update`: the same day): the CP
 * register and the children's plan history are updated at once, and the
 * decisions are queued to every attendee. Both are idempotent, so the
 * outcome action calls this on every (re)try.
 */
export async function afterOutcome(
  deps: WorkflowDeps,
  input: { kase: Case; meeting: Meeting; actor: string },
): Promise<RegisterChange[]> {
  const changes = await updateRegister(deps, input);
  await enqueue(deps, {
    taskType: DECISIONS_TASK,
    caseId: input.kase.id,
    meetingId: input.meeting.id,
  });
  return changes;
}
