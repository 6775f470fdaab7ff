import { type TaskContext, type TaskResult } from "../../ports/tasks";
import { anyPlan, type Case, type Invitee, type Meeting, type Task } from "../../model";
import { formatHumanDate, formatHumanInstant, formatIsoDate, parseIsoDate } from "../../rules";
import { letterPdf } from "../../cards/invitation-letter/pdf";
import { audit } from "../kernel/audit";
import * as cards from "../kernel/cards";
import type { WorkflowDeps } from "../kernel/deps";
import { loadMeeting } from "../kernel/load";
import { sendCardOnce, sendEmailsOnce, type EmailNotice } from "../kernel/notify";
import { kindWords, subjectFor, withPrefix } from "../kernel/subjects";
import { taskIds } from "../kernel/task-ids";
import { trackCoreGroupLetter } from "../invitations/letters";
import { meetingIdFor } from "../booking/request-conference";

/** The task the outcome queues: the first core group's date to its members. */
export const CORE_GROUP_TASK = "after-meeting.core-group";

/**
 * The core group's members on a conference's invite list (docs/invitations.md,
 * the first core group): the professionals working with the family and the
 * family members. A legal representative is not a member (they represent a
 * parent at the conference, not in the plan's work). The social worker leads
 * it and is told on their own card.
 */
export const coreGroupMembers = (invitees: readonly Invitee[]): Invitee[] =>
  invitees.filter((i) => i.relation === "professional" || i.relation === "family");

/** The first core group's day as recorded (the date, or the day of the older instant). */
export function coreGroupDay(deps: WorkflowDeps, meeting: Meeting): string | undefined {
  const o = meeting.outcome;
  if (o?.coreGroupDate !== undefined) return o.coreGroupDate;
  if (o?.coreGroup === undefined) return undefined;
  return formatIsoDate(deps.policy.calendar.toLocal(Date.parse(o.coreGroup)).day);
}

/** After an ICPC the first core group; after a review, the next one. */
export const coreGroupTitle = (meeting: Meeting): string =>
  meeting.kind === "ICPC" ? "First core group meeting" : "Next core group meeting";

/** The notice: the case by its reference, no child named, who leads it and who sets the time. */
export function coreGroupText(kase: Case, meeting: Meeting, name: string, day: string): string {
  const held =
    meeting.start === undefined ? "" : ` held on ${formatHumanInstant(Date.parse(meeting.start))}`;
  return [
    `Dear ${name},`,
    "",
    `The ${kindWords(meeting.kind).toLowerCase()}${held} (UK time), case reference ${kase.reference}, decided on a child protection plan.`,
    "",
    `The ${coreGroupTitle(meeting).toLowerCase()} is on ${formatHumanDate(parseIsoDate(day))}. You are a member of the core group, which meets to carry out the plan and check how it is going.`,
    `The social worker, ${kase.socialWorker.name}, leads the core group and will tell you the time and where it is held.`,
    "",
    "If you cannot attend, or have questions, please contact the social worker.",
  ].join("\n");
}

/**
 * Who is told the core group's date: the members on the conference's list,
 * then (nobody added later left out) those the SW has added since to the
 * list carried over to the next RCPC, as long as the core group's day has
 * not come. Each person once (the same person keeps their id on both
 * lists); someone removed since stays told. Answers each member and the
 * meeting whose list their row (and so their letter's tracking) is on.
 */
async function coreGroupRecipients(
  deps: WorkflowDeps,
  kase: Case,
  meeting: Meeting,
  day: string,
  now: Date,
): Promise<{ members: Invitee[]; listOf: Map<string, string> }> {
  const listOf = new Map<string, string>();
  const members: Invitee[] = [];
  const add = (invitees: readonly Invitee[], listMeetingId: string) => {
    for (const i of coreGroupMembers(invitees)) {
      if (i.email?.toLowerCase() === kase.socialWorker.email.toLowerCase()) continue;
      if (listOf.has(i.id)) continue;
      listOf.set(i.id, listMeetingId);
      members.push(i);
    }
  };
  const list = await deps.store.get("invite-list", `${meeting.id}:invite-list`, kase.id);
  add(list?.invitees ?? [], meeting.id);
  const today = formatIsoDate(deps.policy.calendar.toLocal(now.getTime()).day);
  if (meeting.start !== undefined && today < day) {
    // The next RCPC booked at this conference (workflow/after-meeting/next-rcpc.ts).
    const held = formatIsoDate(deps.policy.calendar.toLocal(Date.parse(meeting.start)).day);
    const nextId = meetingIdFor(kase.id, "RCPC", held);
    const next = await deps.store.get("invite-list", `${nextId}:invite-list`, kase.id);
    if (next !== undefined && (next.coreGroupOf ?? next.carriedFrom) === meeting.id)
      add(next.invitees, nextId);
  }
  return { members, listOf };
}

/**
 * after-meeting.core-group: the first core group's date to its members
 * (`core-group.first.latest`: within 10 working days of an ICPC; the chair
 * records the date with the outcome). Each once (sent-once kernel: a
 * retried task sends only what is not sent; a refused send is never
 * counted as sent and fails the task, which reaches the service owners):
 * 1. each member with an email gets one of their own (nobody sees
 *    another's address);
 * 2. a member without email (a family member, or a professional whose
 *    address is not on the list) gets a letter (standard and large print)
 *    through the social worker, who prints it and posts it or hands it
 *    over; it is tracked like an invitation letter (a card to record how,
 *    a reminder each working day until recorded: workflow/invitations/letters.ts),
 *    so nobody on the core group list is without a route;
 * 3. the social worker's card: the date, that they lead it, who was told
 *    how;
 * 4. audit (counts only).
 */
export async function sendCoreGroupNotice(
  deps: WorkflowDeps,
  task: Task,
  ctx: TaskContext,
): Promise<TaskResult> {
  const ids = taskIds(task);
  const { kase, meeting } = await loadMeeting(deps, ids.caseId, ids.meetingId);
  if (meeting.outcome === undefined || !anyPlan(meeting.outcome)) return { skipped: "no-plan" };
  const day = coreGroupDay(deps, meeting);
  if (day === undefined) return { skipped: "no-core-group-date" };
  const { members, listOf } = await coreGroupRecipients(deps, kase, meeting, day, ctx.now);
  const byEmail = members.filter((i) => i.email !== undefined);
  const byLetter = members.filter((i) => i.email === undefined);
  const title = coreGroupTitle(meeting);
  const key = (i: Invitee) => `${meeting.id}:core-group:${i.id}:${day}`;
  const emails: EmailNotice[] = byEmail.map((i) => ({
    kind: "core-group-notice",
    taskId: task.id,
    caseId: kase.id,
    meetingId: meeting.id,
    email: {
      id: key(i),
      to: { email: i.email as string, name: i.name },
      subject: subjectFor(deps.policy.id, `${title}: case ${kase.reference}`, i.relation),
      bodyText: coreGroupText(kase, meeting, i.name, day),
    },
  }));
  for (const i of byLetter) {
    const content = {
      title: `${title}, case ${kase.reference}`,
      date: formatHumanDate(deps.policy.calendar.toLocal(ctx.now.getTime()).day),
      heading: title,
      paragraphs: coreGroupText(kase, meeting, i.name, day)
        .split(/\n\s*\n/)
        .map((p) => p.replace(/\s*\n\s*/g, " ").trim())
        .filter((p) => p !== ""),
    };
    const [standard, large] = await Promise.all([
      letterPdf(content, "standard"),
      letterPdf(content, "large-print"),
    ]);
    emails.push({
      kind: "core-group-letter",
      taskId: task.id,
      caseId: kase.id,
      meetingId: meeting.id,
      email: {
        id: `${key(i)}:letter`,
        to: { email: kase.socialWorker.email, name: kase.socialWorker.name },
        subject: withPrefix(deps.policy.id, `Letter to print: case ${kase.reference}`),
        bodyText: [
          `${i.name} (${i.role}) has no email address, so their letter with the ${title.toLowerCase()}'s date is attached to print: a standard copy and a large-print copy.`,
          "Please post it or hand it over, then record how on the card in Teams.",
        ].join("\n"),
        attachments: [
          { name: `core-group-${i.id}.pdf`, contentType: "application/pdf", content: standard },
          {
            name: `core-group-${i.id}-large-print.pdf`,
            contentType: "application/pdf",
            content: large,
          },
        ],
      },
    });
  }
  const mail = await sendEmailsOnce(deps, deps.authority.organizer, emails);
  for (const person of byLetter) {
    await trackCoreGroupLetter(deps, {
      kase,
      listMeetingId: listOf.get(person.id) ?? meeting.id,
      person,
      day,
      what: "Core group date",
      taskId: task.id,
      now: ctx.now,
    });
  }
  const dayWords = formatHumanDate(parseIsoDate(day));
  await sendCardOnce(deps, {
    id: `${meeting.id}:core-group:${day}:${kase.socialWorker.entraObjectId}`,
    kind: "core-group-sw",
    recipient: kase.socialWorker,
    card: cards.done({
      title: `${title}: you lead it`,
      message: `The conference set the ${title.toLowerCase()} for ${dayWords}. Please arrange its time and place and tell the members. They have been sent the date.`,
      caseReference: kase.reference,
      facts: [
        { title, value: dayWords },
        {
          title: "Told by email",
          value: byEmail.length === 0 ? "Nobody" : byEmail.map((i) => i.name).join(", "),
        },
        {
          title: "Letter for you to post",
          value: byLetter.length === 0 ? "None" : byLetter.map((i) => i.name).join(", "),
        },
      ],
    }),
    preview: `${title} for case ${kase.reference}`,
    taskId: task.id,
    caseId: kase.id,
    meetingId: meeting.id,
  });
  if (mail.sent > 0) {
    await audit(deps, {
      caseId: kase.id,
      actor: "system",
      action: "core-group.notice",
      target: { type: "meeting", id: meeting.id },
      detail: { emails: byEmail.length, letters: byLetter.length },
    });
  }
  return {
    emails: byEmail.length,
    letters: byLetter.length,
    sent: mail.sent,
    alreadySent: mail.alreadySent,
  };
}
