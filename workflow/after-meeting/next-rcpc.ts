import { createOnce } from "../kernel/create-once";
import { optional } from "../kernel/optional";
import { anyPlan, type Case, type ChildDecision, type Meeting, type PersonRef } from "../../model";
import { CalendarError, type Actor } from "../../ports";
import { formatHumanInstant, formatIsoDate, parseIsoDate } from "../../rules";
import type { WorkflowDeps } from "../kernel/deps";
import { meetingTimeline } from "../timeline/meeting-timeline";
import { MILESTONES } from "../timeline/milestones";
import { meetingIdFor } from "../booking/request-conference";
import { bookMeeting } from "../booking/book-meeting";
import { minutesOf } from "../booking/booking-slots";
import { chooseChair } from "../booking/choose-chair";
import { busyOfChairs } from "../chairs/availability";
import { carryOverList } from "../invitations/carry-over";

/** The next RCPC's slot: the chair's date and time, Europe/London, as long as the authority's meetings. */
export function nextRcpcSlot(
  deps: WorkflowDeps,
  date: string,
  time: string,
): { start: Date; end: Date } {
  const startMs = deps.policy.calendar.toInstant(parseIsoDate(date), minutesOf(time));
  return {
    start: new Date(startMs),
    end: new Date(startMs + deps.authority.meetingMinutes * 60_000),
  };
}

/** The chair of the next RCPC: this conference's (continuity, West Sussex), else as booking chooses. */
export function nextRcpcChair(deps: WorkflowDeps, kase: Case, meeting: Meeting): PersonRef {
  return meeting.chair ?? chooseChair(deps.authority, kase, meeting);
}

const UNREADABLE =
  "The chair's calendar could not be read just now, so this time could not be checked. What you typed is kept: press Record outcome again in a few minutes.";

/**
 * Whether the next RCPC can be booked at `slot` (docs/architecture.md: a
 * conference is booked free in the chair's calendar): a working day, not
 * passed, the chair free for the whole meeting by the same look-up the
 * clerk's booking offer uses (Outlook free/busy, tentative counting as
 * busy, plus the chair's unavailable slots and duty days,
 * workflow/chairs/availability.ts), and, for a conference held in person,
 * a room of the authority free. Answers the card's field errors (none when
 * it can be booked) and the room. A calendar that cannot be read is said
 * plainly on the card, never an error code, and nothing is stored.
 */
export async function checkNextRcpc(
  deps: WorkflowDeps,
  kase: Case,
  meeting: Meeting,
  date: string,
  slot: { start: Date; end: Date },
): Promise<{ errors: Record<string, string>; room?: { email: string; name: string } }> {
  const calendar = deps.policy.calendar;
  if (!calendar.isWorkingDay(parseIsoDate(date))) {
    return {
      errors: {
        nextRcpcDate:
          "That day is a weekend, a bank holiday or a day the council is closed: choose a working day",
      },
    };
  }
  if (slot.start.getTime() <= deps.clock().getTime()) {
    return { errors: { nextRcpcTime: "That time has passed: choose a later one" } };
  }
  const chair = nextRcpcChair(deps, kase, meeting);
  let busy;
  try {
    busy = (await busyOfChairs(deps, [chair], slot)).get(chair.entraObjectId) ?? [];
  } catch (err) {
    if (!(err instanceof CalendarError)) throw err;
    deps.logger.warn(
      { meetingId: meeting.id, outcome: err.outcome },
      "chair's calendar not read for the next RCPC",
    );
    return { errors: { nextRcpcTime: UNREADABLE } };
  }
  const overlaps = (b: { start: Date; end: Date }) =>
    b.start.getTime() < slot.end.getTime() && b.end.getTime() > slot.start.getTime();
  if (busy.some(overlaps)) {
    return {
      errors: {
        nextRcpcTime: `${chair.name} is not free at ${formatHumanInstant(slot.start.getTime())} for the ${deps.authority.meetingMinutes} minutes a conference takes: choose another time or day`,
      },
    };
  }
  if (!meeting.inPerson || deps.authority.rooms.length === 0) return { errors: {} };
  let rooms;
  try {
    rooms = await deps.calendar.freeBusy(
      deps.authority.organizer,
      deps.authority.rooms.map((r) => r.email),
      slot.start,
      slot.end,
    );
  } catch (err) {
    if (!(err instanceof CalendarError)) throw err;
    return {
      errors: {
        nextRcpcTime:
          "The rooms' calendars could not be read just now, so no room could be found. What you typed is kept: press Record outcome again in a few minutes.",
      },
    };
  }
  // A room Outlook gave no schedule for is not offered: it may not exist.
  const room = deps.authority.rooms.find((r) => {
    const b = rooms.get(r.email);
    return b !== undefined && !b.some(overlaps);
  });
  if (room === undefined) {
    return {
      errors: {
        nextRcpcTime:
          "No room is free at that time for a conference held in person: choose another time or day",
      },
    };
  }
  return { errors: {}, room: { email: room.email, name: room.name } };
}

/** The next RCPC is about the children who have a plan; its index child stays if they are one. */
function nextChildren(meeting: Meeting, kase: Case, decisions: readonly ChildDecision[]) {
  const planned = decisions.filter((d) => d.decision === "plan").map((d) => d.childId);
  const index = meeting.indexChildId ?? kase.indexChildId;
  return {
    childIds: planned,
    indexChildId: planned.includes(index) ? index : (planned[0] as string),
  };
}

/**
 * The next RCPC, booked at the conference (docs/invitations.md, the next
 * conference booked at the conference). `stored` is this conference as
 * stored with its outcome, whose `nextConference` is the start the chair
 * chose (and, held in person, `nextConferenceRoom`, the room found free
 * then): a retry books that same time and room, never a second meeting or
 * event.
 * 1. the RCPC exists (anchored on this conference, its first-RCPC limit
 *    after an ICPC), for the children with a plan, with this chair;
 * 2. its invite list starts as this conference's, for the SW to review
 *    (workflow/invitations/carry-over.ts);
 * 3. it is booked by the clerk's booking code (workflow/booking/book-meeting.ts)
 *    with this conference's clerk: its tasks, the chair's brief and the
 *    Outlook event with its Teams meeting (the background half, which then
 *    sends the invitations: professionals as attendees, each family member
 *    by their own email or letter). An RCPC moved or stood down since is
 *    left as it is.
 * Answers the RCPC's id, or undefined when the outcome has no plan.
 */
export async function bookNextRcpc(
  deps: WorkflowDeps,
  input: {
    kase: Case;
    stored: Meeting;
    actor: Actor;
  },
): Promise<string | undefined> {
  const { kase, stored, actor } = input;
  const outcome = stored.outcome;
  if (outcome === undefined || !anyPlan(outcome) || stored.start === undefined) return undefined;
  const day = formatIsoDate(deps.policy.calendar.toLocal(Date.parse(stored.start)).day);
  const first =
    stored.kind === "ICPC"
      ? meetingTimeline(deps.policy, stored).entries.find((e) => e.rule === "rcpc.first.latest")
      : undefined;
  const nowIso = deps.clock().toISOString();
  const id = meetingIdFor(kase.id, "RCPC", day);
  const next: Meeting = {
    id,
    type: "meeting",
    pk: kase.id,
    caseId: kase.id,
    kind: "RCPC",
    status: "requested",
    anchors: { previous: day },
    ...nextChildren(stored, kase, outcome.children),
    milestones: { [MILESTONES.conferenceRequested]: { at: nowIso, by: actor.objectId } },
    requestedBy: actor.objectId,
    inPerson: stored.inPerson,
    ...optional("chair", stored.chair),
    ...(first !== undefined
      ? { limit: { rule: first.rule, at: new Date(first.at).toISOString() } }
      : {}),
    createdAt: nowIso,
  };
  await createOnce(deps.store, next);
  const current = (await deps.store.get("meeting", id, kase.id)) ?? next;
  if (outcome.nextConference === undefined) return id;
  const start = new Date(outcome.nextConference);
  // Moved by a clerk ("rebook") or stood down since: this is not a retry.
  if (current.status === "stood-down") return id;
  if (current.status !== "requested" && current.start !== start.toISOString()) return id;
  await carryOverList(deps, kase, stored, current);
  await bookMeeting(deps, actor, kase, id, {
    start: start.toISOString(),
    end: new Date(start.getTime() + deps.authority.meetingMinutes * 60_000).toISOString(),
    inPerson: stored.inPerson,
    chair: nextRcpcChair(deps, kase, stored),
    ...optional("clerk", stored.clerk),
    // The room found free at the outcome, stored with its time: every
    // (re)try books the same room (the calendar is read only before the
    // outcome is stored).
    ...optional("room", outcome.nextConferenceRoom),
  });
  return id;
}
