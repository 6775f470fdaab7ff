import { z } from "zod";
import { meetingAction } from "../common/action-data";

/**
 * verbs after-meeting.plan-signed-off and after-meeting.record-available
 * (the chair, Leicestershire) and after-meeting.record-distributed (the clerk, West Sussex):
 * the ids only; workflow/ loads the meeting and checks the actor's role.
 */
export const PlanSignedOffSubmission = z.object({ ...meetingAction });
export const RecordAvailableSubmission = z.object({ ...meetingAction });
export const RecordDistributedSubmission = z.object({ ...meetingAction });
export type AfterMeetingSubmission = z.output<typeof PlanSignedOffSubmission>;
