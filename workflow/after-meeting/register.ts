import type { Case, Child, Meeting, RegisterEntry } from "../../model";
import { isStoreError } from "../../ports/store";
import { formatIsoDate } from "../../rules";
import { audit } from "../kernel/audit";
import type { WorkflowDeps } from "../kernel/deps";
import { updateDoc } from "../kernel/update-doc";

type Plan = NonNullable<Child["planHistory"]>[number];

/** The conference's own date (Europe/London): what plans start and end on. */
export function meetingDay(deps: Pick<WorkflowDeps, "policy">, meeting: Meeting): string {
  if (meeting.start === undefined) throw new Error(`meeting ${meeting.id} has no start`);
  return formatIsoDate(deps.policy.calendar.toLocal(Date.parse(meeting.start)).day);
}

/**
 * The first RCPC after an ICPC carries the ICPC's 3-month limit
 * (`rcpc.first.latest`, set when the ICPC's outcome requested it): a plan
 * it ends is one of West Sussex's "plans ended at the first RCPC".
 */
export const isFirstRcpc = (meeting: Meeting): boolean =>
  meeting.kind === "RCPC" && meeting.limit?.rule === "rcpc.first.latest";

export interface RegisterChange {
  childId: string;
  change: RegisterEntry["change"];
  category?: string;
}

/**
 * What the outcome changes on the CP register for one child, from the
 * child's plans as they are now. It also recognises its own earlier work
 * (a plan that starts or ends on this conference's day), so deciding again
 * after a partial failure gives the same change, and the caller only has to
 * make sure it is stored once:
 * - a plan: "added" unless a plan is already open from an earlier day
 *   (an RCPC continuing the plan changes nothing on the register);
 * - no plan at an RCPC: "removed" when a plan is open or ended today;
 * - no plan at an ICPC: the child was never on the register.
 */
export function registerChangeFor(
  child: Child,
  meeting: Meeting,
  decision: string,
  day: string,
): RegisterEntry["change"] | undefined {
  const plans = child.planHistory ?? [];
  const open = plans.find((p) => p.end === undefined);
  if (decision === "plan") {
    if (plans.some((p) => p.start === day)) return "added";
    return open === undefined ? "added" : undefined;
  }
  if (meeting.kind !== "RCPC") return undefined;
  if (plans.some((p) => p.end === day && p.start !== day)) return "removed";
  return open !== undefined ? "removed" : undefined;
}

/** The child's plans after the change: a new plan from `day`, or the open plan ended on `day`. */
export function plansAfter(
  plans: readonly Plan[],
  change: RegisterEntry["change"],
  day: string,
): Plan[] | undefined {
  if (change === "added") {
    if (plans.some((p) => p.start === day)) return undefined;
    return [...plans, { start: day }];
  }
  if (change === "removed") {
    const open = plans.findIndex((p) => p.end === undefined);
    if (open < 0) return undefined;
    return plans.map((p, i) => (i === open ? { ...p, end: day } : p));
  }
  return undefined;
}

export const registerEntryId = (meetingId: string, childId: string): string =>
  `${meetingId}:register:${childId}`;

/**
 * Virtual-conference `decisions.distribute` and West Sussex "the outcome of each conference goes to
 * the CP register the same day": when the chair records the outcome, the
 * register follows each child's own decision (decisions are per child: a
 * sibling the conference was not about, or who got no plan, is untouched),
 * and each child's register change is stored as a `register-entry` (what
 * `register.notify-health` sends at 17:00) and the child's plan history
 * (what `plan.repeat.check`, `plan.long.check` and `indicator.review` read)
 * gains the new plan or ends the old one. Idempotent: entry ids are
 * deterministic and the plan history is changed only when it is not yet;
 * recording the outcome twice adds nothing twice. Each entry stored is
 * audited (ids only). Answers the changes (including ones stored before).
 */
export async function updateRegister(
  deps: WorkflowDeps,
  input: { kase: Case; meeting: Meeting; actor: string },
): Promise<RegisterChange[]> {
  const { meeting, actor } = input;
  const outcome = meeting.outcome;
  if (outcome === undefined) return [];
  const day = meetingDay(deps, meeting);
  const changes: RegisterChange[] = [];
  for (const decision of outcome.children) {
    const child = input.kase.children.find((c) => c.id === decision.childId);
    if (child === undefined) {
      // A decision for a child no longer on the case: never a silent gap.
      deps.logger.warn(
        { meetingId: meeting.id, caseId: meeting.caseId },
        "register: a decision names a child not on the case",
      );
      continue;
    }
    const change = registerChangeFor(child, meeting, decision.decision, day);
    if (change !== undefined)
      changes.push({
        childId: child.id,
        change,
        ...(decision.category !== undefined ? { category: decision.category } : {}),
      });
  }
  if (changes.length === 0) return [];
  // Entries first, then the plan history: a retry after a failure in between
  // still recognises the change (registerChangeFor) and finishes it.
  for (const c of changes) {
    const entry: RegisterEntry = {
      id: registerEntryId(meeting.id, c.childId),
      type: "register-entry",
      pk: meeting.caseId,
      caseId: meeting.caseId,
      childId: c.childId,
      change: c.change,
      ...(c.change === "added" && c.category !== undefined ? { category: c.category } : {}),
      meetingId: meeting.id,
      ...(c.change === "removed" && isFirstRcpc(meeting) ? { firstRcpc: true } : {}),
      at: deps.clock().toISOString(),
      recordedBy: outcome.recordedBy,
    };
    let created = true;
    try {
      await deps.store.create(entry);
    } catch (err) {
      if (!isStoreError(err, "Conflict")) throw err;
      created = false;
    }
    if (created) {
      await audit(deps, {
        caseId: meeting.caseId,
        actor,
        action: "register.change",
        target: { type: "register-entry", id: entry.id },
        detail: { change: c.change, meetingId: meeting.id, childId: c.childId },
      });
    }
  }
  await updateDoc(deps.store, "case", meeting.caseId, meeting.caseId, (kase) => {
    let touched = false;
    const children = kase.children.map((child) => {
      const c = changes.find((x) => x.childId === child.id);
      const next = c === undefined ? undefined : plansAfter(child.planHistory ?? [], c.change, day);
      if (next === undefined) return child;
      touched = true;
      return { ...child, planHistory: next };
    });
    return touched ? { ...kase, children } : undefined;
  });
  return changes;
}
