import { type TaskContext, type TaskResult } from "../../ports/tasks";
import { buildSickCoverCard } from "../../cards/sick-cover/build";
import type { Case, Meeting, SickCover, Task } from "../../model";
import { formatHumanInstant } from "../../rules";
import type { WorkflowDeps } from "../kernel/deps";
import { loadMeeting } from "../kernel/load";
import { sendCardOnce } from "../kernel/notify";
import { updateDoc } from "../kernel/update-doc";
import { taskIds } from "../kernel/task-ids";
import { busyOfChairs } from "./availability";
import { caseloads } from "./caseload";
import { overlaps, localDate } from "./rota-days";
import { findRota } from "./rota-store";
import { chairsManagers, chairsOf, personOf } from "./staff";

export const coverCard = (
  kase: Case,
  meeting: Meeting,
  sickChairName: string,
  mode: "offer" | "decide",
  why?: string,
) =>
  buildSickCoverCard({
    caseId: kase.id,
    caseReference: kase.reference,
    meetingId: meeting.id,
    meetingKind: meeting.kind,
    whenText: `${formatHumanInstant(Date.parse(meeting.start ?? ""))}`,
    sickChairName,
    mode,
    ...(why !== undefined ? { why } : {}),
  });

/** The cover record of a meeting on the rota of its month (undefined without a rota). */
export async function coverOf(
  deps: WorkflowDeps,
  meeting: Meeting,
): Promise<{ cover?: SickCover; rotaId?: string; rotaPk?: string }> {
  const date = localDate(deps.policy.calendar, new Date(meeting.start ?? 0));
  const rota = await findRota(deps, date.slice(0, 7));
  if (rota === undefined) return {};
  const cover = rota.covers.find((c) => c.meetingId === meeting.id && c.date === date);
  return { ...(cover !== undefined ? { cover } : {}), rotaId: rota.id, rotaPk: rota.pk };
}

/** Writes the meeting's cover record on the month's rota (one conditional write). */
export async function saveCover(
  deps: WorkflowDeps,
  where: { rotaId?: string; rotaPk?: string },
  cover: SickCover,
): Promise<void> {
  if (where.rotaId === undefined || where.rotaPk === undefined) return;
  await updateDoc(deps.store, "duty-rota", where.rotaId, where.rotaPk, (r) => ({
    ...r,
    covers: [
      ...r.covers.filter((c) => !(c.meetingId === cover.meetingId && c.date === cover.date)),
      cover,
    ],
  }));
}

/**
 * chairs.sick-cover: one conference of a chair off sick (West Sussex):
 * 1. skip unless it is still booked with that chair;
 * 2. the candidates: the day's duty chair; after the team manager says
 *    "keep trying", every other chair too, lightest caseload first; never
 *    the sick chair, one who declined this cover or the conference, or one
 *    busy then (Outlook, unavailable slots);
 * 3. the first candidate gets the cover card (accept / decline), once;
 * 4. none: the chairs' team manager gets the card to decide (stand down or
 *    keep trying), once per round.
 */
export async function offerCover(
  deps: WorkflowDeps,
  task: Task,
  ctx: TaskContext,
): Promise<TaskResult> {
  const ids = taskIds(task);
  const { kase, meeting } = await loadMeeting(deps, ids.caseId, ids.meetingId);
  if (meeting.status !== "booked" && meeting.status !== "invited")
    return { skipped: meeting.status };
  if (meeting.start === undefined || meeting.end === undefined) return { skipped: "no-start" };
  const cal = deps.policy.calendar;
  const date = localDate(cal, new Date(meeting.start));
  const where = await coverOf(deps, meeting);
  const rota = await findRota(deps, date.slice(0, 7));
  const sick = rota?.sick.find(
    (s) =>
      s.date === date && s.chairId === (where.cover?.sickChairId ?? meeting.chair?.entraObjectId),
  );
  const sickChairId = where.cover?.sickChairId ?? meeting.chair?.entraObjectId ?? "";
  if (where.cover === undefined && sick === undefined && rota !== undefined)
    return { skipped: "not-sick" };
  if (where.cover?.status === "covered" || where.cover?.status === "stand-down")
    return { skipped: where.cover.status };
  if (where.cover?.status === "offered") return { skipped: "waiting-for-answer" };
  const declined = new Set([
    ...(where.cover?.declinedBy ?? []),
    ...(meeting.declinedChairs ?? []),
    sickChairId,
  ]);
  const duty = rota?.days.find((d) => d.date === date)?.chairId;
  const keepTrying = where.cover?.status === "keep-trying";
  let candidates = duty !== undefined ? [duty] : [];
  if (keepTrying) {
    const load = await caseloads(deps, ctx.now);
    const others = [...load].sort((a, b) => a.upcoming - b.upcoming).map((l) => l.chairId);
    candidates = [...candidates, ...others.filter((c) => c !== duty)];
  }
  const people = chairsOf(deps.authority).filter(
    (c) => candidates.includes(c.entraObjectId) && !declined.has(c.entraObjectId),
  );
  const slot = { start: new Date(meeting.start), end: new Date(meeting.end) };
  const busy = people.length > 0 ? await busyOfChairs(deps, people, slot) : new Map();
  const free = candidates.find((id) => {
    if (declined.has(id)) return false;
    const slots: { start: Date; end: Date; status: string }[] = busy.get(id) ?? [];
    // Their own duty day is not a reason to refuse cover: it is what the duty is for.
    return (
      people.some((p) => p.entraObjectId === id) &&
      !slots.some((b) => b.status !== "duty" && overlaps(b, slot))
    );
  });
  const sickName = personOf(deps.authority, sickChairId).name;
  const base: SickCover = {
    meetingId: meeting.id,
    caseId: kase.id,
    date,
    sickChairId,
    declinedBy: where.cover?.declinedBy ?? [],
    status: "offered",
    at: ctx.now.toISOString(),
  };
  if (free !== undefined) {
    await saveCover(deps, where, { ...base, status: "offered", offeredTo: free });
    await sendCardOnce(deps, {
      id: `${meeting.id}:cover:${date}:${free}`,
      kind: "sick-cover-offer",
      recipient: personOf(deps.authority, free),
      card: coverCard(kase, meeting, sickName, "offer"),
      preview: `Please cover the ${meeting.kind} for case ${kase.reference}: the chair is off sick`,
      taskId: task.id,
      caseId: kase.id,
      meetingId: meeting.id,
    });
    return { offeredTo: free };
  }
  await saveCover(deps, where, { ...base, status: "to-manager" });
  const why =
    duty === undefined
      ? "There is no duty chair that day."
      : keepTrying
        ? "No other chair is free then."
        : declined.has(duty)
          ? "The duty chair cannot take it."
          : "The duty chair is not free then.";
  for (const manager of chairsManagers(deps.authority)) {
    await sendCardOnce(deps, {
      id: `${meeting.id}:cover-decide:${date}:${base.declinedBy.length}:${keepTrying ? "again" : "first"}:${manager.entraObjectId}`,
      kind: "sick-cover-decide",
      recipient: manager,
      card: coverCard(kase, meeting, sickName, "decide", why),
      preview: `Decide: no chair to cover the ${meeting.kind} for case ${kase.reference}`,
      taskId: task.id,
      caseId: kase.id,
      meetingId: meeting.id,
    });
  }
  return { toManager: true };
}
