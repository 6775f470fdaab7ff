import { setAsideUnreadable } from "../kernel/unreadable";
import { unreadableText } from "../../cards/common/list";
import { buildSickReportCard } from "../../cards/sick-cover/build";
import { ReportSickSubmission } from "../../cards/sick-cover/submission";
import { parseSubmission } from "../../cards/common/errors";
import { submittedValues } from "../../cards/common/values";
import { formatHumanDate, parseIsoDate } from "../../rules";
import { audit } from "../kernel/audit";
import * as cards from "../kernel/cards";
import type { WorkflowDeps } from "../kernel/deps";
import { WorkflowError } from "../kernel/errors";
import type { ActionRequest, ActionResponse, Actor, CardJson } from "../../ports";
import { updateDoc } from "../kernel/update-doc";
import { cardResponse } from "../kernel/respond";
import { enqueue } from "../kernel/enqueue";
import { makeRota } from "./generate-rota";
import { dayInterval, localDate } from "./rota-days";
import { authoriseChairs, chairsOf, isChair } from "./staff";
import { addSlot } from "./unavailability";

/** The background task that offers one conference of a chair off sick to cover. */
export const SICK_COVER_TASK = "chairs.sick-cover";

/** The form: a chair reports themselves; the team manager or a clerk picks the chair. */
export async function sickReportCard(
  deps: WorkflowDeps,
  actor: Actor,
  redisplay: { errors?: Record<string, string>; values?: Record<string, string> } = {},
): Promise<CardJson> {
  const roles = await authoriseChairs(deps, actor, ["chair", "manager", "clerk"], "message.sick");
  const onlySelf = !roles.has("manager") && !roles.has("clerk");
  const chairs = chairsOf(deps.authority)
    .filter((c) => !onlySelf || c.entraObjectId === actor.objectId)
    .map((c) => ({ id: c.entraObjectId, name: c.name }));
  return buildSickReportCard({
    chairs,
    ...(onlySelf ? { chairId: actor.objectId } : {}),
    date: localDate(deps.policy.calendar, deps.clock()),
    ...redisplay,
  });
}

/**
 * verb chairs.report-sick (West Sussex: "If you are ever off sick ... contact the
 * Team Manager ... They will then contact Duty CPA and ask them to cover"):
 * 1. authorise: the chair themselves, the chairs' team manager or a clerk;
 * 2. the day is today or later, the person a chair;
 * 3. the day becomes a sickness slot (never offered for booking), and is
 *    recorded on the month's rota (made now if the month has none);
 * 4. each of their conferences that day gets a cover task (sent in the
 *    background: the duty chair first, else the team manager decides);
 * 5. audited by ids.
 */
export async function reportSick(
  deps: WorkflowDeps,
  request: ActionRequest,
): Promise<ActionResponse> {
  const roles = await authoriseChairs(
    deps,
    request.actor,
    ["chair", "manager", "clerk"],
    request.verb,
  );
  const parsed = parseSubmission(ReportSickSubmission, request.data);
  if (!parsed.ok)
    return cardResponse(
      await sickReportCard(deps, request.actor, {
        errors: parsed.errors,
        values: submittedValues(request.data),
      }),
    );
  const { chairId, date } = parsed.value;
  if (!roles.has("manager") && !roles.has("clerk") && chairId !== request.actor.objectId) {
    await audit(deps, {
      actor: request.actor.objectId,
      action: "action.refused",
      target: { type: "chair", id: chairId },
      detail: { verb: request.verb, code: "Forbidden" },
    });
    throw new WorkflowError(
      "Forbidden",
      "a chair reports only themselves off sick: ask the team manager",
    );
  }
  if (!isChair(deps.authority, chairId))
    throw new WorkflowError("BadInput", "That person is not a chair.");
  const cal = deps.policy.calendar;
  try {
    parseIsoDate(date);
  } catch {
    throw new WorkflowError("BadInput", "Enter a real date.");
  }
  if (date < localDate(cal, deps.clock()))
    throw new WorkflowError("BadInput", "That day has passed: report today or a day to come.");
  const day = dayInterval(cal, date);
  const now = deps.clock().toISOString();
  await addSlot(deps, chairId, {
    id: `${chairId}:sickness:${day.start.toISOString()}`,
    kind: "sickness",
    start: day.start.toISOString(),
    end: day.end.toISOString(),
    addedBy: request.actor.objectId,
    addedAt: now,
  });
  let rotaNote = "";
  try {
    const { rota } = await makeRota(deps, date.slice(0, 7), "system");
    await updateDoc(deps.store, "duty-rota", rota.id, rota.pk, (r) =>
      r.sick.some((s) => s.chairId === chairId && s.date === date)
        ? undefined
        : {
            ...r,
            sick: [...r.sick, { chairId, date, reportedBy: request.actor.objectId, at: now }],
          },
    );
  } catch (err) {
    if (!(err instanceof WorkflowError)) throw err;
    rotaNote = ` There is no duty rota for that month (${err.message}): the team manager decides each conference.`;
  }
  // A conference of the day that cannot be read might be this chair's: it is
  // set aside and raised, and the chair is told to check, never "nothing to cover".
  const listing = await deps.store.meetingsInRange(day.start, day.end);
  await setAsideUnreadable(deps, listing.invalid, "sick cover");
  const unreadable = unreadableText(listing.invalid.length);
  const meetings = listing.items.filter(
    (m) => m.chair?.entraObjectId === chairId && (m.status === "booked" || m.status === "invited"),
  );
  for (const m of meetings)
    await enqueue(deps, {
      taskType: SICK_COVER_TASK,
      caseId: m.caseId,
      meetingId: m.id,
      key: date,
    });
  await audit(deps, {
    actor: request.actor.objectId,
    action: "chair.reported-sick",
    target: { type: "chair", id: chairId },
    detail: { date, meetings: meetings.length },
  });
  return cardResponse(
    cards.done({
      title: "Off sick recorded",
      message: `${formatHumanDate(parseIsoDate(date))}: ${
        meetings.length === 0
          ? "no conferences to cover."
          : `${meetings.length} conference${meetings.length === 1 ? " is" : "s are"} being offered to the duty chair.`
      }${rotaNote}${
        unreadable !== undefined
          ? ` ${unreadable} for that day: please check with the conference clerks that none of your conferences is left without a chair. The service owners have been told.`
          : ""
      }`,
    }),
  );
}
