import { readableItems, readOrSetAside, unreadableCount } from "../kernel/unreadable";
import { type TaskContext, type TaskResult } from "../../ports/tasks";
import { csvAttachment } from "../../cards/csv/csv";
import {
  registerChangesCsv,
  type RegisterChange,
  type RegisterChangeRow,
} from "../../cards/csv/register-changes";
import { londonDate } from "../../cards/common/format";
import type { Task } from "../../model";
import { formatHumanDate, formatIsoDate } from "../../rules";
import type { WorkflowDeps } from "../kernel/deps";
import { deliverList } from "./list-delivery";

export const NOTIFY_HEALTH = "register.notify-health";

/** What the day's register changes are made from. */
const REGISTER_TYPES: ReadonlySet<string> = new Set(["register-entry", "case"]);

type Deps = Pick<WorkflowDeps, "store" | "policy" | "logger" | "clock" | "kick">;

/**
 * The register changes of one run of `register.notify-health` (West Sussex): those
 * recorded after the previous working day's run and up to this one's due
 * time, so a change recorded after 17:00, or on a weekend, goes with the
 * next working day's list and none goes twice or never. A change of
 * category is left out (the child stays on the register; A&E needs no
 * category: cards/csv/register-changes.ts). Children by name and date of
 * birth: this is for the health mailboxes' email only, never a card or a log.
 */
export async function gatherRegisterChanges(
  deps: Deps,
  dueAt: Date,
): Promise<{ rows: RegisterChangeRow[]; left: number }> {
  const cal = deps.policy.calendar;
  const { day, minuteOfDay } = cal.toLocal(dueAt.getTime());
  const from = cal.toInstant(cal.workingDayOnOrBefore(day - 1), minuteOfDay);
  const to = dueAt.getTime();
  const entries = (
    await readableItems(deps, deps.store.listAll("register-entry"), "health notification")
  ).filter((e) => {
    const at = Date.parse(e.at);
    return at > from && at <= to && e.change !== "category-changed";
  });
  const rows: RegisterChangeRow[] = [];
  // A change that cannot be given (its case unreadable, or no such child on
  // it) is counted, and the email says so: A&E must never take a short list
  // for a whole one.
  let left = 0;
  for (const e of entries) {
    const read = await readOrSetAside(deps, "case", e.caseId, e.caseId, "health notification");
    // An unreadable case is set aside and counted with the unreadable records.
    if (read.unreadable) continue;
    const kase = read.doc;
    const child = kase?.children.find((c) => c.id === e.childId);
    if (kase === undefined || child === undefined) {
      left += 1;
      deps.logger.warn(
        { registerEntryId: e.id, caseId: e.caseId },
        "register change: no such child",
      );
      continue;
    }
    const meeting =
      e.meetingId === undefined
        ? undefined
        : (await readOrSetAside(deps, "meeting", e.meetingId, e.caseId, "health notification")).doc;
    rows.push({
      change: e.change as RegisterChange,
      effective: londonDate(meeting?.start ?? e.at),
      childName: child.name,
      ...(child.dob !== undefined ? { dateOfBirth: child.dob } : {}),
      caseReference: kase.reference,
    });
  }
  return { rows, left };
}

/**
 * `register.notify-health` (West Sussex; docs/rules.md, policies `west-sussex`): every working
 * day at 17:00, the day's CP register changes by email, with the CSV, to
 * the configured health (A&E) mailboxes only; no card, no other recipient
 * (cards/csv/register-changes.ts says why).
 *
 * Decision: the email goes every working day, also when there was no
 * change ("0", a CSV with its header only). An A&E team that updates its
 * database from this email cannot tell "no changes today" from "the email
 * was lost" if quiet days send nothing; a daily email that says 0 is the
 * confirmation they would expect from the clerks' spreadsheet today.
 * Subject and body carry the date and the count only, never a name.
 */
export function notifyHealthHandler(deps: WorkflowDeps) {
  return async (task: Task, _ctx: TaskContext): Promise<TaskResult> => {
    const mailboxes = deps.authority.healthMailboxes;
    if (mailboxes.length === 0) {
      deps.logger.warn(
        { taskId: task.id },
        "register.notify-health: no health mailboxes configured",
      );
      return { skipped: "no-health-mailboxes" };
    }
    const dueAt = new Date(task.dueAt);
    const { rows, left } = await gatherRegisterChanges(deps, dueAt);
    // Register entries and cases set aside as unreadable and not yet handled.
    const unreadable = await unreadableCount(deps, REGISTER_TYPES);
    const incomplete = left + unreadable;
    const day = deps.policy.calendar.toLocal(dueAt.getTime()).day;
    const title = `CP register changes, ${formatHumanDate(day)}: ${rows.length}`;
    const sent = await deliverList(deps, {
      taskId: task.id,
      list: NOTIFY_HEALTH,
      recipients: [],
      mailboxes,
      cards: [],
      preview: title,
      subject: title,
      bodyText: [
        `${title}.`,
        rows.length === 0
          ? "There were no changes to the child protection register today."
          : "The changes are in the attached CSV: each child's name, date of birth and the council's case reference to quote when you call.",
        ...(incomplete > 0
          ? [
              `${incomplete === 1 ? "1 record" : `${incomplete} records`} could not be read, so this list may be incomplete. The conference clerks' service team has been told and will send what is missing.`,
            ]
          : []),
        `From ${deps.authority.name}'s conference clerks. Sent every working day at 17:00.`,
      ].join("\n"),
      csv: csvAttachment(NOTIFY_HEALTH, formatIsoDate(day), registerChangesCsv(rows)),
    });
    return { changes: rows.length, incomplete, emails: sent.emails };
  };
}
