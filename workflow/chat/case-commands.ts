import type { Case, Meeting } from "../../model";
import type { ActionResponse, Actor } from "../../ports";
import { bookCard } from "../booking/booking-card";
import { OFFER_REBOOKING } from "../booking/offer-booking";
import { REQUESTERS, requestCard } from "../booking/request-conference";
import { outcomeCard } from "../after-meeting/outcome";
import { qaCommand } from "../after-meeting/qa-notice";
import { consultationCommand } from "../consultation/consultation";
import { familyAccessCard } from "../invitations/family-access";
import { LIST_KEEPERS, openInviteListCard } from "../invitations/invite-list";
import { audit } from "../kernel/audit";
import { authorise } from "../kernel/authorise";
import type { WorkflowDeps } from "../kernel/deps";
import { enqueue } from "../kernel/enqueue";
import { WorkflowError } from "../kernel/errors";
import { cardResponse } from "../kernel/respond";
import { reportStatusCard } from "../reports/report-status";
import { quoracyRecordCard } from "../stand-down/quoracy-record";
import { STAND_DOWN_REQUESTERS, standDownRequestCard } from "../stand-down/request-action";

/** What a case command acts on: the case, its current conference, and the verb for the audit. */
export interface CaseCommandInput {
  kase: Case;
  meeting: Meeting | undefined;
  verb: string;
}

export type CaseCommandRun = (
  deps: WorkflowDeps,
  actor: Actor,
  input: CaseCommandInput,
) => Promise<ActionResponse>;

/** The meeting a command is about: the newest one not stood down. */
export function currentMeeting(meetings: readonly Meeting[]): Meeting | undefined {
  return [...meetings]
    .filter((m) => m.status !== "stood-down")
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
}

/** Reading a case from the chat is audited (ids only), before any card is shown. */
export async function auditCaseRead(
  deps: WorkflowDeps,
  actor: Actor,
  kase: Case,
  verb: string,
): Promise<void> {
  await audit(deps, {
    caseId: kase.id,
    actor: actor.objectId,
    action: "case.read",
    target: { type: "case", id: kase.id },
    detail: { via: verb },
  });
}

function needsMeeting(kase: Case, meeting: Meeting | undefined): Meeting {
  if (meeting === undefined)
    throw new WorkflowError(
      "NotFound",
      `no conference has been asked for on case ${kase.reference} yet. The social worker can ask for one by typing "request ${kase.reference}"`,
    );
  return meeting;
}

export const requestCommand: CaseCommandRun = async (deps, actor, { kase, verb }) => {
  await authorise(deps, actor, REQUESTERS, { verb, kase });
  return cardResponse(requestCard(kase));
};

export const bookCommand: CaseCommandRun = async (deps, actor, { kase, meeting: m, verb }) => {
  const meeting = needsMeeting(kase, m);
  await authorise(deps, actor, ["clerk"], { verb, kase, meeting });
  if (meeting.status !== "requested")
    throw new WorkflowError(
      "Conflict",
      `the conference for case ${kase.reference} is already booked. To move it, type "rebook ${kase.reference}"`,
    );
  if (meeting.offer === undefined)
    throw new WorkflowError(
      "Conflict",
      "the free slots are still being worked out: try again in a minute",
    );
  return cardResponse(bookCard(deps, kase, meeting, meeting.offer));
};

export const rebookCommand: CaseCommandRun = async (deps, actor, { kase, meeting: m, verb }) => {
  const meeting = needsMeeting(kase, m);
  await authorise(deps, actor, ["clerk"], { verb, kase, meeting });
  if (meeting.status !== "booked" && meeting.status !== "invited")
    throw new WorkflowError(
      "Conflict",
      "only a booked conference that has not been held can be moved",
    );
  await enqueue(deps, {
    taskType: OFFER_REBOOKING,
    caseId: kase.id,
    meetingId: meeting.id,
    key: String(deps.clock().getTime()),
  });
  return {
    kind: "message",
    text: `Finding free slots for case ${kase.reference}: the booking card follows.`,
  };
};

export const inviteListCommand: CaseCommandRun = async (
  deps,
  actor,
  { kase, meeting: m, verb },
) => {
  const meeting = needsMeeting(kase, m);
  // Reopens with everyone on it (nobody lost); the clerk may edit too.
  await authorise(deps, actor, LIST_KEEPERS, { verb, kase, meeting });
  return cardResponse(await openInviteListCard(deps, kase, meeting));
};

export const familyCommand: CaseCommandRun = async (deps, actor, { kase, meeting: m, verb }) => {
  const meeting = needsMeeting(kase, m);
  await authorise(deps, actor, ["social-worker", "team-manager"], { verb, kase, meeting });
  return cardResponse(familyAccessCard(deps, kase, meeting));
};

export const reportsCommand: CaseCommandRun = async (deps, actor, { kase, meeting: m, verb }) => {
  const meeting = needsMeeting(kase, m);
  await authorise(deps, actor, ["social-worker", "team-manager"], { verb, kase, meeting });
  return cardResponse(await reportStatusCard(deps, kase, meeting));
};

export const standDownCommand: CaseCommandRun = async (deps, actor, { kase, meeting: m, verb }) => {
  const meeting = needsMeeting(kase, m);
  await authorise(deps, actor, STAND_DOWN_REQUESTERS, { verb, kase, meeting });
  return cardResponse(standDownRequestCard(deps, kase, meeting));
};

export const quoracyCommand: CaseCommandRun = async (deps, actor, { kase, meeting: m, verb }) => {
  const meeting = needsMeeting(kase, m);
  await authorise(deps, actor, ["chair"], { verb, kase, meeting });
  return cardResponse(await quoracyRecordCard(deps, kase, meeting));
};

export const outcomeCommand: CaseCommandRun = async (deps, actor, { kase, meeting: m, verb }) => {
  const meeting = needsMeeting(kase, m);
  await authorise(deps, actor, ["chair"], { verb, kase, meeting });
  // Knowable before the form is filled in: say so before showing it.
  if (meeting.start === undefined || Date.parse(meeting.start) > deps.clock().getTime())
    throw new WorkflowError(
      "Conflict",
      `the ${meeting.kind} for case ${kase.reference} has not started yet, so its outcome cannot be recorded. Type "outcome ${kase.reference}" once it has started`,
    );
  return cardResponse(outcomeCard(deps, kase, meeting));
};

export const qaNoticeCommand: CaseCommandRun = async (deps, actor, { kase, meeting: m }) =>
  cardResponse(await qaCommand(deps, actor, kase, needsMeeting(kase, m)));

/** A consultation comes before any conference is asked for: no meeting needed. */
export const consultCommand: CaseCommandRun = async (deps, actor, { kase, meeting }) =>
  cardResponse(await consultationCommand(deps, actor, kase, meeting));
