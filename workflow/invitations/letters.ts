import { type TaskContext, type TaskResult } from "../../ports/tasks";
import type { ActionRequest, ActionResponse } from "../../ports";
import type { Case, Invitee, Meeting, Task } from "../../model";
import { formatHumanDate, formatHumanInstant, formatIsoDate, parseIsoDate } from "../../rules";
import {
  buildInvitationLetterCard,
  LetterSentSubmission,
  type InvitationLetterView,
} from "../../cards/invitation-letter/build";
import { letterPdf } from "../../cards/invitation-letter/pdf";
import { parseSubmission } from "../../cards/common/errors";
import type { WorkflowDeps } from "../kernel/deps";
import { loadMeeting } from "../kernel/load";
import { loadForAction } from "../kernel/load-for-action";
import { sendCardOnce, sendEmailsOnce } from "../kernel/notify";
import { withPrefix } from "../kernel/subjects";
import { updateDoc } from "../kernel/update-doc";
import { enqueue } from "../kernel/enqueue";
import { taskIds } from "../kernel/task-ids";
import { audit } from "../kernel/audit";
import * as cards from "../kernel/cards";
import { cardResponse } from "../kernel/respond";
import { WorkflowError } from "../kernel/errors";
import { consultationAttachment, consultationFormFor } from "../cla/consultation-forms";

export const LETTER_REMINDER = "meeting.letter-reminder";

/** A family member or legal representative with no email: invited by a printed letter. */
export const needsLetter = (i: Invitee): boolean =>
  i.relation !== "professional" && i.email === undefined;

/**
 * How a person on the list is invited, in words (the chair's brief). A
 * letter counts only for the meeting's date (`start`): a meeting moved
 * since needs a new letter. A professional without an email has no route:
 * said, never hidden (nobody without a route).
 */
export function routeWords(i: Invitee, start?: string): string {
  if (i.relation === "professional")
    return i.email !== undefined ? "Outlook invitation" : "No email address: not invited";
  if (i.email !== undefined) return "Own email";
  const letter = start === undefined || i.letter?.forStart === start ? i.letter : undefined;
  if (letter?.sent?.how === "posted") return "Letter, posted";
  if (letter?.sent?.how === "handed-over") return "Letter, handed over";
  if (letter !== undefined) return "Letter, not yet sent";
  return "Letter, not yet made";
}

function letterParagraphs(familyText: string): string[] {
  return familyText
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, " ").trim())
    .filter((p) => p !== "");
}

/**
 * Makes each letter still owed for this meeting date (standard and large
 * print), emails both PDFs to the SW to print (file names carry ids only),
 * sends the SW a card to record how it reached the person, records the
 * letter on the list and plans a daily reminder until it is recorded.
 * Idempotent: keyed by the person and the meeting's start.
 */
export async function sendLetters(
  deps: WorkflowDeps,
  kase: Case,
  meeting: Meeting,
  people: Invitee[],
  familyText: (i: Invitee) => string,
  withForms: boolean,
  taskId: string,
  now: Date,
): Promise<number> {
  if (meeting.start === undefined) return 0;
  const start = meeting.start;
  const when = formatHumanInstant(Date.parse(start));
  const today = formatHumanDate(deps.policy.calendar.toLocal(now.getTime()).day);
  let made = 0;
  for (const person of people.filter(needsLetter)) {
    const form = withForms ? consultationFormFor(person) : undefined;
    const what = form === undefined ? "Invitation" : "Invitation and consultation form";
    const key = `${meeting.id}:letter:${person.id}:${Date.parse(start)}`;
    const content = {
      title: `Invitation to a meeting about your family, case ${kase.reference}`,
      date: today,
      heading: "Invitation",
      paragraphs: letterParagraphs(familyText(person)).concat(
        form === undefined
          ? []
          : [
              "Your consultation form for the review is with this letter: please tell us your views on it, or tell your social worker or the Independent Reviewing Officer.",
            ],
      ),
    };
    const [standard, large] = await Promise.all([
      letterPdf(content, "standard"),
      letterPdf(content, "large-print"),
    ]);
    await sendEmailsOnce(deps, deps.authority.organizer, [
      {
        kind: "invitation-letter",
        taskId,
        caseId: kase.id,
        meetingId: meeting.id,
        email: {
          id: `${key}:email`,
          to: { email: kase.socialWorker.email, name: kase.socialWorker.name },
          subject: withPrefix(deps.policy.id, `Letter to print: case ${kase.reference}`),
          bodyText: [
            `${person.name} (${person.role}) has no email address, so their ${what.toLowerCase()} is attached to print: a standard copy and a large-print copy.`,
            "Please post it or hand it over, then record how on the card in Teams.",
          ].join("\n"),
          attachments: [
            {
              name: `letter-${person.id}.pdf`,
              contentType: "application/pdf",
              content: standard,
            },
            {
              name: `letter-${person.id}-large-print.pdf`,
              contentType: "application/pdf",
              content: large,
            },
            ...(form !== undefined ? [consultationAttachment(kase, meeting, form)] : []),
          ],
        },
      },
    ]);
    await sendCardOnce(deps, {
      id: `${key}:card`,
      kind: "invitation-letter",
      recipient: kase.socialWorker,
      card: buildInvitationLetterCard({
        caseId: kase.id,
        caseReference: kase.reference,
        meetingId: meeting.id,
        inviteeId: person.id,
        name: person.name,
        role: person.role,
        what,
        when,
      }),
      preview: `A letter to post for case ${kase.reference}`,
      taskId,
      caseId: kase.id,
      meetingId: meeting.id,
    });
    await updateDoc(deps.store, "invite-list", `${meeting.id}:invite-list`, kase.id, (l) => {
      const i = l.invitees.find((x) => x.id === person.id);
      if (i === undefined || i.letter?.forStart === start) return undefined;
      return {
        ...l,
        invitees: l.invitees.map((x) =>
          x.id === person.id ? { ...x, letter: { madeAt: now.toISOString(), forStart: start } } : x,
        ),
      };
    });
    await enqueue(deps, {
      taskType: LETTER_REMINDER,
      caseId: kase.id,
      meetingId: meeting.id,
      key: reminderKey(person.id, Date.parse(start), 1),
      dueAt: nextReminderAt(deps, now),
    });
    made++;
  }
  return made;
}

/**
 * The core group's date by letter (workflow/after-meeting/core-group.ts
 * makes and emails it): tracked like the invitation letter, on the person's
 * row of the list they are on (`listMeetingId`), with the same card to the
 * SW, the same daily reminder and the same verb to record it. Idempotent:
 * keyed by the person and the core group's day.
 */
export async function trackCoreGroupLetter(
  deps: WorkflowDeps,
  input: {
    kase: Case;
    listMeetingId: string;
    person: Invitee;
    /** The core group's day (ISO). */
    day: string;
    what: string;
    taskId: string;
    now: Date;
  },
): Promise<void> {
  const { kase, listMeetingId, person, day, now } = input;
  await sendCardOnce(deps, {
    id: `${listMeetingId}:core-group-letter:${person.id}:${day}:card`,
    kind: "core-group-letter",
    recipient: kase.socialWorker,
    card: buildInvitationLetterCard(
      coreGroupLetterView(kase, listMeetingId, person, day, input.what),
    ),
    preview: `A core group letter to post for case ${kase.reference}`,
    taskId: input.taskId,
    caseId: kase.id,
    meetingId: listMeetingId,
  });
  await updateDoc(deps.store, "invite-list", `${listMeetingId}:invite-list`, kase.id, (l) => {
    const i = l.invitees.find((x) => x.id === person.id);
    if (i === undefined || i.coreGroupLetter?.forDay === day) return undefined;
    return {
      ...l,
      invitees: l.invitees.map((x) =>
        x.id === person.id
          ? { ...x, coreGroupLetter: { madeAt: now.toISOString(), forDay: day } }
          : x,
      ),
    };
  });
  await enqueue(deps, {
    taskType: LETTER_REMINDER,
    caseId: kase.id,
    meetingId: listMeetingId,
    key: coreGroupReminderKey(person.id, day, 1),
    dueAt: nextReminderAt(deps, now),
  });
}

function coreGroupLetterView(
  kase: Case,
  listMeetingId: string,
  person: Invitee,
  day: string,
  what: string,
  reminder = false,
): InvitationLetterView {
  return {
    letter: "core-group",
    caseId: kase.id,
    caseReference: kase.reference,
    meetingId: listMeetingId,
    inviteeId: person.id,
    name: person.name,
    role: person.role,
    what,
    when: formatHumanDate(parseIsoDate(day)),
    ...(reminder ? { reminder } : {}),
  };
}

/** A task carries ids only: the person, the meeting date and the reminder's number are its key. */
const reminderKey = (inviteeId: string, startMs: number, n: number) =>
  `${inviteeId}~${startMs}~${n}`;
/** A core group letter's reminder: marked, then the person, the core group's day and the number. */
const coreGroupReminderKey = (inviteeId: string, day: string, n: number) =>
  `cg~${inviteeId}~${day}~${n}`;

type ReminderKey =
  | { letter: "invitation"; inviteeId?: string; n?: number }
  | { letter: "core-group"; inviteeId?: string; day?: string; n?: number };

function parseReminderKey(taskId: string): ReminderKey {
  const key = taskId.split(`:${LETTER_REMINDER}:`)[1] ?? "";
  const parts = key.split("~");
  const num = (v: string | undefined) => (v ? { n: Number(v) } : {});
  if (parts[0] === "cg") {
    const [, inviteeId, day, n] = parts;
    return {
      letter: "core-group",
      ...(inviteeId ? { inviteeId } : {}),
      ...(day ? { day } : {}),
      ...num(n),
    };
  }
  const [inviteeId, , n] = parts;
  return { letter: "invitation", ...(inviteeId ? { inviteeId } : {}), ...num(n) };
}

/** 09:00 on the next working day: when a reminder is sent (a reminder is sent at 09:00, docs/rules.md "Counting time"). */
function nextReminderAt(deps: WorkflowDeps, now: Date): Date {
  const cal = deps.policy.calendar;
  const day = cal.workingDaysAfter(cal.toLocal(now.getTime()).day, 1);
  return new Date(cal.toInstant(day, 9 * 60));
}

/**
 * meeting.letter-reminder: while a letter is not recorded as posted or
 * handed over, the SW gets the card again at 09:00 each working day (a
 * letter never quietly forgotten); it stops once recorded, once the person
 * is off the list or has an email, and, for an invitation, once the meeting
 * has started or been stood down; for the core group's date, once that
 * day has come (a letter posted then arrives too late).
 */
export async function remindLetter(
  deps: WorkflowDeps,
  task: Task,
  ctx: TaskContext,
): Promise<TaskResult> {
  const payload = parseReminderKey(task.id);
  if (payload.letter === "core-group") return remindCoreGroupLetter(deps, task, ctx, payload);
  const ids = taskIds(task);
  const { kase, meeting } = await loadMeeting(deps, ids.caseId, ids.meetingId);
  if (meeting.status === "stood-down") return { skipped: "stood-down" };
  if (meeting.start === undefined || Date.parse(meeting.start) <= ctx.now.getTime())
    return { skipped: "meeting-started" };
  const list = await deps.store.get("invite-list", `${meeting.id}:invite-list`, kase.id);
  const person = list?.invitees.find((i) => i.id === payload.inviteeId);
  if (person === undefined) return { skipped: "not-on-list" };
  if (person.email !== undefined) return { skipped: "has-email" };
  if (person.letter?.sent !== undefined) return { skipped: "sent" };
  const n = payload.n ?? 1;
  await sendCardOnce(deps, {
    id: `${task.id}:remind`,
    kind: "invitation-letter-reminder",
    recipient: kase.socialWorker,
    card: buildInvitationLetterCard({
      caseId: kase.id,
      caseReference: kase.reference,
      meetingId: meeting.id,
      inviteeId: person.id,
      name: person.name,
      role: person.role,
      what: "Invitation",
      when: formatHumanInstant(Date.parse(meeting.start)),
      reminder: true,
    }),
    preview: `Reminder: a letter to post for case ${kase.reference}`,
    taskId: task.id,
    caseId: kase.id,
    meetingId: meeting.id,
  });
  await enqueue(deps, {
    taskType: LETTER_REMINDER,
    caseId: kase.id,
    meetingId: meeting.id,
    key: reminderKey(person.id, Date.parse(meeting.start), n + 1),
    dueAt: nextReminderAt(deps, ctx.now),
  });
  return { reminded: 1, n };
}

async function remindCoreGroupLetter(
  deps: WorkflowDeps,
  task: Task,
  ctx: TaskContext,
  payload: { inviteeId?: string; day?: string; n?: number },
): Promise<TaskResult> {
  const ids = taskIds(task);
  const { kase, meeting } = await loadMeeting(deps, ids.caseId, ids.meetingId);
  const day = payload.day;
  if (day === undefined) return { skipped: "no-day" };
  const today = formatIsoDate(deps.policy.calendar.toLocal(ctx.now.getTime()).day);
  if (today >= day) return { skipped: "core-group-day-come" };
  const list = await deps.store.get("invite-list", `${meeting.id}:invite-list`, kase.id);
  const person = list?.invitees.find((i) => i.id === payload.inviteeId);
  if (person === undefined) return { skipped: "not-on-list" };
  if (person.email !== undefined) return { skipped: "has-email" };
  if (person.coreGroupLetter?.forDay !== day) return { skipped: "no-letter" };
  if (person.coreGroupLetter.sent !== undefined) return { skipped: "sent" };
  const n = payload.n ?? 1;
  await sendCardOnce(deps, {
    id: `${task.id}:remind`,
    kind: "core-group-letter-reminder",
    recipient: kase.socialWorker,
    card: buildInvitationLetterCard(
      coreGroupLetterView(kase, meeting.id, person, day, "Core group date", true),
    ),
    preview: `Reminder: a core group letter to post for case ${kase.reference}`,
    taskId: task.id,
    caseId: kase.id,
    meetingId: meeting.id,
  });
  await enqueue(deps, {
    taskType: LETTER_REMINDER,
    caseId: kase.id,
    meetingId: meeting.id,
    key: coreGroupReminderKey(person.id, day, n + 1),
    dueAt: nextReminderAt(deps, ctx.now),
  });
  return { reminded: 1, n };
}

/**
 * verb invitation-letter.sent: the SW records a letter was posted or handed
 * over: the invitation, or (the card's `letter`) the core group's date.
 */
export async function recordLetterSent(
  deps: WorkflowDeps,
  request: ActionRequest,
): Promise<ActionResponse> {
  const { kase, meeting } = await loadForAction(deps, request, [
    "social-worker",
    "team-manager",
    "clerk",
  ]);
  const parsed = parseSubmission(LetterSentSubmission, request.data);
  if (!parsed.ok) throw new WorkflowError("BadInput", "Choose posted or handed over.");
  const { inviteeId, how, letter } = parsed.value;
  const field = letter === "core-group" ? "coreGroupLetter" : "letter";
  const now = deps.clock().toISOString();
  const listId = `${meeting.id}:invite-list`;
  const list = await deps.store.get("invite-list", listId, kase.id);
  const person = list?.invitees.find((i) => i.id === inviteeId);
  if (person === undefined || person[field] === undefined)
    throw new WorkflowError("Conflict", "That person is no longer waiting for a letter.");
  const { changed } = await updateDoc(deps.store, "invite-list", listId, kase.id, (l) => ({
    ...l,
    invitees: l.invitees.map((i) => {
      const tracked = i[field];
      return i.id === inviteeId && tracked !== undefined && tracked.sent === undefined
        ? { ...i, [field]: { ...tracked, sent: { how, at: now, by: request.actor.objectId } } }
        : i;
    }),
  }));
  if (changed) {
    await audit(deps, {
      caseId: kase.id,
      actor: request.actor.objectId,
      action: letter === "core-group" ? "core-group-letter.sent" : "invitation-letter.sent",
      target: { type: "invite-list", id: listId },
      detail: { invitee: inviteeId, how },
    });
  }
  return cardResponse(
    cards.done({
      title: how === "posted" ? "Letter recorded as posted" : "Letter recorded as handed over",
      message:
        letter === "core-group"
          ? `Thank you. ${person.name} is recorded as told the core group's date by letter.`
          : `Thank you. ${person.name} is shown on the chair's brief as invited by letter.`,
      caseReference: kase.reference,
    }),
  );
}
