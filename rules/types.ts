import type { MeetingKind } from "../model/meeting-kind";

/**
 * The vocabulary of a policy (docs/rules.md, counting time and national rules and policies). Policies are data built
 * from these types; nothing here computes.
 */

/** docs/rules.md, counting time: what an entry is, which also decides its default time of day. */
export type RuleKind = "limit" | "deadline" | "target" | "reminder" | "escalation" | "list";

/** Role tokens (docs/rules.md, words). Real people are configuration, never code. */
export const WHO = [
  "SW",
  "TM",
  "SM",
  "PM",
  "GM",
  "clerk",
  "CP chair",
  "CPA",
  "CPA TM",
  "IRO",
  "agencies",
  "QA TM",
  "QA SM",
  "QA admin manager",
  "Director",
  "managers",
  "health",
] as const;
export type Who = (typeof WHO)[number];

/**
 * What a rule counts from.
 * - `strategy`: the strategy discussion (ICPC day 0)
 * - `meeting`: the meeting's own date and time (`--at`)
 * - `previous`: the previous conference (RCPC) or previous review (CLA)
 * - `looked-after`: the date the child became looked after (CLA review 1)
 * - `{ rule }`: another rule's entry in the same timeline
 */
export type AnchorName = "strategy" | "meeting" | "previous" | "looked-after";
export type Anchor = AnchorName | { readonly rule: string };

/**
 * The counting conventions of docs/rules.md, counting time.
 * - working-days: Nth working day strictly after/before the anchor date.
 * - days / weeks (calendar, before): anchor minus N days (7N), moved back to
 *   the previous working day when not a working day.
 * - months ("within N months"): anchor plus N months, clamped to month end,
 *   moved back to the previous working day.
 * - hours / minutes (before): exact instant, no rolling; `inPerson` is the
 *   count for a meeting held in person (leicestershire `sw.join-early`).
 * - same-day: the anchor's own date ("the meeting day").
 */
export type Offset =
  | { readonly count: "working-days"; readonly n: number; readonly direction: "after" | "before" }
  | { readonly count: "days"; readonly n: number; readonly direction: "before" }
  | { readonly count: "weeks"; readonly n: number; readonly direction: "before" }
  | { readonly count: "months"; readonly n: number; readonly direction: "after" }
  | { readonly count: "hours"; readonly n: number; readonly direction: "before" }
  | {
      readonly count: "minutes";
      readonly n: number;
      readonly inPerson?: number;
      readonly direction: "before";
    }
  | { readonly count: "same-day" };

/** "HH:MM", 24-hour, Europe/London. */
export type TimeOfDay = `${number}:${number}`;

/** A rule that puts one entry in a meeting's timeline. */
export interface TimelineRule {
  readonly id: string;
  readonly kind: RuleKind;
  readonly meetings: readonly MeetingKind[];
  /** CLA only: the review numbers this rule applies to (inclusive; no `to` = and later). */
  readonly reviews?: { readonly from: number; readonly to?: number };
  readonly anchor: Anchor;
  readonly offset: Offset;
  /** An explicit time of day; otherwise the default for the kind (section 2). */
  readonly time?: TimeOfDay;
  readonly who: readonly Who[];
  /** Escalations: the rule whose work they watch; they fire only if it is not done. */
  readonly watches?: string;
  /** Who a missed deadline is escalated to, when the seed names no date for it. */
  readonly escalateTo?: readonly Who[];
  /** en-GB sentence; `{date}` and `{time}` are replaced by the entry's own. */
  readonly text: string;
  /** Seed file and rule, or national guidance. */
  readonly source: string;
}

/** When a recurring job falls, before moving off a non-working day. */
export type Recurrence =
  | { readonly every: "monday" }
  | { readonly every: "month"; readonly dayOfMonth: number }
  | { readonly every: "first-working-day-of-month" }
  | { readonly every: "last-working-day-of-month" }
  | { readonly every: "working-day" };

/** A recurring job (`list.*`, `report.*`, `cin.*`, `indicator.*`, `register.*`). */
export interface RecurringRule {
  readonly id: string;
  readonly kind: RuleKind;
  readonly recurrence: Recurrence;
  readonly time?: TimeOfDay;
  readonly who: readonly Who[];
  readonly text: string;
  readonly source: string;
}

/** A check of a child's plan history (not part of `timeline`). */
export interface CheckRule {
  readonly id: string;
  readonly check: "repeat" | "long";
  readonly meetings: readonly MeetingKind[];
  /** repeat: a previous plan ended within this many months; long: lasted this many or more. */
  readonly months: number;
  readonly who: readonly Who[];
  readonly text: string;
  readonly source: string;
}

/** Values an authority may set without code (see overrides.ts). */
export interface PolicySettings {
  /** Deadlines and targets are due at this time (section 2: 17:00 by default). */
  readonly endOfBusiness: TimeOfDay;
  /** Reminders, escalations and lists are sent at this time (09:00). */
  readonly sendTime: TimeOfDay;
  /**
   * A limit is the whole date, shown at this time (17:00). Kept apart from
   * end of business on purpose: a limit is a legal date, and an authority
   * closing at 16:30 has not shortened the day a conference may be held.
   */
  readonly limitTime: TimeOfDay;
  /** Closure days the authority configured ("YYYY-MM-DD"). */
  readonly closureDays: readonly string[];
  /** chair-consultation (chair-consultation 4a): a mapping newer than this is reviewed, not redone. */
  readonly caseMappingRecentMonths?: number;
}

export type PolicyId =
  | "england"
  | "swindon"
  | "virtual-conference"
  | "leicestershire"
  | "west-sussex"
  | "chair-consultation";

export interface PolicyDefinition {
  readonly id: PolicyId;
  readonly title: string;
  readonly source: string;
  /** Every policy but `england` extends it (docs/rules.md, national rules). */
  readonly extends?: "england";
  readonly settings?: Partial<PolicySettings>;
  readonly rules: readonly TimelineRule[];
  readonly recurring?: readonly RecurringRule[];
  readonly checks?: readonly CheckRule[];
  /** Procedure that is not a timescale, kept with the policy for people to read. */
  readonly notes?: readonly string[];
}
