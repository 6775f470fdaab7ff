/**
 * rules/: the pure domain of conference and review timescales (docs/rules.md).
 * No I/O and no clock: every date comes in as an argument.
 */
export type { Calendar } from "./calendar/calendar";
export {
  FIRST_SUPPORTED_YEAR,
  LAST_SUPPORTED_YEAR,
  addMonthsClamped,
  dayFromYmd,
  formatIsoDate,
  parseIsoDate,
  ymdFromDay,
  type DayNumber,
} from "./calendar/day-number";
export { formatHumanDate, formatHumanInstant } from "./calendar/en-gb";
export { englandPublicHolidays } from "./calendar/holidays";
export { formatLondonIso, londonInstant, londonOffsetMinutes } from "./calendar/london-time";
export { WorkingDayCalendar, workingDayCalendar } from "./calendar/working-day-calendar";
export {
  planLongCheck,
  planRepeatCheck,
  runChecks,
  PlanRecordSchema,
  type CheckResult,
  type PlanRecord,
} from "./checks";
export { RulesInputError, type RulesInputErrorCode } from "./errors";
export { parseLocalDateTime, type LocalDateTime } from "./local-date-time";
export { PolicyOverridesSchema, type PolicyOverrides } from "./overrides";
export { POLICY_IDS, isPolicyId, resolvePolicy, type ResolvedPolicy } from "./policy-registry";
export { schedule, type Schedule, type ScheduleEntry } from "./schedule";
export { timeline, type Timeline, type TimelineAnchors, type TimelineEntry } from "./timeline";
export type * from "./types";
export { WHO } from "./types";
