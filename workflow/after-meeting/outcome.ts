import { optional } from "../kernel/optional";
import { parseSubmission } from "../../cards/common/errors";
import { submittedValues } from "../../cards/common/values";
import { OutcomeSubmission } from "../../cards/outcome/submission";
import { anyPlan, conferenceChildren, type Case, type Meeting } from "../../model";
import { planField } from "../../cards/outcome/submission";
import { formatHumanDate, formatIsoDate, formatHumanInstant, parseIsoDate } from "../../rules";
import { afterOutcome } from "./after-outcome";
import { audit } from "../kernel/audit";
import { authorise } from "../kernel/authorise";
import * as cards from "../kernel/cards";
import { conferenceKind } from "../kernel/conference-kind";
import type { WorkflowDeps } from "../kernel/deps";
import { WorkflowError } from "../kernel/errors";
import { loadMeeting } from "../kernel/load";
import { meetingTimeline } from "../timeline/meeting-timeline";
import { MILESTONES } from "../timeline/milestones";
import type { ActionRequest, ActionResponse } from "../../ports";
import { updateDoc } from "../kernel/update-doc";
import { meetingIds } from "../kernel/ids";
import { cardResponse } from "../kernel/respond";
import { bookNextRcpc, checkNextRcpc, nextRcpcChair, nextRcpcSlot } from "./next-rcpc";
import { CORE_GROUP_TASK } from "./core-group";
import { enqueue } from "../kernel/enqueue";

/** Said before the form (chat) and after it (the card, keeping what was typed). */
export const NOT_STARTED =
  "The outcome can be recorded once the conference has started. What you typed is kept: press the button again after the start.";

const at = (timeline: ReturnType<typeof meetingTimeline>, rule: string) => {
  const e = timeline.entries.find((x) => x.rule === rule);
  return e === undefined ? undefined : { rule, at: new Date(e.at).toISOString() };
};

/**
 * A CLA review has no plan decision and no next RCPC: the IRO records its
 * minutes (workflow/cla/record-minutes.ts), which requests the next review.
 * Recording a conference outcome on one would request an RCPC.
 */
function refuseClaReview(meeting: Meeting): void {
  if (meeting.kind === "CLA")
    throw new WorkflowError(
      "BadInput",
      "This is a CLA review: the IRO records its minutes with 'minutes REF', not an outcome.",
    );
}

/** The chair's outcome card, with the limits the next dates must meet. */
export function outcomeCard(
  deps: WorkflowDeps,
  kase: Case,
  meeting: Meeting,
  redisplay: { errors?: Record<string, string>; values?: Record<string, string> } = {},
) {
  refuseClaReview(meeting);
  if (meeting.start === undefined)
    throw new WorkflowError("Conflict", "This conference has no date yet.");
  const timeline = meetingTimeline(deps.policy, meeting);
  const nextRcpc =
    meeting.kind === "ICPC" ? at(timeline, "rcpc.first.latest") : nextLimit(deps, meeting);
  if (nextRcpc === undefined)
    throw new WorkflowError("BadInput", "This meeting has no next-conference limit.");
  const indexChildId = meeting.indexChildId ?? kase.indexChildId;
  return cards.outcome({
    caseId: kase.id,
    caseReference: kase.reference,
    meetingId: meeting.id,
    children: conferenceChildren(kase, meeting).map((id) => {
      const child = kase.children.find((c) => c.id === id);
      return {
        id,
        firstName: child?.name.split(" ")[0] ?? "A child",
        onPlan: (child?.planHistory ?? []).some((p) => p.end === undefined),
        ...(id === indexChildId ? { index: true } : {}),
      };
    }),
    meetingKind: conferenceKind(meeting),
    meetingStart: meeting.start,
    nextRcpcLimit: nextRcpc,
    ...optional("nextRcpcTimeSuggested", deps.authority.slotTimes[0]),
    ...optional("coreGroupLimit", at(timeline, "core-group.first.latest")),
    ...optional("planSignOff", at(timeline, "plan.sign-off")),
    ...optional("recordDue", at(timeline, "record.available")),
    ...redisplay,
  });
}

/** The limits of the next dates as calendar dates ("2027-04-29"), from the timeline. */
function limitsOf(deps: WorkflowDeps, meeting: Meeting): { nextRcpc?: string; coreGroup?: string } {
  const timeline = meetingTimeline(deps.policy, meeting);
  const day = (iso: string | undefined) =>
    iso === undefined
      ? undefined
      : formatIsoDate(deps.policy.calendar.toLocal(Date.parse(iso)).day);
  const next =
    meeting.kind === "ICPC" ? at(timeline, "rcpc.first.latest") : nextLimit(deps, meeting);
  const core = at(timeline, "core-group.first.latest");
  return {
    ...optional("nextRcpc", day(next?.at)),
    ...optional("coreGroup", day(core?.at)),
  };
}

/**
 * Every child the conference is about has exactly one decision, and no
 * other child has one: the card's fields are untrusted (a card from before
 * a child was added to the case, a forged field).
 */
function decisionErrors(
  kase: Case,
  meeting: Meeting,
  submitted: readonly { childId: string }[],
): Record<string, string> {
  const expected = conferenceChildren(kase, meeting);
  const errors: Record<string, string> = {};
  for (const id of expected)
    if (!submitted.some((c) => c.childId === id))
      errors[planField(id)] = "Say whether this child is to be subject to a plan";
  if (submitted.some((c) => !expected.includes(c.childId)))
    errors._form =
      "This card asks about a child the conference was not about: record the outcome on this card instead.";
  return errors;
}

/** An RCPC's next review: 6 months after this one (rcpc.next.latest of the next RCPC). */
function nextLimit(deps: WorkflowDeps, meeting: Meeting) {
  const day = formatIsoDate(deps.policy.calendar.toLocal(Date.parse(meeting.start ?? "")).day);
  const next: Meeting = { ...meeting, kind: "RCPC", anchors: { previous: day } };
  delete next.start;
  // The first RCPC carries the ICPC's 3-month limit (rcpc.first.latest); the
  // review after it is a new meeting without it, due 6 months on.
  delete next.limit;
  return at(meetingTimeline(deps.policy, next), "rcpc.next.latest");
}

/**
 * verb outcome.record: the chair records the conference's outcome.
 * 1. load, authorise (the chair of this conference), parse; the card checks
 *    the next RCPC and core group dates against their limits
 *    (rcpc.first.latest / rcpc.next.latest, core-group.first.latest), and
 *    the next RCPC's date and time against the chair's calendar (a clash,
 *    or a calendar that cannot be read, is said on the card, which keeps
 *    everything typed);
 * 2. only a conference that has started can have an outcome;
 * 3. record the outcome and the milestones `meeting.held` and
 *    `outcome.recorded` (decisions distributed, register updated: virtual-conference, West Sussex);
 * 4. the CP register and the children's plans updated, the decisions
 *    queued to every attendee (workflow/after-meeting/after-outcome.ts);
 * 5. with a plan, book the next RCPC at the time chosen, at once, by the
 *    clerk's booking code (workflow/after-meeting/next-rcpc.ts), and send
 *    the first core group's date to its members (./core-group.ts);
 * 6. audit.
 */
export async function recordOutcome(
  deps: WorkflowDeps,
  request: ActionRequest,
): Promise<ActionResponse> {
  const { caseId, meetingId } = meetingIds(request.data);
  const { kase, meeting } = await loadMeeting(deps, caseId, meetingId);
  await authorise(deps, request.actor, ["chair"], { verb: request.verb, kase, meeting });
  refuseClaReview(meeting);
  const now = deps.clock();
  if (meeting.start === undefined || Date.parse(meeting.start) > now.getTime()) {
    // Refused after the form was filled in: the card comes back with what
    // was typed, so nothing is lost (the chat refuses before the form).
    return cardResponse(
      outcomeCard(deps, kase, meeting, {
        errors: { _form: NOT_STARTED },
        values: submittedValues(request.data),
      }),
    );
  }
  const parsed = parseSubmission(OutcomeSubmission, request.data);
  if (!parsed.ok) {
    return cardResponse(
      outcomeCard(deps, kase, meeting, {
        errors: parsed.errors,
        values: submittedValues(request.data),
      }),
    );
  }
  const s = parsed.value;
  const missing = decisionErrors(kase, meeting, s.children);
  if (Object.keys(missing).length > 0) {
    return cardResponse(
      outcomeCard(deps, kase, meeting, { errors: missing, values: submittedValues(request.data) }),
    );
  }
  // The limits travel in the card's data, so they are untrusted: check the
  // dates again against the timeline (rcpc.first.latest or
  // rcpc.next.latest, core-group.first.latest).
  if (s.anyPlan) {
    const limits = limitsOf(deps, meeting);
    const errors: Record<string, string> = {};
    if (limits.nextRcpc !== undefined && s.nextRcpcDate > limits.nextRcpc) {
      errors.nextRcpcDate = `The next RCPC must be held by ${formatHumanDate(parseIsoDate(limits.nextRcpc))}: choose that day or an earlier one`;
    }
    if (limits.coreGroup !== undefined && s.coreGroupDate > limits.coreGroup) {
      errors.coreGroupDate = `The first core group must be held by ${formatHumanDate(parseIsoDate(limits.coreGroup))}: choose that day or an earlier one`;
    }
    if (Object.keys(errors).length > 0) {
      return cardResponse(
        outcomeCard(deps, kase, meeting, { errors, values: submittedValues(request.data) }),
      );
    }
  }
  // Booked at once, so the chair's calendar is read now. Only before the
  // outcome is stored: a retry books the time stored, which is by then in
  // the chair's calendar.
  let room: { email: string; name: string } | undefined;
  if (s.anyPlan && meeting.outcome === undefined) {
    const slot = nextRcpcSlot(deps, s.nextRcpcDate, s.nextRcpcTime);
    const checked = await checkNextRcpc(deps, kase, meeting, s.nextRcpcDate, slot);
    if (Object.keys(checked.errors).length > 0) {
      return cardResponse(
        outcomeCard(deps, kase, meeting, {
          errors: checked.errors,
          values: submittedValues(request.data),
        }),
      );
    }
    room = checked.room;
  }
  const nowIso = now.toISOString();
  const london = (date: string) =>
    new Date(
      deps.policy.calendar.toInstant(
        deps.policy.calendar.toLocal(Date.parse(`${date}T12:00:00Z`)).day,
        10 * 60,
      ),
    ).toISOString();
  const { changed } = await updateDoc(deps.store, "meeting", meeting.id, kase.id, (m) => {
    if (m.outcome !== undefined) return undefined;
    return {
      ...m,
      status: "outcome-recorded",
      outcome: {
        recordedBy: request.actor.objectId,
        recordedAt: nowIso,
        children: s.children.map((c) => ({
          childId: c.childId,
          decision: c.plan ? ("plan" as const) : ("no-plan" as const),
          ...(c.plan && c.category !== undefined ? { category: c.category } : {}),
        })),
        ...(s.anyPlan
          ? {
              nextConference: nextRcpcSlot(
                deps,
                s.nextRcpcDate,
                s.nextRcpcTime,
              ).start.toISOString(),
              // Kept with the time: a retry after a failure part way books this same room.
              ...optional("nextConferenceRoom", room),
              coreGroup: london(s.coreGroupDate),
              coreGroupDate: s.coreGroupDate,
            }
          : {}),
      },
      milestones: {
        ...m.milestones,
        [MILESTONES.held]: m.milestones[MILESTONES.held] ?? {
          at: nowIso,
          by: request.actor.objectId,
        },
        [MILESTONES.outcomeRecorded]: { at: nowIso, by: request.actor.objectId },
      },
    };
  });
  // Whenever the stored outcome has a plan (not only when this call wrote
  // it: a retry after a failure part-way must finish the job), the next
  // RCPC is booked at the time stored and the core group's members are told
  // its date. Each step is idempotent.
  const stored = await deps.store.get("meeting", meeting.id, kase.id);
  // The register, the children's plans and the decisions to every attendee
  // (virtual-conference decisions.distribute, West Sussex register.update), for any policy; also
  // idempotent, so a retry finishes what a failure interrupted.
  const register =
    stored?.outcome !== undefined
      ? await afterOutcome(deps, { kase, meeting: stored, actor: request.actor.objectId })
      : [];
  const nextStart = stored?.outcome?.nextConference;
  if (stored?.outcome !== undefined && anyPlan(stored.outcome)) {
    await bookNextRcpc(deps, { kase, stored, actor: request.actor });
    await enqueue(deps, { taskType: CORE_GROUP_TASK, caseId: kase.id, meetingId: meeting.id });
  }
  if (changed) {
    await audit(deps, {
      caseId: kase.id,
      actor: request.actor.objectId,
      action: "meeting.outcome",
      target: { type: "meeting", id: meeting.id },
      detail: {
        children: s.children.length,
        plans: s.children.filter((c) => c.plan).length,
      },
    });
  }
  return cardResponse(
    cards.done({
      title: changed ? "Outcome recorded" : "Outcome already recorded",
      message: `${
        s.anyPlan
          ? "The next review conference is being booked in Outlook with its Teams meeting, in your calendar: the professionals of this conference's invite list are invited, each family member gets their own invitation, and the social worker is asked to review the list. The core group members are sent the first core group's date."
          : "No plan: nothing further is booked."
      } The decisions are on their way to every attendee: you get the list of who received them.`,
      caseReference: kase.reference,
      facts: [
        {
          title: "Decisions",
          value: `${s.children.filter((c) => c.plan).length} of ${s.children.length} on a plan`,
        },
        ...(s.anyPlan && nextStart !== undefined
          ? [
              { title: "Next RCPC", value: formatHumanInstant(Date.parse(nextStart)) },
              { title: "Chair", value: nextRcpcChair(deps, kase, meeting).name },
            ]
          : []),
        ...(register.length > 0
          ? [
              {
                title: "CP register",
                value: `${register.filter((r) => r.change === "added").length} added, ${
                  register.filter((r) => r.change === "removed").length
                } removed`,
              },
            ]
          : []),
      ],
    }),
  );
}
