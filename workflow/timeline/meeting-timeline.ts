import type { Meeting } from "../../model";
import {
  parseIsoDate,
  timeline,
  type ResolvedPolicy,
  type Timeline,
  type TimelineEntry,
} from "../../rules";

/**
 * The rules' timeline of a stored meeting: its anchors and, once booked, its
 * own date and time. Convene stores UTC instants; the rules speak
 * Europe/London days and minutes, so the start is converted here.
 */
export function meetingTimeline(policy: ResolvedPolicy, meeting: Meeting): Timeline {
  const base = baseTimeline(policy, meeting);
  const own = meeting.limit;
  if (own === undefined) return base;
  // The first RCPC after an ICPC: its limit is the ICPC's rcpc.first.latest
  // (3 months), in place of the 6 months every later review has.
  const entries: TimelineEntry[] = base.entries.filter(
    (e) => !(e.kind === "limit" && e.anchor === "previous"),
  );
  entries.push({
    rule: own.rule,
    kind: "limit",
    at: policy.calendar.formatInstant(Date.parse(own.at)),
    who: ["clerk"],
    text: "First review conference: within 3 months of the initial conference",
    anchor: "previous",
    source: "Working Together 2023",
  });
  entries.sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.rule.localeCompare(b.rule));
  return { ...base, entries };
}

function baseTimeline(policy: ResolvedPolicy, meeting: Meeting): Timeline {
  const a = meeting.anchors;
  const at =
    meeting.start === undefined ? undefined : policy.calendar.toLocal(Date.parse(meeting.start));
  return timeline(policy, meeting.kind, {
    ...(at !== undefined ? { at } : {}),
    ...(a.strategy !== undefined ? { strategy: parseIsoDate(a.strategy) } : {}),
    ...(a.previous !== undefined ? { previous: parseIsoDate(a.previous) } : {}),
    ...(a.lookedAfter !== undefined ? { lookedAfter: parseIsoDate(a.lookedAfter) } : {}),
    ...(meeting.reviewNumber !== undefined ? { review: meeting.reviewNumber } : {}),
    inPerson: meeting.inPerson,
  });
}

/** The instant of the meeting's own legal limit (icpc.latest, rcpc.next.latest, cla.*.latest). */
export function meetingLimit(policy: ResolvedPolicy, meeting: Meeting): Date | undefined {
  const unbooked: Meeting = { ...meeting };
  delete unbooked.start;
  const entries = meetingTimeline(policy, unbooked).entries;
  const limit = entries.find((e) => e.kind === "limit");
  return limit === undefined ? undefined : new Date(limit.at);
}
