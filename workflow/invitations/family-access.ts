import { optional } from "../kernel/optional";
import { parseSubmission } from "../../cards/common/errors";
import { submittedValues } from "../../cards/common/values";
import { FamilyAccessSubmission } from "../../cards/family-access/submission";
import type { AccessNeeds, Case, Meeting } from "../../model";
import { audit } from "../kernel/audit";
import * as cards from "../kernel/cards";
import { conferenceKind } from "../kernel/conference-kind";
import type { WorkflowDeps } from "../kernel/deps";
import { meetingTimeline } from "../timeline/meeting-timeline";
import { recordMilestones } from "../timeline/record-milestones";
import { MILESTONES } from "../timeline/milestones";
import type { ActionRequest, ActionResponse } from "../../ports";
import { dueOf } from "../timeline/timeline-dates";
import { putDoc } from "../kernel/put-doc";
import { loadForAction } from "../kernel/load-for-action";
import { cardResponse } from "../kernel/respond";

export function familyAccessCard(
  deps: WorkflowDeps,
  kase: Case,
  meeting: Meeting,
  redisplay: { errors?: Record<string, string>; values?: Record<string, string> } = {},
) {
  const timeline = meeting.start !== undefined ? meetingTimeline(deps.policy, meeting) : undefined;
  return cards.familyAccess({
    caseId: kase.id,
    caseReference: kase.reference,
    meetingId: meeting.id,
    meetingKind: conferenceKind(meeting),
    ...optional("meetingStart", meeting.start),
    ...optional("dueAt", timeline && dueOf(timeline, "family.report-sharing")),
    ...redisplay,
  });
}

/**
 * verb family-access.submit: the family's technology and access needs
 * (virtual-conference: how they join and how reports reach them, agreed by
 * `family.report-sharing`).
 * 1. load, authorise (the case's SW or TM), parse; errors re-render;
 * 2. store the needs (one document per meeting; a repeat changes nothing);
 * 3. record `family-access.recorded`; audit (no free text in the trail).
 */
export async function submitFamilyAccess(
  deps: WorkflowDeps,
  request: ActionRequest,
): Promise<ActionResponse> {
  const { kase, meeting } = await loadForAction(deps, request, ["social-worker", "team-manager"]);
  const parsed = parseSubmission(FamilyAccessSubmission, request.data);
  if (!parsed.ok) {
    return cardResponse(
      familyAccessCard(deps, kase, meeting, {
        errors: parsed.errors,
        values: submittedValues(request.data),
      }),
    );
  }
  const s = parsed.value;
  const now = deps.clock().toISOString();
  const doc: AccessNeeds = {
    id: `${meeting.id}:access-needs`,
    type: "access-needs",
    pk: kase.id,
    caseId: kase.id,
    meetingId: meeting.id,
    smartphoneWithVideo: s.smartphoneWithVideo,
    dataOrWifi: s.dataOrWifi,
    hasTeams: s.hasTeams,
    joiningBy: s.joiningBy,
    ...(s.interpreterNeeded && s.interpreterLanguage !== undefined
      ? { interpreter: { language: s.interpreterLanguage } }
      : {}),
    ...optional("accessibilityNeeds", s.accessibilityNeeds),
    reportSharing: s.reportSharing,
    ...optional("participationRisks", s.participationRisks),
    ...(s.splitConference && s.splitReason !== undefined
      ? { split: { reason: s.splitReason } }
      : {}),
    recordedBy: request.actor.objectId,
    recordedAt: now,
  };
  const changed = await putDoc(deps.store, doc, (old) =>
    sameExcept(old, doc, ["recordedAt", "recordedBy", "etag"]),
  );
  await recordMilestones(deps, doc, [MILESTONES.familyAccessRecorded], {
    at: now,
    by: request.actor.objectId,
  });
  if (changed) {
    await audit(deps, {
      caseId: kase.id,
      actor: request.actor.objectId,
      action: "family-access.record",
      target: { type: "access-needs", id: doc.id },
      detail: {
        joiningBy: s.joiningBy,
        interpreter: s.interpreterNeeded,
        split: s.splitConference,
      },
    });
  }
  return cardResponse(
    cards.done({
      title: "Family access needs recorded",
      message: "The chair sees them in the pre-meeting brief.",
      caseReference: kase.reference,
    }),
  );
}

/** True when the two documents differ only in the given keys. */
export function sameExcept<T extends object>(a: T, b: T, keys: readonly string[]): boolean {
  const strip = (x: T) =>
    JSON.stringify(
      Object.fromEntries(
        Object.entries(x)
          .filter(([k]) => !keys.includes(k))
          .sort(([p], [q]) => p.localeCompare(q)),
      ),
    );
  return strip(a) === strip(b);
}
