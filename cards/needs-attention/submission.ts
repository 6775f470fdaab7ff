import { z } from "zod";
import { DocId } from "../../model/common";

/** verb failure.retry / failure.handled: the incident acted on (untrusted; workflow/ loads it). */
export const FailureActionSubmission = z.object({
  incidentId: z.string({ error: "The card has no incident id" }).pipe(DocId),
});
export type FailureActionSubmission = z.output<typeof FailureActionSubmission>;
