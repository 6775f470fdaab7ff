import { z } from "zod";
import { choice, localDate, blankToUndefined } from "../common/fields";

/** What a chair can mark from Teams (sickness is reported with "sick", which arranges cover). */
export const CHAIR_ADDABLE_KINDS = ["leave", "training", "supervision", "duty-elsewhere"] as const;

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const time = (fallback: string) =>
  z.preprocess(
    (v) => blankToUndefined(v) ?? fallback,
    z.string().regex(HHMM, "Enter a time as HH:MM"),
  );

/**
 * verb chairs.unavailable.add (West Sussex: "let CPU know of any other
 * 'unavailable' slots, e.g. A/L, training, personal appointments"). Times
 * default to the whole working day (09:00 to 17:00). Real dates only
 * (2027-02-30 is refused); the end after the start is checked here for
 * dates and times given, and again once made instants (workflow/chairs).
 */
export const ChairUnavailableSubmission = z
  .object({
    kind: choice(CHAIR_ADDABLE_KINDS, "Choose leave, training, supervision or duty elsewhere"),
    startDate: localDate("Enter the first day as a real date"),
    startTime: time("09:00"),
    endDate: localDate("Enter the last day as a real date"),
    endTime: time("17:00"),
  })
  .refine((s) => `${s.endDate}T${s.endTime}` > `${s.startDate}T${s.startTime}`, {
    message: "The end must be after the start",
    path: ["endDate"],
  });
export type ChairUnavailableSubmission = z.output<typeof ChairUnavailableSubmission>;
