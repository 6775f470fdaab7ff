import { z } from "zod";
import { DocId } from "../../model/common";

/**
 * The ids every Action.Execute carries in its `data` (merged by Teams with
 * the inputs). They are untrusted like everything else the card sends:
 * workflow/ loads the case, meeting or task by these ids and checks the
 * actor's role on it before acting.
 */
const id = (what: string) =>
  z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.string({ error: `The card has no ${what}` }).pipe(DocId),
  );

export const caseIdField = id("case id");
export const meetingIdField = id("meeting id");
export const taskIdField = id("task id");
/** A case-level task (no meeting yet) has no meeting id: empty counts as absent. */
export const optionalMeetingIdField = z.preprocess(
  (v) => (v === "" ? undefined : v),
  DocId.optional(),
);

/**
 * A nonce the card was built with (the document's etag or version): lets the
 * workflow tell a stale card (the thing changed since) from a retried invoke
 * of the current one. Optional: an empty one counts as absent.
 */
export const cardVersionField = z.preprocess(
  (v) => (v === "" ? undefined : v),
  z.string().max(200).optional(),
);

export const caseAction = { caseId: caseIdField, cardVersion: cardVersionField };
export const meetingAction = { ...caseAction, meetingId: meetingIdField };
