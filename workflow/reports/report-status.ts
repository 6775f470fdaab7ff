import { agenciesOf } from "./agencies";
import { optional } from "../kernel/optional";
import { parseSubmission } from "../../cards/common/errors";
import { ReportStatusSubmission } from "../../cards/report-status/submission";
import type { Case, Meeting, ReportStatus } from "../../model";
import { audit } from "../kernel/audit";
import { queueReforecast } from "../quoracy/tasks";
import * as cards from "../kernel/cards";
import { conferenceKind } from "../kernel/conference-kind";
import type { WorkflowDeps } from "../kernel/deps";
import { meetingTimeline } from "../timeline/meeting-timeline";
import { recordMilestones } from "../timeline/record-milestones";
import { MILESTONES, type MilestoneName } from "../timeline/milestones";
import type { ActionRequest, ActionResponse } from "../../ports";
import { putDoc } from "../kernel/put-doc";
import { CHAIR_REPORT_RULES, dueOf, FAMILY_REPORT_RULES } from "../timeline/timeline-dates";
import { sameExcept } from "../invitations/family-access";
import { loadForAction } from "../kernel/load-for-action";
import { cardResponse } from "../kernel/respond";

export async function reportStatusCard(
  deps: WorkflowDeps,
  kase: Case,
  meeting: Meeting,
  errors?: Record<string, string>,
) {
  const status = await deps.store.get("report-status", `${meeting.id}:reports`, kase.id);
  const agencies = await agenciesOf(deps, kase, meeting);
  const timeline = meeting.start !== undefined ? meetingTimeline(deps.policy, meeting) : undefined;
  return cards.reportStatus({
    caseId: kase.id,
    caseReference: kase.reference,
    meetingId: meeting.id,
    meetingKind: conferenceKind(meeting),
    ...optional("meetingStart", meeting.start),
    ...optional("familyDueAt", timeline && dueOf(timeline, ...FAMILY_REPORT_RULES)),
    ...optional("chairDueAt", timeline && dueOf(timeline, ...CHAIR_REPORT_RULES)),
    drafted: status?.drafted ?? false,
    qualityAssured: status?.qualityAssured ?? false,
    sharedWithFamily: status?.sharedWithFamily ?? false,
    sentToChairAndClerk: status?.sentToChairAndClerk ?? false,
    agencies: [...agencies].map(([key, name]) => ({
      key,
      name,
      received: status?.agencies[key] ?? false,
    })),
    ...(errors !== undefined ? { errors } : {}),
  });
}

/**
 * verb report-status.update: the SW's report and the agencies' reports.
 * 1. load, authorise (the case's SW or TM), parse; errors re-render;
 * 2. only agencies on the invite list are accepted (a forged key is refused);
 * 3. store the status; record `report.shared-with-family` once shared, and
 *    `reports.in` once the SW's report is with chair and clerk and every
 *    agency's report is in: the reminders watch these (Leicestershire, Swindon);
 * 4. audit.
 */
export async function updateReportStatus(
  deps: WorkflowDeps,
  request: ActionRequest,
): Promise<ActionResponse> {
  const { kase, meeting } = await loadForAction(deps, request, ["social-worker", "team-manager"]);
  const parsed = parseSubmission(ReportStatusSubmission, request.data);
  if (!parsed.ok) return cardResponse(await reportStatusCard(deps, kase, meeting, parsed.errors));
  const s = parsed.value;
  const expected = await agenciesOf(deps, kase, meeting);
  const unknown = Object.keys(s.agencies).filter((k) => !expected.has(k));
  if (unknown.length > 0) {
    return cardResponse(
      await reportStatusCard(deps, kase, meeting, {
        _form: "The card lists an agency that is not on the invite list",
      }),
    );
  }
  const now = deps.clock().toISOString();
  const agencies = Object.fromEntries([...expected.keys()].map((k) => [k, s.agencies[k] ?? false]));
  const doc: ReportStatus = {
    id: `${meeting.id}:reports`,
    type: "report-status",
    pk: kase.id,
    caseId: kase.id,
    meetingId: meeting.id,
    drafted: s.drafted,
    qualityAssured: s.qualityAssured,
    sharedWithFamily: s.sharedWithFamily,
    sentToChairAndClerk: s.sentToChairAndClerk,
    agencies,
    updatedBy: request.actor.objectId,
    updatedAt: now,
  };
  const changed = await putDoc(deps.store, doc, (old) =>
    sameExcept(old, doc, ["updatedAt", "updatedBy", "etag"]),
  );
  const reached: MilestoneName[] = [];
  if (s.sharedWithFamily) reached.push(MILESTONES.reportSharedWithFamily);
  if (s.sentToChairAndClerk) reached.push(MILESTONES.reportSentToChair);
  if (s.sentToChairAndClerk && Object.values(agencies).every(Boolean))
    reached.push(MILESTONES.reportsIn);
  await recordMilestones(deps, doc, reached, { at: now, by: request.actor.objectId });
  if (changed) {
    // A report in or an agency added can change the quoracy forecast.
    await queueReforecast(deps, { caseId: kase.id, meetingId: meeting.id });
    await audit(deps, {
      caseId: kase.id,
      actor: request.actor.objectId,
      action: "report-status.update",
      target: { type: "report-status", id: doc.id },
      detail: {
        drafted: s.drafted,
        qualityAssured: s.qualityAssured,
        sharedWithFamily: s.sharedWithFamily,
        sentToChairAndClerk: s.sentToChairAndClerk,
        agencyReportsIn: Object.values(agencies).filter(Boolean).length,
      },
    });
  }
  return cardResponse(
    cards.done({
      title: "Report status updated",
      message: "The chair sees it in the pre-meeting brief.",
      caseReference: kase.reference,
      facts: [
        {
          title: "Agency reports in",
          value: `${Object.values(agencies).filter(Boolean).length} of ${expected.size}`,
        },
      ],
    }),
  );
}
