import { confirmationCard } from "../booking/confirmation-card";
import { AllowRecordingSubmission } from "../../cards/booking-confirmation/submission";
import { parseSubmission } from "../../cards/common/errors";
import { submittedValues } from "../../cards/common/values";
import type { ActionRequest, ActionResponse } from "../../ports";
import { audit } from "../kernel/audit";
import { authorise } from "../kernel/authorise";
import * as cards from "../kernel/cards";
import type { WorkflowDeps } from "../kernel/deps";
import { enqueue } from "../kernel/enqueue";
import { WorkflowError } from "../kernel/errors";
import { meetingIds } from "../kernel/ids";
import { loadMeeting } from "../kernel/load";
import { cardResponse } from "../kernel/respond";
import { updateDoc } from "../kernel/update-doc";
import { SET_RECORDING } from "./set-recording";

/**
 * verb meeting.allow-recording: the chair allows THIS meeting to be
 * recorded, agreed beforehand, with the reason (Leicestershire records a
 * conference when no clerk can be found). Recording is off for every other
 * meeting; nothing here touches another.
 * 1. load; authorise: the chair of this meeting only; parse (the reason is required);
 * 2. only a booked meeting not yet held;
 * 3. keep who, when and why on the meeting (the reason is staff words: on
 *    the meeting, never in the audit detail or the logs);
 * 4. queue the Teams change (set-recording reads it back); audit.
 */
export async function allowRecording(
  deps: WorkflowDeps,
  request: ActionRequest,
): Promise<ActionResponse> {
  const { caseId, meetingId } = meetingIds(request.data);
  const { kase, meeting } = await loadMeeting(deps, caseId, meetingId);
  await authorise(deps, request.actor, ["chair"], { verb: request.verb, kase, meeting });
  const parsed = parseSubmission(AllowRecordingSubmission, request.data);
  if (!parsed.ok) {
    return cardResponse(
      confirmationCard(kase, meeting, "chair", {
        errors: parsed.errors,
        values: submittedValues(request.data),
      }),
    );
  }
  if (meeting.status !== "booked" && meeting.status !== "invited") {
    throw new WorkflowError(
      "Conflict",
      "Recording can be agreed only for a booked conference that has not been held.",
    );
  }
  const now = deps.clock().toISOString();
  const { changed } = await updateDoc(deps.store, "meeting", meeting.id, kase.id, (m) =>
    m.recording !== undefined
      ? undefined
      : {
          ...m,
          recording: {
            allowedBy: request.actor.objectId,
            at: now,
            reason: parsed.value.recordingReason,
          },
        },
  );
  await enqueue(deps, { taskType: SET_RECORDING, caseId: kase.id, meetingId: meeting.id });
  if (changed) {
    await audit(deps, {
      caseId: kase.id,
      actor: request.actor.objectId,
      action: "meeting.recording-allowed",
      target: { type: "meeting", id: meeting.id },
      detail: { reasonRecorded: true },
    });
  }
  return cardResponse(
    cards.done({
      title: changed ? "Recording agreed for this meeting" : "Recording was already agreed",
      message:
        "Teams will record this conference from the start. Only this meeting is recorded; every other stays unrecorded.",
      caseReference: kase.reference,
    }),
  );
}
