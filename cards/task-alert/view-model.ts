import type { CaseRef, IsoInstant, PersonOption, Redisplay, Versioned } from "../common/view-model";

export const TASK_ACTIONS = ["done", "acknowledge", "reassign", "approve"] as const;
export type TaskAction = (typeof TASK_ACTIONS)[number];

/**
 * A reminder (before or at a deadline) or an escalation (the thing is still
 * not done; to whoever the rule names: SW, TM, SM, the Director for
 * `swindon`). One card for both: they differ in tone and in the actions
 * offered, not in what they show.
 */
export interface TaskAlertView extends CaseRef, Versioned, Redisplay {
  kind: "reminder" | "escalation";
  taskId: string;
  meetingId?: string;
  /** The docs/rules.md rule id (`invite-list.escalate`): the same id everywhere. */
  ruleId: string;
  /** What is due, in words ("Invite list for the ICPC"). Never a child's name. */
  what: string;
  dueAt: IsoInstant;
  /** When the card is built (the scheduler's clock): how late is counted from it. */
  now: IsoInstant;
  /** Working days late, if the caller counted them with the policy's calendar. */
  workingDaysLate?: number;
  /** Who was responsible ("Sam Patel, social worker"): escalations say whose task it is. */
  responsible?: string;
  meetingStart?: IsoInstant;
  actions: TaskAction[];
  /** For "reassign": the people it may go to. */
  reassignTo?: PersonOption[];
  /** For "approve": what is being approved ("Booking out of timescale"). */
  approveWhat?: string;
}
