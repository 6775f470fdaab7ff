import { RequestConferenceSubmission } from "../../cards/request-conference/submission";
import { parseSubmission } from "../../cards/common/errors";
import { submittedValues } from "../../cards/common/values";
import type { AuditEntry, Case, Meeting } from "../../model";
import { isStoreError } from "../../ports/store";
import { RulesInputError, formatHumanInstant } from "../../rules";
import { audit } from "../kernel/audit";
import { bookReReferralMapping } from "../consultation/re-referral";
import { authorise } from "../kernel/authorise";
import * as cards from "../kernel/cards";
import type { WorkflowDeps } from "../kernel/deps";
import { WorkflowError } from "../kernel/errors";
import { loadCase } from "../kernel/load";
import { meetingLimit, meetingTimeline } from "../timeline/meeting-timeline";
import { MILESTONES } from "../timeline/milestones";
import { planMeetingTasks } from "../timeline/plan-meeting-tasks";
import type { ActionRequest, ActionResponse } from "../../ports";
import { enqueue } from "../kernel/enqueue";
import { OFFER_BOOKING } from "./offer-booking";
import { cardResponse } from "../kernel/respond";

export const REQUESTERS = ["social-worker", "team-manager", "service-manager"] as const;

/** The request card for a case, as its SW or manager sees it. */
export function requestCard(
  kase: Case,
  redisplay: Parameters<typeof cards.requestConference>[0]["errors"] = undefined,
  values?: Record<string, unknown>,
) {
  return cards.requestConference({
    caseId: kase.id,
    caseReference: kase.reference,
    children: kase.children.map((c) => ({ id: c.id, firstName: c.name.split(" ")[0] ?? c.name })),
    indexChildId: kase.indexChildId,
    ...(redisplay !== undefined ? { errors: redisplay } : {}),
    ...(values !== undefined ? { values: values as never } : {}),
  });
}

/** Deterministic: the same request twice (Teams retries invokes) names the same meeting. */
export const meetingIdFor = (caseId: string, kind: string, anchor: string): string =>
  `${caseId}.${kind.toLowerCase()}.${anchor}`;

/**
 * verb conference.request: the SW or a manager asks for an ICPC or RCPC.
 * 1. parse the card; a malformed one comes back with its errors, nothing stored;
 * 2. load the case and check the actor is its SW, TM or SM;
 * 3. check the anchor with the rules (a real date, not in the future, in the
 *    supported years): the timeline refuses what it cannot count from;
 * 4. create the meeting (status requested; Conflict = asked already) and
 *    record `conference.requested` (Leicestershire `icpc.request`);
 * 5. plan the tasks the anchor already fixes (icpc.latest and the
 *    strategy-anchored deadlines);
 * 6. queue the booking offer to the clerks (it reads the chair's free/busy
 *    from Outlook, so it runs in the background);
 * 7. audit, and answer with the limit the clerk books within.
 */
export async function requestConference(
  deps: WorkflowDeps,
  request: ActionRequest,
): Promise<ActionResponse> {
  const caseId =
    typeof (request.data as { caseId?: unknown })?.caseId === "string"
      ? (request.data as { caseId: string }).caseId
      : undefined;
  if (caseId === undefined) throw new WorkflowError("BadInput", "The card has no case id.");
  const kase = await loadCase(deps, caseId);
  await authorise(deps, request.actor, REQUESTERS, { verb: request.verb, kase });

  const outcome = await openConferenceRequest(deps, kase, request.data, request.actor.objectId);
  if (!outcome.ok) {
    return cardResponse(requestCard(kase, outcome.errors, submittedValues(request.data)));
  }
  const limit = outcome.limit;
  // Asked for after the limit passed: said at once, in red, never a green
  // tick and a "must be held by" in the past. The limit's escalation runs at
  // once (its task is already due) to the managers and clerks, and booking
  // it needs the Service Manager's approval (docs/rules.md, out of timescale).
  const pastLimit = limit !== undefined && limit.getTime() < deps.clock().getTime();
  return cardResponse(
    cards.done({
      title: outcome.created ? "Conference requested" : "Already requested",
      message: "The clerks have been asked to book it.",
      caseReference: kase.reference,
      ...(pastLimit
        ? {
            warning: `This conference is already past its limit (it had to be held by ${formatHumanInstant(limit.getTime())}): it is out of timescale. Booking it needs the approval of the Service Manager, ${kase.serviceManager.name}, who has been told with the team manager and the clerks.`,
          }
        : {}),
      facts:
        limit === undefined
          ? []
          : [
              {
                title: pastLimit ? "Limit passed" : "Must be held by",
                value: formatHumanInstant(limit.getTime()),
              },
            ],
    }),
  );
}

export type ConferenceRequestOutcome =
  | { ok: false; errors: Record<string, string> }
  | { ok: true; created: boolean; meetingId: string; limit: Date | undefined };

/**
 * Steps 3 to 7 of the request, for an authorised requester: the card above
 * and the case system's strategy-discussion API both come through here, so
 * a request opens the same meeting, limit and deadlines whichever way it
 * came. `data` is what the card submits (RequestConferenceSubmission);
 * `actor` is a person's Entra object id, the calling application's id, or
 * "system" (the go-live import).
 */
export async function openConferenceRequest(
  deps: WorkflowDeps,
  kase: Case,
  data: unknown,
  actor: AuditEntry["actor"],
  /**
   * `offer: false`: the caller books it at once (the go-live import linking an
   * Outlook event that already exists), so the clerks are offered no slots.
   */
  options: { offer?: boolean } = {},
): Promise<ConferenceRequestOutcome> {
  const parsed = parseSubmission(RequestConferenceSubmission, data);
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  const s = parsed.value;
  const known = new Set(kase.children.map((c) => c.id));
  if (s.childIds.some((id) => !known.has(id))) {
    return { ok: false, errors: { childIds: "Choose from the children on this case" } };
  }
  const anchorDate = s.meetingKind === "ICPC" ? s.strategyDate : s.previousConferenceDate;
  if (anchorDate === undefined) throw new WorkflowError("BadInput", "The card has no anchor date.");
  const today = deps.policy.calendar.toLocal(deps.clock().getTime()).day;
  const now = deps.clock();
  const field = s.meetingKind === "ICPC" ? "strategyDate" : "previousConferenceDate";

  const meetingId = meetingIdFor(kase.id, s.meetingKind, anchorDate);
  const meeting: Meeting = {
    id: meetingId,
    type: "meeting",
    pk: kase.id,
    caseId: kase.id,
    kind: s.meetingKind,
    status: "requested",
    anchors: s.meetingKind === "ICPC" ? { strategy: anchorDate } : { previous: anchorDate },
    milestones: {
      [MILESTONES.conferenceRequested]: { at: now.toISOString(), by: actor },
    },
    ...(actor !== "system" ? { requestedBy: actor } : {}),
    // The children the conference is about and the index child, as chosen
    // on the card (decisions, the register and the figures are per child).
    childIds: s.childIds,
    indexChildId: s.indexChildId,
    inPerson: false,
    ...(kase.chair !== undefined ? { chair: kase.chair } : {}),
    createdAt: now.toISOString(),
  };

  let timeline;
  try {
    timeline = meetingTimeline(deps.policy, meeting);
  } catch (err) {
    if (err instanceof RulesInputError) return { ok: false, errors: { [field]: err.message } };
    throw err;
  }
  const anchorDay = deps.policy.calendar.toLocal(Date.parse(`${anchorDate}T12:00:00Z`)).day;
  if (anchorDay > today) {
    return {
      ok: false,
      errors: { [field]: "That date is in the future: give the date it happened" },
    };
  }

  let created = true;
  try {
    await deps.store.create(meeting);
  } catch (err) {
    if (!isStoreError(err, "Conflict")) throw err;
    created = false;
  }
  await planMeetingTasks(deps, {
    caseId: kase.id,
    meetingId,
    timeline,
    actor,
    notBefore: now.getTime(),
  });
  if (options.offer !== false)
    await enqueue(deps, { taskType: OFFER_BOOKING, caseId: kase.id, meetingId });
  // Chair-consultation item 3: a re-referral for an initial conference books a case
  // mapping with the frontline service manager.
  if (s.meetingKind === "ICPC") await bookReReferralMapping(deps, { kase, meetingId, actor });
  if (created) {
    await audit(deps, {
      caseId: kase.id,
      actor,
      action: "meeting.request",
      target: { type: "meeting", id: meetingId },
      detail: { kind: s.meetingKind, children: s.childIds.length },
    });
  }
  return { ok: true, created, meetingId, limit: meetingLimit(deps.policy, meeting) };
}
