import { reasonWords } from "../../cards/stand-down-request/reasons";
import type { Case, Meeting, PersonRef } from "../../model";
import { formatHumanInstant } from "../../rules";
import { staffById } from "../kernel/authority";
import type { WorkflowDeps } from "../kernel/deps";
import { meetingLimit } from "../timeline/meeting-timeline";
import { kindWords } from "../kernel/subjects";
import { approvalWords } from "./approvals";

type Recorded = NonNullable<Meeting["standDown"]> | NonNullable<Meeting["standDownRequest"]>;

/**
 * Who tells the attendees (Leicestershire): the clerk when the unit (clerks, chairs,
 * its managers) stood the meeting down, else the social worker, whose
 * name the message carries. A clerk who asked tells them by name;
 * otherwise "the conference clerks".
 */
export function tellerOf(
  deps: WorkflowDeps,
  kase: Case,
  recorded: Pick<Recorded, "originator" | "requestedBy">,
): { name: string; role: string; person?: PersonRef } {
  if (recorded.originator === "social-worker") {
    return { name: kase.socialWorker.name, role: "the social worker", person: kase.socialWorker };
  }
  const asker =
    recorded.requestedBy === undefined
      ? undefined
      : staffById(deps.authority, recorded.requestedBy);
  if (asker?.roles.includes("clerk") === true) {
    return { name: asker.name, role: "the conference clerk" };
  }
  return { name: "The conference clerks", role: "the conference clerks" };
}

export const whenText = (m: Meeting): string =>
  m.start === undefined ? "not booked yet" : formatHumanInstant(Date.parse(m.start));

export const meetingWords = (m: Meeting): string => kindWords(m.kind).toLowerCase();

export function approvalText(deps: WorkflowDeps): string {
  return `Standing down needs the approval of ${approvalWords(deps.policy.id)}. The meeting stays as booked until then.`;
}

/** What happens after: rebooked inside the original limit, or not at all. */
export function rebookText(
  deps: WorkflowDeps,
  meeting: Meeting,
  recorded: Pick<Recorded, "reason">,
): string {
  if (recorded.reason === "no-longer-needed") return "Not rebooked: no longer needed";
  const limit = meetingLimit(deps.policy, meeting);
  return limit === undefined
    ? "Offered to the clerks again"
    : `Offered to the clerks again, to be held by ${formatHumanInstant(limit.getTime())} (the original limit; later needs the service manager's agreement)`;
}

export const reasonText = (r: Pick<Recorded, "reason" | "detail">): string =>
  reasonWords(r.reason, r.detail);
