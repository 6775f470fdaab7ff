import type { Case, Document, Meeting, Notification, Task } from "../../model";
import type { RecordKeeping, RemovableType } from "../../ports/records";

/** The document types that live in a case's own partition (pk = case id). */
export const CASE_PARTITION_TYPES = [
  "meeting",
  "invite-list",
  "access-needs",
  "report-status",
  "register-entry",
  "qa-notice",
  "consultation",
] as const satisfies readonly RemovableType[];

export interface CaseRecords {
  kase: Case;
  meetings: Meeting[];
  /** Everything else in the case's partition. */
  others: Document[];
  tasks: Task[];
  notifications: Notification[];
}

/** Everything Convene holds about each case, gathered in one pass over the store. */
export async function gatherCases(records: RecordKeeping): Promise<Map<string, CaseRecords>> {
  const byCase = new Map<string, CaseRecords>();
  for (const kase of (await records.everyOfType("case")).items) {
    byCase.set(kase.id, { kase, meetings: [], others: [], tasks: [], notifications: [] });
  }
  const caseOfMeeting = new Map<string, string>();
  for (const type of CASE_PARTITION_TYPES) {
    for (const doc of (await records.everyOfType(type)).items) {
      const entry = byCase.get(doc.pk);
      if (entry === undefined) continue;
      if (doc.type === "meeting") {
        entry.meetings.push(doc);
        caseOfMeeting.set(doc.id, doc.pk);
      } else entry.others.push(doc);
    }
  }
  const owner = (d: { caseId?: string; meetingId?: string }): CaseRecords | undefined => {
    const caseId =
      d.caseId ?? (d.meetingId !== undefined ? caseOfMeeting.get(d.meetingId) : undefined);
    return caseId === undefined ? undefined : byCase.get(caseId);
  };
  for (const task of (await records.everyOfType("task")).items) owner(task)?.tasks.push(task);
  for (const n of (await records.everyOfType("notification")).items)
    owner(n)?.notifications.push(n);
  return byCase;
}
