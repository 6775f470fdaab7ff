import { agenciesOf } from "../reports/agencies";
import { parseSubmission } from "../../cards/common/errors";
import { submittedValues } from "../../cards/common/values";
import { buildQuoracyRecordCard } from "../../cards/quoracy-record/build";
import { QuoracyRecordSubmission } from "../../cards/quoracy-record/submission";
import type { Case, Meeting } from "../../model";
import { QUORUM } from "../../rules/quoracy";
import { loadForAction } from "../kernel/load-for-action";
import { cardResponse } from "../kernel/respond";
import { audit } from "../kernel/audit";
import * as cards from "../kernel/cards";
import type { WorkflowDeps } from "../kernel/deps";
import { WorkflowError } from "../kernel/errors";
import type { ActionRequest, ActionResponse, CardJson } from "../../ports";
import { updateDoc } from "../kernel/update-doc";
import { approvalWords } from "./approvals";
import { standDownRequestCard } from "./request-action";

/**
 * docs/rules.md, stand-down: quorate when at least 2 agencies other than
 * children's social care are present or reporting, or, when fewer than 2
 * work with the family, all of those (rules/quoracy.ts QUORUM).
 */
export function isQuorate(present: number, agenciesWorking: number): boolean {
  return present >= Math.min(QUORUM, agenciesWorking);
}

const recordWords = (r: NonNullable<Meeting["quoracyRecord"]>): string =>
  `Recorded ${r.quorate ? "quorate" : "not quorate"}: ${r.agencies.length} agenc${r.agencies.length === 1 ? "y" : "ies"} present or reporting, ${Math.min(QUORUM, r.agenciesWorking)} needed.`;

function assertRecordable(meeting: Meeting): void {
  if (meeting.status === "stood-down")
    throw new WorkflowError("Conflict", "This meeting has been stood down.");
  if (meeting.status === "requested" || meeting.start === undefined)
    throw new WorkflowError("Conflict", "This meeting is not booked yet.");
}

/** The chair's card (chat "quoracy REF"). */
export async function quoracyRecordCard(
  deps: WorkflowDeps,
  kase: Case,
  meeting: Meeting,
  redisplay: { errors?: Record<string, string>; values?: Record<string, string> } = {},
): Promise<CardJson> {
  assertRecordable(meeting);
  const agencies = await agenciesOf(deps, kase, meeting);
  return buildQuoracyRecordCard({
    caseId: kase.id,
    caseReference: kase.reference,
    ...(meeting.etag !== undefined ? { cardVersion: meeting.etag } : {}),
    meetingId: meeting.id,
    meetingKind: meeting.kind,
    meetingStart: meeting.start ?? "",
    agencies: [...agencies].map(([key, name]) => ({ key, name })),
    ...(meeting.quoracyRecord !== undefined
      ? { lastRecord: recordWords(meeting.quoracyRecord) }
      : {}),
    ...redisplay,
  });
}

/**
 * verb quoracy.record (the chair decides, docs/rules.md, stand-down):
 * 1. load; the meeting's chair only; booked and not stood down;
 * 2. parse; the agencies must be ones on the invite list;
 * 3. record on the meeting who, when, the agencies, how many work with the
 *    family and whether quorate (a later record replaces it); audit;
 * 4. not quorate: answer the stand-down request card with "not quorate"
 *    chosen: standing down is the chair's call, and the policy's approval
 *    still applies.
 */
export async function recordQuoracy(
  deps: WorkflowDeps,
  request: ActionRequest,
): Promise<ActionResponse> {
  const { kase, meeting } = await loadForAction(deps, request, ["chair"]);
  assertRecordable(meeting);
  const parsed = parseSubmission(QuoracyRecordSubmission, request.data);
  const values = submittedValues(request.data);
  if (!parsed.ok)
    return cardResponse(
      await quoracyRecordCard(deps, kase, meeting, { errors: parsed.errors, values }),
    );
  const known = await agenciesOf(deps, kase, meeting);
  const agencies = [...new Set(parsed.value.agencies)];
  if (agencies.some((a) => !known.has(a))) {
    return cardResponse(
      await quoracyRecordCard(deps, kase, meeting, {
        errors: { agencies: "Choose agencies from the invite list" },
        values,
      }),
    );
  }
  const record = {
    by: request.actor.objectId,
    at: deps.clock().toISOString(),
    agencies,
    agenciesWorking: parsed.value.agenciesWorking,
    quorate: isQuorate(agencies.length, parsed.value.agenciesWorking),
  };
  await updateDoc(deps.store, "meeting", meeting.id, kase.id, (m) => {
    assertRecordable(m);
    return { ...m, quoracyRecord: record };
  });
  await audit(deps, {
    caseId: kase.id,
    actor: request.actor.objectId,
    action: "meeting.quoracy.recorded",
    target: { type: "meeting", id: meeting.id },
    detail: { present: agencies.length, working: record.agenciesWorking, quorate: record.quorate },
  });
  if (record.quorate) {
    return cardResponse(
      cards.done({ title: "Quorate", message: recordWords(record), caseReference: kase.reference }),
    );
  }
  return cardResponse(
    standDownRequestCard(deps, kase, meeting, {
      reason: "not-quorate",
      note: `${recordWords(record)} You may stand it down; ${approvalWords(deps.policy.id)} must approve.`,
    }),
  );
}
