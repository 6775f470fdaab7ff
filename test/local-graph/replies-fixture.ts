import { toEventCreate } from "../../graph/translate/event";
import { ORGANIZER, draftFor, sampleCase } from "./booking-fixture";
import type { Reply } from "../../ports/replies";
import { EventCreate } from "./schemas";
import type { AttendeeResponse, GraphState } from "./state";

/**
 * Upcoming meetings put straight into the local Graph's calendar (as if
 * Convene had booked them: the payload is the adapter's own), for the
 * replies tests and bench/replies: `count` ICPCs of 12 professionals each.
 * Returns the event ids in booking order.
 */
export function seedMeetings(state: GraphState, count: number, offset = 0): string[] {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const n = offset + i + 1;
    // Checked as POST /events would check it.
    const payload = EventCreate.parse(toEventCreate(draftFor(sampleCase(n), n)));
    ids.push(state.createEvent(ORGANIZER, payload).id);
  }
  return ids;
}

type Expected = { email: string; reply: Reply };

/** Each professional's Outlook answer, and what Convene must read it as (undefined: no reply). */
const ANSWERS: readonly [AttendeeResponse | undefined, Reply][] = [
  ["accepted", "accepted"],
  ["declined", "declined"],
  ["tentativelyAccepted", "tentative"],
  [undefined, "none"],
];

/**
 * Professionals reply in a fixed pattern: professional k of the n-th event
 * answers ANSWERS[(n + k) % 4]. Returns what each event should read as.
 */
export function replyInPattern(
  state: GraphState,
  eventIds: readonly string[],
): Map<string, Expected[]> {
  const expected = new Map<string, Expected[]>();
  eventIds.forEach((eventId, n) => {
    const event = state.events.get(eventId);
    if (event === undefined) throw new Error(`no event ${eventId}`);
    const replies = (event.payload.attendees ?? []).map((a, k): Expected => {
      const [answer, reply] = ANSWERS[(n + k) % ANSWERS.length] as [
        AttendeeResponse | undefined,
        Reply,
      ];
      if (answer !== undefined) state.respond(eventId, a.emailAddress.address, answer);
      return { email: a.emailAddress.address, reply };
    });
    expected.set(eventId, replies);
  });
  return expected;
}
