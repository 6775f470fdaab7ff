import type { MeetingKind } from "../model/meeting-kind";
import type { Calendar } from "./calendar/calendar";
import { formatIsoDate, type DayNumber } from "./calendar/day-number";
import { formatMinuteOfDay } from "./calendar/london-time";
import { RulesInputError } from "./errors";
import type { LocalDateTime } from "./local-date-time";
import { minutesOfTime, type ResolvedPolicy } from "./policy-registry";
import type { AnchorName, RuleKind, TimelineRule, Who } from "./types";

/** The dates a timeline counts from (RULES.md section 6's flags). */
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

/** One line of a timeline (RULES.md section 6); `anchor`, `source` and after are extras. */
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
 * CLA reviews choose their limit by review number (RULES.md section 3).
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
 * The entries of one meeting's timeline (RULES.md section 6): every rule of
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

  const calendar = policy.calendar;
  const atInstant = at === undefined ? undefined : calendar.toInstant(at.day, at.minuteOfDay);
  const computed = new Map<string, Computed>();
  const results: { instant: number; entry: TimelineEntry }[] = [];
  const used = { strategy: false, previous: false, lookedAfter: false };

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
          used.strategy = true;
          day = strategy;
          break;
        case "previous":
          used.previous = true;
          day = previous;
          break;
        case "looked-after":
          used.lookedAfter = true;
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
  for (const [name, given, isUsed] of [
    ["strategy", strategy, used.strategy],
    ["previous", previous, used.previous],
    ["looked-after", lookedAfter, used.lookedAfter],
  ] as const) {
    if (given !== undefined && !isUsed) {
      throw new RulesInputError(
        "unused-anchor",
        `a ${name} date is not used by any ${meeting}${review === undefined ? "" : ` review ${review}`} rule of policy ${policy.id}`,
      );
    }
  }
  if (results.length === 0) {
    throw new RulesInputError(
      "no-anchor",
      `no ${meeting} rule of policy ${policy.id} counts from the anchors given`,
    );
  }

  results.sort(
    (a, b) =>
      a.instant - b.instant ||
      (a.entry.rule < b.entry.rule ? -1 : a.entry.rule > b.entry.rule ? 1 : 0),
  );
  return {
    policy: policy.id,
    meeting,
    ...(atInstant === undefined ? {} : { at: calendar.formatInstant(atInstant) }),
    anchors: {
      ...(strategy === undefined ? {} : { strategy: formatIsoDate(strategy) }),
      ...(previous === undefined ? {} : { previous: formatIsoDate(previous) }),
      ...(lookedAfter === undefined ? {} : { lookedAfter: formatIsoDate(lookedAfter) }),
      ...(review === undefined ? {} : { review }),
      ...(at === undefined ? {} : { inPerson: inPerson === true }),
    },
    entries: results.map((r) => r.entry),
  };
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

function toEntry(
  rule: TimelineRule,
  c: Computed,
  anchor: string,
  calendar: Calendar,
): TimelineEntry {
  const text = rule.text
    .replace("{date}", calendar.formatDate(c.day))
    .replace("{time}", formatMinuteOfDay(c.minuteOfDay));
  return {
    rule: rule.id,
    kind: rule.kind,
    at: calendar.formatInstant(c.instant),
    who: rule.who,
    text,
    anchor,
    source: rule.source,
    ...(rule.watches === undefined ? {} : { watches: rule.watches }),
    ...(rule.escalateTo === undefined ? {} : { escalateTo: rule.escalateTo }),
  };
}
