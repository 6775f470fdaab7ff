import { z } from "zod";
import { meetingAction } from "../common/action-data";
import { groupOf } from "../common/dotted";
import { toggle } from "../common/fields";

export const AGENCY_KEY = /^[A-Za-z0-9_-]{1,64}$/;
export const MAX_AGENCIES = 20;

export const agencyInputId = (key: string) => `agencies.${key}.received`;

/** The flat `agencies.<key>.received` toggles, as `{ key: { received } }`. */
function withAgencies(raw: unknown): unknown {
  if (typeof raw !== "object" || raw === null) return raw;
  return { ...raw, agencies: { ...groupOf(raw, "agencies") } };
}

/**
 * verb report-status.update. A report cannot be quality-assured, shared or
 * sent before it is drafted; "shared with the family" matters because a
 * report not shared is a reason to stand the conference down (docs/rules.md, stand-down).
 */
export const ReportStatusSubmission = z.preprocess(
  withAgencies,
  z
    .object({
      ...meetingAction,
      drafted: toggle(),
      qualityAssured: toggle(),
      sharedWithFamily: toggle(),
      sentToChairAndClerk: toggle(),
      agencies: z
        .record(z.string(), z.object({ received: toggle() }))
        .superRefine((a, ctx) => {
          const keys = Object.keys(a);
          if (keys.length > MAX_AGENCIES)
            ctx.addIssue({ code: "custom", message: "Too many agencies on one card" });
          for (const key of keys.filter((k) => !AGENCY_KEY.test(k)))
            ctx.addIssue({ code: "custom", path: [key], message: "Unknown agency" });
        })
        // `{ police: true }`: which agencies' reports are in.
        .transform((a) =>
          Object.fromEntries(Object.entries(a).map(([key, row]) => [key, row.received])),
        ),
    })
    .superRefine((s, ctx) => {
      if (s.drafted) return;
      const needsDraft = [
        ["qualityAssured", "quality-assured"],
        ["sharedWithFamily", "shared with the family"],
        ["sentToChairAndClerk", "sent to the chair and clerk"],
      ] as const;
      for (const [field, what] of needsDraft) {
        if (s[field]) {
          ctx.addIssue({
            code: "custom",
            path: [field],
            message: `The report cannot be ${what} before it is drafted`,
          });
        }
      }
    }),
);
export type ReportStatusSubmission = z.output<typeof ReportStatusSubmission>;
