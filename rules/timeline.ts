import type { MeetingKind } from "../model/meeting-kind";
import type { Calendar } from "./calendar/calendar";
import { formatIsoDate, type DayNumber } from "./calendar/day-number";
import { formatMinuteOfDay } from "./calendar/london-time";
import { RulesInputError } from "./errors";
import type { LocalDateTime } from "./local-date-time";
import { minutesOfTime, type ResolvedPolicy } from "./policy-registry";
import type { AnchorName, RuleKind, TimelineRule, Who } from "./types";

/** The dates a timeline counts from (docs/rules.md, the timeline command's flags). */
export interface TimelineAnchors {
  /** The meeting's own local date and time (`--at`). */
  readonly at?: LocalDateTime;
  /** The strategy discussion (`--strategy`, ICPC). */
  readonly strategy?: DayNumber;
  /** The previous conference (RCPC) or previous review (CLA) (`--previous`). */
  readonly previous?: DayNumber;
  /** The date the child became looked after (`--looked-after`, CLA review 1). */
  readonly lookedAfter?: DayNumber;
  /** CLA review number, 1 for the first (`--review`). */
  readonly review?: number;
  /** The meeting is held in person rather than virtually (`--in-person`). */
  readonly inPerson?: boolean;
}

/** One line of a timeline (docs/rules.md, the timeline command); `anchor`, `source` and after are extras. */
export interface TimelineEntry {
  readonly rule: string;
  readonly kind: RuleKind;
  /** ISO 8601 with the Europe/London offset of that instant. */
  readonly at: string;
  readonly who: readonly Who[];
  readonly text: string;
  readonly anchor: string;
  readonly source: string;
  readonly watches?: string;
  readonly escalateTo?: readonly Who[];
}

export interface Timeline {
  readonly policy: string;
  readonly meeting: MeetingKind;
  /** The meeting's instant, when `at` was given. */
  readonly at?: string;
  /** The anchors given, as dates ("YYYY-MM-DD"). */
  readonly anchors: {
    readonly strategy?: string;
    readonly previous?: string;
    readonly lookedAfter?: string;
    readonly review?: number;
    readonly inPerson?: boolean;
  };
  readonly entries: readonly TimelineEntry[];
}

const ANCHOR_LABEL: Record<AnchorName, string> = {
  strategy: "strategy",
  meeting: "at",
  previous: "previous",
  "looked-after": "looked-after",
};

function appliesToReview(rule: TimelineRule, review: number | undefined): boolean {
  if (rule.reviews === undefined) return true;
  if (review === undefined) return false;
  return (
    review >= rule.reviews.from && (rule.reviews.to === undefined || review <= rule.reviews.to)
  );
}

/**
 * CLA reviews choose their limit by review number (docs/rules.md, national rules).
 * Decision for a missing review number: with only `lookedAfter` it is review
 * 1 (nothing else counts from that date); with `previous` it is refused,
 * because review 2 (3 months) and later reviews (6 months) differ and
 * guessing 6 months could let a second review go out of timescale.
 */
function claReview(anchors: TimelineAnchors): number | undefined {
  const { review, previous, lookedAfter } = anchors;
  if (review === undefined) {
    if (previous !== undefined) {
      throw new RulesInputError(
        "bad-review",
        "a CLA review counted from the previous review needs its review number (2 for the second review, 3 or more after)",
      );
    }
    return lookedAfter !== undefined ? 1 : undefined;
  }
  if (review === 1 && lookedAfter === undefined) {
    throw new RulesInputError(
      "bad-review",
      "CLA review 1 counts from the date the child became looked after: give the looked-after date",
    );
  }
  if (review >= 2 && previous === undefined) {
    throw new RulesInputError(
      "bad-review",
      `CLA review ${review} counts from the previous review: give the previous review date`,
    );
  }
  return review;
}

interface Computed {
  readonly instant: number;
  readonly day: DayNumber;
  readonly minuteOfDay: number;
}

const MINUTE_MS = 60_000;

/**
 * The entries of one meeting's timeline (docs/rules.md, the timeline command): every rule of
 * the policy (and of `england`) for that meeting kind whose anchor was given,
 * once, sorted by instant and then rule id. Pure: no clock, no I/O.
 */
export function timeline(
  policy: ResolvedPolicy,
  meeting: MeetingKind,
  anchors: TimelineAnchors,
): Timeline {
  const rules = policy.rulesByMeeting[meeting];
  if (rules.length === 0) {
    throw new RulesInputError(
      "no-rules-for-meeting",
      `policy ${policy.id} has no rules for ${meeting} meetings`,
    );
  }
  const { at, strategy, previous, lookedAfter, inPerson } = anchors;
  if (
    at === undefined &&
    strategy === undefined &&
    previous === undefined &&
    lookedAfter === undefined
  ) {
    throw new RulesInputError(
      "no-anchor",
      "a timeline needs at least one anchor: at, strategy, previous or looked-after",
    );
  }
  let review: number | undefined;
  if (meeting === "CLA") {
    if (
      anchors.review !== undefined &&
      !(Number.isInteger(anchors.review) && anchors.review >= 1)
    ) {
      throw new RulesInputError(
        "bad-review",
        `review must be a positive whole number, not ${anchors.review}`,
      );
    }
    review = claReview(anchors);
  } else if (anchors.review !== undefined) {
    throw new RulesInputError(
      "bad-review",
      `review numbers apply to CLA reviews, not ${meeting} meetings`,
    );
  }

  if (at !== undefined) meetingAfterAnchors(meeting, at.day, anchors);

  const calendar = policy.calendar;
  const atInstant = at === undefined ? undefined : calendar.toInstant(at.day, at.minuteOfDay);
  // Only rules anchored on other rules read this (leicestershire's police checks).
  const computed = new Map<string, Computed>();
  const results: Sorted[] = [];
  let usedStrategy = false;
  let usedPrevious = false;
  let usedLookedAfter = false;

  for (const rule of rules) {
    if (!appliesToReview(rule, review)) continue;
    let day: DayNumber | undefined;
    let instant: number | undefined;
    let anchorLabel: string;
    const anchor = rule.anchor;
    if (typeof anchor !== "string") {
      const base = computed.get(anchor.rule);
      anchorLabel = anchor.rule;
      if (base === undefined) continue;
      day = base.day;
      instant = base.instant;
    } else {
      anchorLabel = ANCHOR_LABEL[anchor];
      switch (anchor) {
        case "meeting":
          if (at === undefined) continue;
          day = at.day;
          instant = atInstant;
          break;
        case "strategy":
          usedStrategy = true;
          day = strategy;
          break;
        case "previous":
          usedPrevious = true;
          day = previous;
          break;
        case "looked-after":
          usedLookedAfter = true;
          day = lookedAfter;
          break;
      }
      if (day === undefined) continue;
    }
    const result = resolve(rule, policy, calendar, day, instant, inPerson === true);
    computed.set(rule.id, result);
    results.push({ instant: result.instant, entry: toEntry(rule, result, anchorLabel, calendar) });
  }

  // A given anchor no rule counts from is a mistake worth saying (e.g. a
  // strategy date on an RCPC); `at` is exempt, being the meeting itself.
  if (strategy !== undefined && !usedStrategy) unusedAnchor("strategy", meeting, review, policy);
  if (previous !== undefined && !usedPrevious) unusedAnchor("previous", meeting, review, policy);
  if (lookedAfter !== undefined && !usedLookedAfter)
    unusedAnchor("looked-after", meeting, review, policy);
  if (results.length === 0) {
    throw new RulesInputError(
      "no-anchor",
      `no ${meeting} rule of policy ${policy.id} counts from the anchors given`,
    );
  }

  results.sort(byInstantThenRule);
  const given: { -readonly [K in keyof Timeline["anchors"]]: Timeline["anchors"][K] } = {};
  if (strategy !== undefined) given.strategy = formatIsoDate(strategy);
  if (previous !== undefined) given.previous = formatIsoDate(previous);
  if (lookedAfter !== undefined) given.lookedAfter = formatIsoDate(lookedAfter);
  if (review !== undefined) given.review = review;
  if (at !== undefined) given.inPerson = inPerson === true;
  const entries: TimelineEntry[] = new Array<TimelineEntry>(results.length);
  for (let i = 0; i < results.length; i++) entries[i] = (results[i] as Sorted).entry;
  return atInstant === undefined
    ? { policy: policy.id, meeting, anchors: given, entries }
    : {
        policy: policy.id,
        meeting,
        at: calendar.formatInstant(atInstant),
        anchors: given,
        entries,
      };
}

/**
 * A meeting cannot come before what it counts from: an ICPC before its
 * strategy discussion, a CLA review before the child became looked after, a
 * review on or before the previous one. Such input is a typing slip (a
 * transposed month, say), and a timeline built on it would be wrong in
 * every line, so it is refused.
 */
function meetingAfterAnchors(meeting: MeetingKind, day: DayNumber, anchors: TimelineAnchors): void {
  const refuse = (what: string, anchor: DayNumber): never => {
    throw new RulesInputError(
      "meeting-before-anchor",
      `the ${meeting} on ${formatIsoDate(day)} cannot be ${what} ${formatIsoDate(anchor)}`,
    );
  };
  if (anchors.strategy !== undefined && day < anchors.strategy)
    refuse("before its strategy discussion on", anchors.strategy);
  if (anchors.lookedAfter !== undefined && day < anchors.lookedAfter)
    refuse("before the child became looked after on", anchors.lookedAfter);
  if (anchors.previous !== undefined && day <= anchors.previous)
    refuse("on or before the previous one on", anchors.previous);
}

interface Sorted {
  readonly instant: number;
  readonly entry: TimelineEntry;
}

function byInstantThenRule(a: Sorted, b: Sorted): number {
  if (a.instant !== b.instant) return a.instant - b.instant;
  return a.entry.rule < b.entry.rule ? -1 : a.entry.rule > b.entry.rule ? 1 : 0;
}

function unusedAnchor(
  name: string,
  meeting: MeetingKind,
  review: number | undefined,
  policy: ResolvedPolicy,
): never {
  throw new RulesInputError(
    "unused-anchor",
    `a ${name} date is not used by any ${meeting}${review === undefined ? "" : ` review ${review}`} rule of policy ${policy.id}`,
  );
}

/** Section 2's default time of day for a kind of entry, unless the rule names one. */
export function timeOfDayFor(
  rule: { kind: RuleKind; time?: string },
  policy: ResolvedPolicy,
): number {
  if (rule.time !== undefined) return minutesOfTime(rule.time as `${number}:${number}`);
  switch (rule.kind) {
    case "deadline":
    case "target":
      return policy.endOfBusiness;
    case "limit":
      return policy.limitTime;
    case "reminder":
    case "escalation":
    case "list":
      return policy.sendTime;
  }
}

function resolve(
  rule: TimelineRule,
  policy: ResolvedPolicy,
  calendar: Calendar,
  anchorDay: DayNumber,
  anchorInstant: number | undefined,
  inPerson: boolean,
): Computed {
  const offset = rule.offset;
  let day: DayNumber;
  switch (offset.count) {
    case "hours":
    case "minutes": {
      // Exact instants, no rolling (section 2). Anchored on a date without a
      // time, they count from the start of that day.
      const from = anchorInstant ?? calendar.toInstant(anchorDay, 0);
      const minutes =
        offset.count === "hours"
          ? offset.n * 60
          : inPerson && offset.inPerson
            ? offset.inPerson
            : offset.n;
      const instant = from - minutes * MINUTE_MS;
      const local = calendar.toLocal(instant);
      return { instant, day: local.day, minuteOfDay: local.minuteOfDay };
    }
    case "working-days":
      day =
        offset.direction === "after"
          ? calendar.workingDaysAfter(anchorDay, offset.n)
          : calendar.workingDaysBefore(anchorDay, offset.n);
      break;
    case "days":
      day = calendar.workingDayOnOrBefore(anchorDay - offset.n);
      break;
    case "weeks":
      day = calendar.workingDayOnOrBefore(anchorDay - 7 * offset.n);
      break;
    case "months":
      day = calendar.workingDayOnOrBefore(calendar.addMonthsClamped(anchorDay, offset.n));
      break;
    case "same-day":
      day = anchorDay;
      break;
  }
  const minuteOfDay = timeOfDayFor(rule, policy);
  return { instant: calendar.toInstant(day, minuteOfDay), day, minuteOfDay };
}

/**
 * Rule texts split once at their placeholders: literal, name, literal, ...
 * (`String.replace` per entry was a fifth of the timeline's cost).
 */
const templates = new Map<string, readonly string[]>();

function fillText(template: string, date: string, time: string): string {
  let parts = templates.get(template);
  if (parts === undefined) {
    parts = template.split(/\{(date|time)\}/);
    templates.set(template, parts);
  }
  let text = parts[0] as string;
  for (let i = 1; i < parts.length; i += 2) {
    text += (parts[i] === "date" ? date : time) + (parts[i + 1] as string);
  }
  return text;
}

function toEntry(
  rule: TimelineRule,
  c: Computed,
  anchor: string,
  calendar: Calendar,
): TimelineEntry {
  const entry: {
    -readonly [K in keyof TimelineEntry]: TimelineEntry[K];
  } = {
    rule: rule.id,
    kind: rule.kind,
    at: calendar.formatInstant(c.instant),
    who: rule.who,
    text: fillText(rule.text, calendar.formatDate(c.day), formatMinuteOfDay(c.minuteOfDay)),
    anchor,
    source: rule.source,
  };
  if (rule.watches !== undefined) entry.watches = rule.watches;
  if (rule.escalateTo !== undefined) entry.escalateTo = rule.escalateTo;
  return entry;
}
