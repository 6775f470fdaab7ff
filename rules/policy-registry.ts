import { MEETING_KINDS, type MeetingKind } from "../model/meeting-kind";
import type { Calendar } from "./calendar/calendar";
import { parseIsoDate } from "./calendar/day-number";
import { workingDayCalendar } from "./calendar/working-day-calendar";
import { RulesInputError } from "./errors";
import { PolicyOverridesSchema, type PolicyOverrides } from "./overrides";
import { chairConsultation } from "./policies/chair-consultation";
import { england } from "./policies/england";
import { leicestershire } from "./policies/leicestershire";
import { swindon } from "./policies/swindon";
import { virtualConference } from "./policies/virtual-conference";
import { westSussex } from "./policies/west-sussex";
import type {
  CheckRule,
  PolicyDefinition,
  PolicyId,
  RecurringRule,
  TimeOfDay,
  TimelineRule,
} from "./types";

const DEFINITIONS: Readonly<Record<PolicyId, PolicyDefinition>> = {
  england,
  swindon,
  "virtual-conference": virtualConference,
  leicestershire,
  "west-sussex": westSussex,
  "chair-consultation": chairConsultation,
};

export const POLICY_IDS = Object.keys(DEFINITIONS) as readonly PolicyId[];

export function isPolicyId(id: string): id is PolicyId {
  return Object.prototype.hasOwnProperty.call(DEFINITIONS, id);
}

/** A policy merged with `england` and the authority's overrides, ready to compute with. */
export interface ResolvedPolicy {
  readonly id: PolicyId;
  readonly title: string;
  readonly source: string;
  /** Times of day as minutes after midnight. */
  readonly endOfBusiness: number;
  readonly sendTime: number;
  readonly limitTime: number;
  readonly closureDays: readonly string[];
  readonly caseMappingRecentMonths: number | undefined;
  readonly rules: readonly TimelineRule[];
  /** Per meeting kind, ordered so that a rule anchored on another comes after it. */
  readonly rulesByMeeting: Readonly<Record<MeetingKind, readonly TimelineRule[]>>;
  readonly recurring: readonly RecurringRule[];
  readonly checks: readonly CheckRule[];
  readonly notes: readonly string[];
  readonly calendar: Calendar;
}

const timeCache = new Map<string, number>();

/** "HH:MM" as minutes after midnight (cached: it runs once per timeline entry). */
export function minutesOfTime(time: TimeOfDay): number {
  let minutes = timeCache.get(time);
  if (minutes === undefined) {
    const [h, m] = time.split(":");
    minutes = Number(h) * 60 + Number(m);
    timeCache.set(time, minutes);
  }
  return minutes;
}

const DEFAULTS = { endOfBusiness: "17:00", sendTime: "09:00", limitTime: "17:00" } as const;

/**
 * A child rule replaces the parent's rule with the same id for the meeting
 * kinds it names (leicestershire's `police-checks.request` has one definition
 * for ICPC and another for RCPC); the parent's keeps any other kinds.
 */
function mergeRules(
  parent: readonly TimelineRule[],
  child: readonly TimelineRule[],
): TimelineRule[] {
  const kept: TimelineRule[] = [];
  for (const rule of parent) {
    const taken = new Set(child.filter((c) => c.id === rule.id).flatMap((c) => c.meetings));
    const meetings = rule.meetings.filter((m) => !taken.has(m));
    if (meetings.length === rule.meetings.length) kept.push(rule);
    else if (meetings.length > 0) kept.push({ ...rule, meetings });
  }
  return [...kept, ...child];
}

function mergeById<T extends { readonly id: string }>(
  parent: readonly T[],
  child: readonly T[],
): T[] {
  const ids = new Set(child.map((c) => c.id));
  return [...parent.filter((p) => !ids.has(p.id)), ...child];
}

function orderByMeeting(rules: readonly TimelineRule[]): Record<MeetingKind, TimelineRule[]> {
  const result = {} as Record<MeetingKind, TimelineRule[]>;
  for (const meeting of MEETING_KINDS) {
    const forMeeting = rules.filter((r) => r.meetings.includes(meeting));
    const ids = new Set(forMeeting.map((r) => r.id));
    // A rule anchored on another rule is dropped when that rule is absent for
    // this meeting (e.g. disabled by an authority): its anchor is missing.
    const direct = forMeeting.filter((r) => typeof r.anchor === "string");
    const chained = forMeeting.filter(
      (r) => typeof r.anchor !== "string" && ids.has(r.anchor.rule),
    );
    result[meeting] = [...direct, ...chained];
  }
  return result;
}

/**
 * The national limits (docs/rules.md, national rules) are law, not local practice: no
 * authority's overrides may switch one off or move it.
 */
const STATUTORY_LIMITS: ReadonlySet<string> = new Set(
  DEFINITIONS.england.rules.filter((r) => r.kind === "limit").map((r) => r.id),
);

const cache = new Map<PolicyId, ResolvedPolicy>();

/**
 * The policy `id` as an authority runs it. `overrides` is plain data (see
 * overrides.ts); without it the result is cached and shared.
 */
export function resolvePolicy(id: string, overrides?: PolicyOverrides): ResolvedPolicy {
  if (!isPolicyId(id)) {
    throw new RulesInputError(
      "unknown-policy",
      `unknown policy "${id}" (known: ${POLICY_IDS.join(", ")})`,
    );
  }
  if (overrides === undefined) {
    let cached = cache.get(id);
    if (cached === undefined) {
      cached = build(DEFINITIONS[id], undefined);
      cache.set(id, cached);
    }
    return cached;
  }
  const parsed = PolicyOverridesSchema.safeParse(overrides);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
    throw new RulesInputError(
      "bad-overrides",
      `bad overrides for ${id}: ${where}${issue?.message ?? "invalid"}`,
    );
  }
  return build(DEFINITIONS[id], parsed.data);
}

type ParsedOverrides = ReturnType<typeof PolicyOverridesSchema.parse>;

function build(
  definition: PolicyDefinition,
  overrides: ParsedOverrides | undefined,
): ResolvedPolicy {
  const parent = definition.extends ? DEFINITIONS[definition.extends] : undefined;
  let rules = parent ? mergeRules(parent.rules, definition.rules) : [...definition.rules];
  let recurring = mergeById(parent?.recurring ?? [], definition.recurring ?? []);
  let checks = mergeById(parent?.checks ?? [], definition.checks ?? []);
  const settings = {
    ...DEFAULTS,
    closureDays: [] as readonly string[],
    ...parent?.settings,
    ...definition.settings,
  };

  if (overrides) {
    const known = new Set([...rules, ...recurring, ...checks].map((r) => r.id));
    for (const ruleId of [...(overrides.disable ?? []), ...Object.keys(overrides.rules ?? {})]) {
      if (!known.has(ruleId)) {
        throw new RulesInputError(
          "bad-overrides",
          `overrides name rule "${ruleId}", which ${definition.id} does not have`,
        );
      }
      if (STATUTORY_LIMITS.has(ruleId)) {
        throw new RulesInputError(
          "bad-overrides",
          `overrides cannot change "${ruleId}": it is a statutory limit (docs/rules.md, statutory limits)`,
        );
      }
    }
    const disabled = new Set(overrides.disable ?? []);
    rules = rules.filter((r) => !disabled.has(r.id));
    recurring = recurring.filter((r) => !disabled.has(r.id));
    checks = checks.filter((r) => !disabled.has(r.id));
    const patches = overrides.rules ?? {};
    rules = rules.map((r) => {
      const p = patches[r.id];
      if (!p) return r;
      return {
        ...r,
        ...(p.offset ? { offset: p.offset } : {}),
        ...(p.time ? { time: p.time } : {}),
        ...(p.who ? { who: p.who } : {}),
        ...(p.meetings ? { meetings: p.meetings } : {}),
      };
    });
    recurring = recurring.map((r) => {
      const p = patches[r.id];
      return p
        ? { ...r, ...(p.time ? { time: p.time } : {}), ...(p.who ? { who: p.who } : {}) }
        : r;
    });
    checks = checks.map((r) => {
      const p = patches[r.id];
      if (!p) return r;
      return {
        ...r,
        ...(p.months ? { months: p.months } : {}),
        ...(p.who ? { who: p.who } : {}),
        ...(p.meetings ? { meetings: p.meetings } : {}),
      };
    });
    if (overrides.meetings) {
      const runs = new Set<MeetingKind>(overrides.meetings);
      const narrowed = <R extends { meetings: readonly MeetingKind[] }>(list: R[]): R[] =>
        list
          .map((r) => ({ ...r, meetings: r.meetings.filter((m) => runs.has(m)) }))
          .filter((r) => r.meetings.length > 0);
      rules = narrowed(rules);
      checks = narrowed(checks);
    }
    if (overrides.endOfBusiness) settings.endOfBusiness = overrides.endOfBusiness;
    if (overrides.sendTime) settings.sendTime = overrides.sendTime;
    if (overrides.limitTime) settings.limitTime = overrides.limitTime;
    if (overrides.closureDays) settings.closureDays = overrides.closureDays;
    if (overrides.caseMappingRecentMonths)
      settings.caseMappingRecentMonths = overrides.caseMappingRecentMonths;
  }

  const closureDays = settings.closureDays.map((d) => parseIsoDate(d, "closure day"));
  return {
    id: definition.id,
    title: definition.title,
    source: definition.source,
    endOfBusiness: minutesOfTime(settings.endOfBusiness),
    sendTime: minutesOfTime(settings.sendTime),
    limitTime: minutesOfTime(settings.limitTime),
    closureDays: settings.closureDays,
    caseMappingRecentMonths: settings.caseMappingRecentMonths,
    rules,
    rulesByMeeting: orderByMeeting(rules),
    recurring,
    checks,
    notes: [...(parent?.notes ?? []), ...(definition.notes ?? [])],
    calendar: workingDayCalendar(closureDays),
  };
}
