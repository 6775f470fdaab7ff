import { type TaskContext, type TaskResult } from "../../ports/tasks";
import { anyPlan, type Case, type Meeting, type Task } from "../../model";
import { formatHumanDate, formatHumanInstant, parseIsoDate } from "../../rules";
import { audit } from "../kernel/audit";
import * as cards from "../kernel/cards";
import type { WorkflowDeps } from "../kernel/deps";
import { loadMeeting } from "../kernel/load";
import { MILESTONES } from "../timeline/milestones";
import { sendCardOnce, sendEmailsOnce, type EmailNotice } from "../kernel/notify";
import { recordMilestones } from "../timeline/record-milestones";
import { kindWords, subjectFor } from "../kernel/subjects";
import { taskIds } from "../kernel/task-ids";
import { decisionsInWords, decisionsView } from "./decisions-view";
import { decisionsRecipients, type DecisionsRecipient } from "./recipients";

/** The task the outcome queues: the decisions to every attendee (virtual-conference `decisions.distribute`). */
export const DECISIONS_TASK = "after-meeting.decisions";

const CATEGORY_WORDS: Record<string, string> = {
  neglect: "neglect",
  "physical-abuse": "physical abuse",
  "sexual-abuse": "sexual abuse",
  "emotional-abuse": "emotional abuse",
  multiple: "more than one category",
};

/**
 * The decisions email to one agency, family member or legal representative:
 * it names only its recipient (virtual-conference; Leicestershire: nobody sees another's details), the
 * case by its reference, never a child or another family member.
 */
export function decisionsEmailText(kase: Case, meeting: Meeting, name: string): string {
  const o = meeting.outcome;
  const held =
    meeting.start === undefined ? "" : ` on ${formatHumanInstant(Date.parse(meeting.start))}`;
  const lines = [
    `Dear ${name},`,
    "",
    `These are the decisions of the ${kindWords(meeting.kind).toLowerCase()} held${held} (UK time), case reference ${kase.reference}.`,
    "",
  ];
  if (o !== undefined && anyPlan(o)) {
    // Per child, naming none: each plan's category, counted.
    const categories = o.children
      .filter((c) => c.decision === "plan")
      .map((c) => CATEGORY_WORDS[c.category ?? ""] ?? c.category ?? "category not recorded");
    lines.push(
      `Decision: ${decisionsInWords(o.children)} (category: ${[...new Set(categories)].join("; ")}).`,
    );
    // The core group's day only: its time and place are the social
    // worker's to arrange (they lead it), so no time is made up here.
    if (o.coreGroupDate !== undefined)
      lines.push(
        `First core group meeting: ${formatHumanDate(parseIsoDate(o.coreGroupDate))} (the social worker arranges the time and place).`,
      );
    else if (o.coreGroup !== undefined)
      lines.push(`First core group meeting: ${formatHumanInstant(Date.parse(o.coreGroup))}.`);
    if (o.nextConference !== undefined)
      lines.push(`Next review conference: ${formatHumanInstant(Date.parse(o.nextConference))}.`);
  } else {
    lines.push(`Decision: ${decisionsInWords(o?.children ?? [])}.`);
  }
  lines.push(
    "",
    "The chair's record of the conference will follow. If you have questions, please contact",
    "the social worker or the conference clerks.",
  );
  return lines.join("\n");
}

/**
 * after-meeting.decisions (virtual-conference `decisions.distribute`, on the meeting day):
 * 1. the outcome must be recorded (else nothing to send; the task is done);
 * 2. every recipient (workflow/after-meeting/recipients.ts): staff get the
 *    decisions card, everyone else one email of their own, each exactly
 *    once (deterministic ids: a retried task sends only what is not sent);
 * 3. then the chair's copy, listing who got them, with the chair's next
 *    steps (Leicestershire `plan.sign-off`, `record.available`);
 * 4. milestone `decisions.distributed` (what `decisions.distribute` watches), audited.
 */
export async function distributeDecisions(
  deps: WorkflowDeps,
  task: Task,
  ctx: TaskContext,
): Promise<TaskResult> {
  const ids = taskIds(task);
  const { kase, meeting } = await loadMeeting(deps, ids.caseId, ids.meetingId);
  if (meeting.outcome === undefined || meeting.start === undefined)
    return { skipped: "no-outcome" };
  const list = await deps.store.get("invite-list", `${meeting.id}:invite-list`, kase.id);
  const recipients = decisionsRecipients(deps.authority, kase, meeting, list?.invitees ?? []);
  const chairId = (meeting.chair ?? kase.chair)?.entraObjectId;
  const preview = `Decisions: ${meeting.kind} for case ${kase.reference}`;
  const attendeeCard = cards.decisions(decisionsView(deps, kase, meeting, "attendee"));
  const emails: EmailNotice[] = [];
  let cardsSent = 0;
  for (const r of recipients) {
    if (r.how === "card") {
      if (r.person.entraObjectId === chairId) continue;
      await sendCardOnce(deps, {
        id: `${meeting.id}:decisions:${r.person.entraObjectId}`,
        kind: "decisions",
        recipient: r.person,
        card: attendeeCard,
        preview,
        taskId: task.id,
        caseId: kase.id,
        meetingId: meeting.id,
      });
      cardsSent += 1;
    } else if (r.how === "email") {
      emails.push(decisionsEmail(deps, kase, meeting, task, r));
    }
  }
  const mail = await sendEmailsOnce(deps, deps.authority.organizer, emails);
  const chair = meeting.chair ?? kase.chair;
  if (chair !== undefined) {
    await sendCardOnce(deps, {
      id: `${meeting.id}:decisions:chair`,
      kind: "decisions-chair",
      recipient: chair,
      card: cards.decisions(decisionsView(deps, kase, meeting, "chair", recipients)),
      preview: `Decisions sent: ${meeting.kind} for case ${kase.reference}`,
      taskId: task.id,
      caseId: kase.id,
      meetingId: meeting.id,
    });
  }
  const changed = await recordMilestones(
    deps,
    { caseId: kase.id, meetingId: meeting.id },
    [MILESTONES.decisionsDistributed],
    { at: ctx.now.toISOString(), by: "system" },
  );
  if (changed) {
    await audit(deps, {
      caseId: kase.id,
      actor: "system",
      action: "decisions.distributed",
      target: { type: "meeting", id: meeting.id },
      detail: { cards: cardsSent + (chair !== undefined ? 1 : 0), emails: emails.length },
    });
  }
  return { cards: cardsSent, emails: emails.length, newlySent: mail.sent };
}

function decisionsEmail(
  deps: WorkflowDeps,
  kase: Case,
  meeting: Meeting,
  task: Task,
  r: Extract<DecisionsRecipient, { how: "email" }>,
): EmailNotice {
  return {
    kind: "decisions-email",
    taskId: task.id,
    caseId: kase.id,
    meetingId: meeting.id,
    email: {
      id: `${meeting.id}:decisions:${r.invitee.id}`,
      to: { email: r.invitee.email, name: r.invitee.name },
      subject: subjectFor(
        deps.policy.id,
        `Conference decisions: ${kindWords(meeting.kind).toLowerCase()}, case ${kase.reference}`,
        r.invitee.relation,
      ),
      bodyText: decisionsEmailText(kase, meeting, r.invitee.name),
    },
  };
}
