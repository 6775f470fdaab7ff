import { confirmationCard } from "./confirmation-card";
import { optional } from "../kernel/optional";
import type { Case, Meeting } from "../../model";
import * as cards from "../kernel/cards";
import type { WorkflowDeps } from "../kernel/deps";
import { meetingTimeline } from "../timeline/meeting-timeline";
import type { CardNotice } from "../kernel/notify";
import type { InviteeDraft } from "../../cards/invite-list/view-model";
import { conferenceKind } from "../kernel/conference-kind";
import { dueOf, INVITE_LIST_RULES, POLICE_CHECK_RULES } from "../timeline/timeline-dates";

/**
 * The cards that follow a booking: the confirmation for the chair (who may
 * decline for a conflict of interest, West Sussex) and the SW, and the SW's two
 * requests, each with its deadline from the policy's timeline: the invite
 * list (with police checks and their reasons, Leicestershire) and the family's access
 * needs (virtual-conference). Ids are `${taskId}:<card>:<person>` so a retried task sends
 * each once.
 */
export function staffCardsAfterBooking(
  deps: WorkflowDeps,
  kase: Case,
  meeting: Meeting,
  taskId: string,
  /** The invite list's rows: an RCPC's start from the last conference's list (workflow/invitations/invite-list.ts). */
  inviteRows: InviteeDraft[] = [],
): CardNotice[] {
  if (meeting.start === undefined || meeting.end === undefined) return [];
  const timeline = meetingTimeline(deps.policy, meeting);
  const base = { caseId: kase.id, meetingId: meeting.id, taskId };
  const ref = { caseId: kase.id, caseReference: kase.reference };
  const kind = conferenceKind(meeting);
  const confirmation = (recipient: "chair" | "social-worker") =>
    confirmationCard(kase, meeting, recipient);
  const notices: CardNotice[] = [];
  if (meeting.chair !== undefined) {
    notices.push({
      ...base,
      id: `${taskId}:confirm:${meeting.chair.entraObjectId}`,
      kind: "booking-confirmation",
      recipient: meeting.chair,
      card: confirmation("chair"),
      preview: `${meeting.kind} booked for case ${kase.reference}: please confirm`,
    });
  }
  notices.push(
    {
      ...base,
      id: `${taskId}:confirm:${kase.socialWorker.entraObjectId}`,
      kind: "booking-confirmation",
      recipient: kase.socialWorker,
      card: confirmation("social-worker"),
      preview: `${meeting.kind} booked for case ${kase.reference}`,
    },
    {
      ...base,
      id: `${taskId}:invite-list:${kase.socialWorker.entraObjectId}`,
      kind: "invite-list-request",
      recipient: kase.socialWorker,
      card: cards.inviteList({
        ...ref,
        meetingId: meeting.id,
        meetingKind: kind,
        meetingStart: meeting.start,
        ...optional("dueAt", dueOf(timeline, ...INVITE_LIST_RULES)),
        ...optional("policeChecksDueAt", dueOf(timeline, ...POLICE_CHECK_RULES)),
        rows: inviteRows,
      }),
      preview: `Invite list needed for case ${kase.reference}`,
    },
    {
      ...base,
      id: `${taskId}:family-access:${kase.socialWorker.entraObjectId}`,
      kind: "family-access-request",
      recipient: kase.socialWorker,
      card: cards.familyAccess({
        ...ref,
        meetingId: meeting.id,
        meetingKind: kind,
        meetingStart: meeting.start,
        ...optional("dueAt", dueOf(timeline, "family.report-sharing")),
      }),
      preview: `The family's access needs for case ${kase.reference}`,
    },
  );
  return notices;
}
