import { z } from "zod";

/** How long a kind of record is kept: a whole number of days, months or years. */
export const Period = z.union([
  z.object({ days: z.number().int().min(1).max(36_500) }).strict(),
  z.object({ months: z.number().int().min(1).max(1_200) }).strict(),
  z.object({ years: z.number().int().min(1).max(100) }).strict(),
]);
export type Period = z.infer<typeof Period>;

/**
 * The council's retention schedule, per kind of record
 * (docs/data-protection.md, "How long"). A kind with no period is kept:
 * nothing is deleted until the council says how long, because deleting
 * safeguarding records early is itself a harm.
 */
export const RetentionPeriods = z
  .object({
    /** A closed case and everything of it (meetings, lists, decisions, its tasks and messages), from closedAt. */
    closedCases: Period.optional(),
    /** A finished task (done, failed, cancelled), from when it was due. */
    tasks: Period.optional(),
    /** A message record once settled (sent, recipient gone, failed), from when it was made. */
    notifications: Period.optional(),
    /** Graph change notifications kept to recognise repeats, from receipt. */
    inboundNotifications: Period.optional(),
    /** A record that fails its schema (quarantined), from the date it carries. */
    quarantined: Period.optional(),
    /** A case's audit trail, from its newest entry (and its pseudonym keys with it). */
    auditTrail: Period.optional(),
  })
  .strict();
export type RetentionPeriods = z.infer<typeof RetentionPeriods>;

/** The instant `from` plus the period, in UTC calendar arithmetic. */
export function endOf(from: Date, period: Period): Date {
  const d = new Date(from.getTime());
  if ("days" in period) d.setUTCDate(d.getUTCDate() + period.days);
  else if ("months" in period) d.setUTCMonth(d.getUTCMonth() + period.months);
  else d.setUTCFullYear(d.getUTCFullYear() + period.years);
  return d;
}

/** True when a record dated `from` has reached the end of its period at `now`. */
export function expired(from: string, period: Period | undefined, now: Date): boolean {
  if (period === undefined) return false;
  const t = Date.parse(from.length === 10 ? `${from}T00:00:00.000Z` : from);
  if (Number.isNaN(t)) return false;
  return endOf(new Date(t), period).getTime() <= now.getTime();
}
