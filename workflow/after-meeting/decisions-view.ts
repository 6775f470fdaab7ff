import { anyPlan, type Case, type Meeting } from "../../model";
import type { DecisionsAudience, DecisionsView } from "../../cards/decisions/view-model";
import type { WorkflowDeps } from "../kernel/deps";
import { meetingTimeline } from "../timeline/meeting-timeline";
import { MILESTONES } from "../timeline/milestones";
import { conferenceKind } from "../kernel/conference-kind";
import type { DecisionsRecipient } from "./recipients";

const HOW = { card: "Teams card", email: "email", none: "not sent: no email address" } as const;

/**
 * Decisions are per child; a card or email to attendees names no child, so
 * they are counted: "2 children: 1 on a child protection plan, 1 not".
 */
export function decisionsInWords(
  children: readonly { decision: "plan" | "no-plan"; category?: string }[],
): string {
  const plans = children.filter((c) => c.decision === "plan").length;
  const n = children.length;
  if (n <= 1) return plans === 1 ? "on a child protection plan" : "no child protection plan";
  if (plans === n) return `${n} children, each on a child protection plan`;
  if (plans === 0) return `${n} children, none on a child protection plan`;
  return `${n} children: ${plans} on a child protection plan, ${n - plans} not`;
}

/** The decisions card's view for one audience, from the stored meeting and its timeline (Leicestershire deadlines). */
export function decisionsView(
  deps: WorkflowDeps,
  kase: Case,
  meeting: Meeting,
  audience: DecisionsAudience,
  recipients: readonly DecisionsRecipient[] = [],
): DecisionsView {
  const outcome = meeting.outcome;
  if (outcome === undefined || meeting.start === undefined)
    throw new Error(`meeting ${meeting.id} has no outcome`);
  const entries = meetingTimeline(deps.policy, meeting).entries;
  const at = (rule: string) => {
    const e = entries.find((x) => x.rule === rule);
    return e === undefined ? undefined : new Date(e.at).toISOString();
  };
  const m = meeting.milestones;
  const plan = anyPlan(outcome);
  const categories = [
    ...new Set(outcome.children.flatMap((c) => (c.category === undefined ? [] : [c.category]))),
  ];
  const view: DecisionsView = {
    caseId: kase.id,
    caseReference: kase.reference,
    meetingId: meeting.id,
    meetingKind: conferenceKind(meeting),
    meetingStart: meeting.start,
    audience,
    plan,
    childDecisions: decisionsInWords(outcome.children),
  };
  // One category for the card's fact; siblings' different categories are in childDecisions.
  if (plan && categories.length === 1) view.category = categories[0] as string;
  if (outcome.nextConference !== undefined) view.nextConference = outcome.nextConference;
  if (outcome.coreGroup !== undefined) view.coreGroup = outcome.coreGroup;
  const signOff = plan ? at("plan.sign-off") : undefined;
  if (signOff !== undefined) view.planSignOffBy = signOff;
  const record = at("record.available");
  if (record !== undefined) view.recordDueBy = record;
  const signedOff = m[MILESTONES.planSignedOff];
  if (signedOff !== undefined) view.planSignedOffAt = signedOff.at;
  const available = m[MILESTONES.recordAvailable];
  if (available !== undefined) view.recordAvailableAt = available.at;
  const distributed = m[MILESTONES.recordDistributed];
  if (distributed !== undefined) view.recordDistributedAt = distributed.at;
  if (audience === "chair")
    view.sentTo = recipients.map((r) => ({ name: r.label, how: HOW[r.how] }));
  return view;
}
