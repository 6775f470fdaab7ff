import type { Case, Meeting, PersonRef } from "../../model";
import { QUORUM, forecastQuoracy } from "../../rules/quoracy";
import { asPersonRef, staffWithRole } from "../kernel/authority";
import { quoracyCard } from "./card";
import type { WorkflowDeps } from "../kernel/deps";
import { sendCardOnce } from "../kernel/notify";
import { updateDoc } from "../kernel/update-doc";
import { agencyStandings } from "./standing";
import { forecastTimes } from "./forecast-times";
import { distinctPeople } from "../kernel/distinct";

export type Evaluation = "not-in-window" | "quorate" | "at-risk" | "withdrawn";

const noticeId = (meetingId: string, personId: string) => `${meetingId}:quoracy:${personId}`;

/** The chair and the clerks: who the forecast is for (Outlook replies and the quoracy forecast). */
function recipients(deps: WorkflowDeps, meeting: Meeting): PersonRef[] {
  const people = [
    ...(meeting.chair ? [meeting.chair] : []),
    ...staffWithRole(deps.authority, "clerk").map(asPersonRef),
  ];
  return distinctPeople(people);
}

/**
 * The quoracy forecast of one meeting, at `now`:
 * 1. nothing before the forecast window (3 working days before) or after
 *    the meeting has started, or for a meeting not going ahead;
 * 2. forecast from the agencies' replies and reports (rules/quoracy.ts);
 * 3. at risk: the chair and the clerks get the card, once each (a
 *    deterministic notification per meeting and person); later evaluations
 *    update that card in place with the current picture;
 * 4. quorate after a warning: the card is updated to say so (withdrawn);
 *    quorate with no warning out: nothing is sent.
 */
export async function evaluateQuoracy(
  deps: WorkflowDeps,
  kase: Case,
  meeting: Meeting,
  now: Date,
): Promise<Evaluation> {
  const times = forecastTimes(deps, meeting);
  if (times === undefined || (meeting.status !== "booked" && meeting.status !== "invited"))
    return "not-in-window";
  if (now.getTime() < times.first.getTime() || now.getTime() >= Date.parse(meeting.start ?? ""))
    return "not-in-window";
  const [list, reports] = await Promise.all([
    deps.store.get("invite-list", `${meeting.id}:invite-list`, kase.id),
    deps.store.get("report-status", `${meeting.id}:reports`, kase.id),
  ]);
  const agencies = agencyStandings(list, reports);
  // No complete invite list three working days before: nobody can be
  // expected, which is exactly when the chair needs to know.
  const forecast =
    list?.complete === true
      ? forecastQuoracy(agencies)
      : { quorate: false, expected: 0, needed: QUORUM, atRisk: [] };
  const warned = meeting.quoracy?.state === "at-risk";
  if (forecast.quorate && !warned) return "quorate";

  const card = quoracyCard(kase, meeting, agencies, forecast, deps.policy.id, now);
  for (const person of recipients(deps, meeting)) {
    const id = noticeId(meeting.id, person.entraObjectId);
    const sent = await deps.store.get("notification", id, id);
    if (sent?.status === "sent" && sent.activityId !== undefined) {
      const result = await deps.notifier.updateCard(person.entraObjectId, sent.activityId, card);
      if (result.outcome !== "sent") {
        deps.logger.warn(
          { meetingId: meeting.id, outcome: result.outcome },
          "quoracy card not updated",
        );
      }
    } else if (!forecast.quorate) {
      await sendCardOnce(deps, {
        id,
        kind: "quoracy-forecast",
        recipient: person,
        card,
        preview: `${meeting.kind} for case ${kase.reference} may not be quorate`,
        caseId: kase.id,
        meetingId: meeting.id,
      });
    }
  }
  const state = forecast.quorate ? "quorate" : "at-risk";
  await updateDoc(deps.store, "meeting", meeting.id, kase.id, (m) =>
    m.quoracy?.state === state ? undefined : { ...m, quoracy: { state, at: now.toISOString() } },
  );
  return forecast.quorate ? "withdrawn" : "at-risk";
}
