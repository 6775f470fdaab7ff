import { z } from "zod";
import { MeetingKind } from "../model/meeting-kind";
import { WHO } from "./types";

/**
 * What an authority may change without code (the issue: "an authority can
 * override a value, for example end of business, without code"). Plain data,
 * validated here, e.g. from a JSON file:
 *
 *   { "endOfBusiness": "16:30", "closureDays": ["2026-12-24"],
 *     "meetings": ["ICPC", "RCPC"], "disable": ["report.family.best"],
 *     "rules": { "invite-list.due": { "offset": { "count": "working-days", "n": 4, "direction": "after" } } } }
 */
const timeOfDay = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "expected a time of day HH:MM")
  .transform((s) => s as `${number}:${number}`);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date YYYY-MM-DD");
const count = z.number().int().min(1).max(1000);

export const OffsetSchema = z.discriminatedUnion("count", [
  z
    .object({ count: z.literal("working-days"), n: count, direction: z.enum(["after", "before"]) })
    .strict(),
  z.object({ count: z.literal("days"), n: count, direction: z.literal("before") }).strict(),
  z.object({ count: z.literal("weeks"), n: count, direction: z.literal("before") }).strict(),
  z.object({ count: z.literal("months"), n: count, direction: z.literal("after") }).strict(),
  z.object({ count: z.literal("hours"), n: count, direction: z.literal("before") }).strict(),
  z
    .object({
      count: z.literal("minutes"),
      n: count,
      inPerson: count.optional(),
      direction: z.literal("before"),
    })
    .strict(),
  z.object({ count: z.literal("same-day") }).strict(),
]);

export const RulePatchSchema = z
  .object({
    offset: OffsetSchema.optional(),
    time: timeOfDay.optional(),
    who: z.array(z.enum(WHO)).min(1).optional(),
    meetings: z.array(MeetingKind).optional(),
    /** Checks only: the window or duration in months. */
    months: count.optional(),
  })
  .strict();

export const PolicyOverridesSchema = z
  .object({
    endOfBusiness: timeOfDay.optional(),
    sendTime: timeOfDay.optional(),
    limitTime: timeOfDay.optional(),
    closureDays: z.array(isoDate).optional(),
    caseMappingRecentMonths: count.optional(),
    /**
     * The meeting kinds this authority runs through Convene (default: all).
     * An authority that books only CP conferences here leaves out "CLA", and
     * a CLA timeline for it is then refused rather than half-computed.
     */
    meetings: z.array(MeetingKind).min(1).optional(),
    /** Rule ids switched off for this authority (never a statutory limit). */
    disable: z.array(z.string()).optional(),
    rules: z.record(z.string(), RulePatchSchema).optional(),
  })
  .strict();

export type PolicyOverrides = z.input<typeof PolicyOverridesSchema>;
