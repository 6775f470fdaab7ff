import { createOnce } from "../kernel/create-once";
import { type TaskContext, type TaskResult } from "../../ports/tasks";
import { parseSubmission } from "../../cards/common/errors";
import { submittedValues } from "../../cards/common/values";
import { QaNoticeSubmission } from "../../cards/qa-notice/submission";
import { taskPk, type Case, type Meeting, type QaNotice, type Task } from "../../model";
import { isStoreError } from "../../ports/store";
import { asPersonRef, staffById, staffWithRole } from "../kernel/authority";
import { audit } from "../kernel/audit";
import { authorise } from "../kernel/authorise";
import * as cards from "../kernel/cards";
import type { WorkflowDeps } from "../kernel/deps";
import { loadCase } from "../kernel/load";
import { sendCardOnce } from "../kernel/notify";
import type { ActionRequest, ActionResponse, Actor } from "../../ports";
import { cardResponse } from "../kernel/respond";
import { loadCaseAndMeeting } from "../kernel/load-for-action";
import { distinctPeople } from "../kernel/distinct";

/** The task that sends a stored QA notice to its recipients. */
export const QA_NOTICE_TASK = "qa-notice.send";

const TITLES: Record<QaNotice["kind"], string> = {
  "good-practice": "Recognition of good practice",
  "dispute-resolution": "Informal dispute resolution alert",
};

/** The QA notice card for the chair of the case. */
export function qaNoticeCard(
  kase: Case,
  meeting: Meeting | undefined,
  redisplay: { errors?: Record<string, string>; values?: Record<string, string> } = {},
) {
  return cards.qaNotice({
    caseId: kase.id,
    caseReference: kase.reference,
    ...(meeting !== undefined ? { meetingId: meeting.id } : {}),
    socialWorkerName: kase.socialWorker.name,
    ...redisplay,
  });
}

/** `qa REF` in chat: only the chair of the case's conference gets the card. */
export async function qaCommand(
  deps: WorkflowDeps,
  actor: Actor,
  kase: Case,
  meeting: Meeting | undefined,
) {
  await authorise(deps, actor, ["chair"], {
    verb: "message.qa",
    kase,
    ...(meeting ? { meeting } : {}),
  });
  return qaNoticeCard(kase, meeting);
}

/**
 * West Sussex's recipients: the SW, PM and GM (the case's team and service
 * managers); recognition of good practice also goes to the CPA team
 * manager (the authority's QA managers).
 */
export function qaRecipients(deps: WorkflowDeps, kase: Case, kind: QaNotice["kind"]) {
  const people = [kase.socialWorker, kase.teamManager, kase.serviceManager];
  if (kind === "good-practice")
    people.push(...staffWithRole(deps.authority, "qa-manager").map(asPersonRef));
  return distinctPeople(people);
}

/**
 * verb qa-notice.send (West Sussex): the CPA's notice about a case.
 * 1. load the case (and the conference, if the card names one); only the
 *    chair of the case may send (a forged one is refused, audited);
 * 2. parse; a malformed card comes back with its errors, nothing stored;
 * 3. store the notice (id from the invoke, so a retried invoke stores it
 *    once) with the SW's team, for the counts per team;
 * 4. queue the sending (cards to the recipients, each once); audit (ids only).
 */
export async function sendQaNotice(
  deps: WorkflowDeps,
  request: ActionRequest,
): Promise<ActionResponse> {
  const { kase, meeting } = await loadCaseAndMeeting(deps, request);
  await authorise(deps, request.actor, ["chair"], {
    verb: request.verb,
    kase,
    ...(meeting ? { meeting } : {}),
  });
  const parsed = parseSubmission(QaNoticeSubmission, request.data);
  if (!parsed.ok) {
    return cardResponse(
      qaNoticeCard(kase, meeting, { errors: parsed.errors, values: submittedValues(request.data) }),
    );
  }
  const s = parsed.value;
  const now = deps.clock();
  const key = request.activityId ?? String(now.getTime());
  const team = staffById(deps.authority, kase.socialWorker.entraObjectId)?.team;
  const notice: QaNotice = {
    id: `${kase.id}:qa-notice:${key}`,
    type: "qa-notice",
    pk: kase.id,
    caseId: kase.id,
    ...(meeting !== undefined ? { meetingId: meeting.id } : {}),
    kind: s.kind,
    by: request.actor.objectId,
    at: now.toISOString(),
    socialWorkerId: kase.socialWorker.entraObjectId,
    ...(team !== undefined ? { team } : {}),
    text: s.text,
    recipients: qaRecipients(deps, kase, s.kind).map((p) => p.entraObjectId),
  };
  let created = true;
  try {
    await deps.store.create(notice);
  } catch (err) {
    if (!isStoreError(err, "Conflict")) throw err;
    created = false;
  }
  await queueNotice(deps, notice);
  if (created) {
    await audit(deps, {
      caseId: kase.id,
      actor: request.actor.objectId,
      action: "qa-notice.sent",
      target: { type: "qa-notice", id: notice.id },
      detail: { kind: notice.kind, recipients: notice.recipients.length },
    });
  }
  return cardResponse(
    cards.done({
      title: `${TITLES[s.kind]} sent`,
      message:
        "It goes to the people the council's procedure names and is counted for the performance team.",
      caseReference: kase.reference,
      facts: [
        {
          title: "To",
          value: qaRecipients(deps, kase, s.kind)
            .map((p) => p.name)
            .join(", "),
        },
      ],
    }),
  );
}

/** A case-level task (no meeting): its id names the notice. */
async function queueNotice(deps: WorkflowDeps, notice: QaNotice): Promise<void> {
  const base = { taskType: QA_NOTICE_TASK, caseId: notice.caseId };
  const task: Task = {
    id: `${notice.id}:send`,
    type: "task",
    pk: taskPk(base),
    ...base,
    dueAt: deps.clock().toISOString(),
    status: "pending",
    attempts: 0,
  };
  if (await createOnce(deps.store, task)) deps.kick();
}

/** qa-notice.send task: the notice's card to each recipient, once each. */
export async function deliverQaNotice(
  deps: WorkflowDeps,
  task: Task,
  _ctx: TaskContext,
): Promise<TaskResult> {
  const noticeId = task.id.replace(/:send$/, "");
  if (task.caseId === undefined) return { skipped: "no-case" };
  const [kase, notice] = await Promise.all([
    loadCase(deps, task.caseId),
    deps.store.get("qa-notice", noticeId, task.caseId),
  ]);
  if (notice === undefined) return { skipped: "no-notice" };
  const from = staffById(deps.authority, notice.by)?.name ?? "The chair";
  const recipients = qaRecipients(deps, kase, notice.kind).filter((p) =>
    notice.recipients.includes(p.entraObjectId),
  );
  for (const person of recipients) {
    await sendCardOnce(deps, {
      id: `${notice.id}:${person.entraObjectId}`,
      kind: `qa-notice.${notice.kind}`,
      recipient: person,
      card: cards.done({
        title: TITLES[notice.kind],
        message: notice.text,
        caseReference: kase.reference,
        facts: [
          { title: "From", value: `${from} (chair)` },
          { title: "Social worker", value: kase.socialWorker.name },
        ],
      }),
      preview: `${TITLES[notice.kind]}: case ${kase.reference}`,
      taskId: task.id,
      caseId: kase.id,
    });
  }
  return { cards: recipients.length };
}
