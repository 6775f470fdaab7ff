import type { Meeting } from "../../model";
import type { WorkflowDeps } from "../kernel/deps";

/**
 * Outlook replies and the quoracy forecast: the forecast runs from 3 working days before the meeting, and
 * again the morning before (the working day before), each at the policy's
 * send time (docs/rules.md, counting time's default for reminders).
 */
export function forecastTimes(
  deps: Pick<WorkflowDeps, "policy">,
  meeting: Meeting,
): { first: Date; eve: Date } | undefined {
  if (meeting.start === undefined) return undefined;
  // docs/rules.md, stand-down's quorum (2 other agencies) is a conference's: a CLA
  // review has none, so it is never forecast or warned about.
  if (meeting.kind === "CLA") return undefined;
  const cal = deps.policy.calendar;
  const day = cal.toLocal(Date.parse(meeting.start)).day;
  return {
    first: new Date(cal.toInstant(cal.workingDaysBefore(day, 3), deps.policy.sendTime)),
    eve: new Date(cal.toInstant(cal.workingDaysBefore(day, 1), deps.policy.sendTime)),
  };
}

export const FORECAST_TASK = "quoracy.forecast";
export const forecastTaskIds = (meetingId: string) => ({
  first: `${meetingId}:${FORECAST_TASK}:3wd`,
  eve: `${meetingId}:${FORECAST_TASK}:1wd`,
});
