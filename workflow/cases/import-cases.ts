import type { Case, PersonRef } from "../../model";
import { asPersonRef, staffWithRole } from "../kernel/authority";
import { optional } from "../kernel/optional";
import { CalendarError, type ExistingEvent } from "../../ports/calendar";
import { isStoreError } from "../../ports/store";
import { formatHumanInstant, parseIsoDate } from "../../rules";
import { bookMeeting } from "../booking/book-meeting";
import { listFromEvent } from "../invitations/carry-over";
import { chooseChair } from "../booking/choose-chair";
import { openConferenceRequest, meetingIdFor } from "../booking/request-conference";
import { createReview, requestedReview } from "../cla/create-review";
import { chooseIro } from "../cla/request-review";
import { claReviewId, firstReview, laterReview } from "../cla/review-anchors";
import type { WorkflowDeps } from "../kernel/deps";
import { planCase, saveCase } from "./save-case";

/**
 * The go-live file's columns (docs/cases-in.md), one row per child; rows
 * with the same case_reference are one case.
 */
export const IMPORT_COLUMNS = [
  "case_reference",
  "child_id",
  "child_name",
  "dob",
  "expected_dob",
  "nhs_number",
  "index_child",
  "social_worker",
  "team_manager",
  "service_manager",
  "team",
  "cp_plan_start",
  "cp_plan_category",
  "last_conference_date",
  "next_conference_date",
  "next_conference_time",
  "outlook_event_id",
  "looked_after_since",
  "last_cla_review_number",
  "last_cla_review_date",
] as const;
export const REQUIRED_COLUMNS = [
  "case_reference",
  "child_id",
  "child_name",
  "social_worker",
  "team_manager",
] as const;

export type ImportRow = { line: number } & Partial<Record<(typeof IMPORT_COLUMNS)[number], string>>;

export interface RowError {
  line: number;
  error: string;
}

interface CaseGroup {
  reference: string;
  rows: ImportRow[];
  input: Record<string, unknown>;
  /** The RCPC to request: the children on a plan and the previous conference. */
  rcpc?: { childKeys: string[]; previous: string };
  /** The RCPC already booked in Outlook before go-live: linked, not created again. */
  booked?: { line: number; date: string; time: string; eventId: string };
  /** The booked RCPC's event as read through the calendar port (whole file checked first). */
  linked?: ExistingEvent & { onlineMeetingId: string; joinWebUrl: string };
  /** CLA reviews to open: per child key, the anchor. */
  cla: { childKey: string; lookedAfter: string; number?: number; previous?: string }[];
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;
const realDate = (v: string): boolean =>
  ISO.test(v) &&
  !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) &&
  new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) === v;
const blank = (v: string | undefined) =>
  v === undefined || v.trim() === "" ? undefined : v.trim();

/** Rows → one CaseInput per case (as the card and the API send it), plus what to open. */
export function groupRows(rows: readonly ImportRow[]): { groups: CaseGroup[]; errors: RowError[] } {
  const errors: RowError[] = [];
  const byRef = new Map<string, CaseGroup>();
  for (const row of rows) {
    const missing = REQUIRED_COLUMNS.filter((c) => blank(row[c]) === undefined);
    if (missing.length > 0) {
      errors.push({ line: row.line, error: `missing ${missing.join(", ")}` });
      continue;
    }
    const ref = (row.case_reference as string).trim();
    let g = byRef.get(ref);
    if (g === undefined) {
      g = {
        reference: ref,
        rows: [],
        input: {
          reference: ref,
          children: [],
          socialWorker: blank(row.social_worker),
          teamManager: blank(row.team_manager),
          ...(blank(row.service_manager) ? { serviceManager: blank(row.service_manager) } : {}),
          ...(blank(row.team) ? { team: blank(row.team) } : {}),
        },
        cla: [],
      };
      byRef.set(ref, g);
    } else {
      for (const [col, key] of [
        ["social_worker", "socialWorker"],
        ["team_manager", "teamManager"],
      ] as const) {
        if (blank(row[col]) !== g.input[key])
          errors.push({ line: row.line, error: `${col} differs from the case's first row` });
      }
    }
    g.rows.push(row);
    const childKey = (row.child_id as string).trim();
    const plan = blank(row.cp_plan_start);
    const child: Record<string, unknown> = {
      id: childKey,
      name: blank(row.child_name),
      ...(blank(row.dob) ? { dob: blank(row.dob) } : {}),
      ...(blank(row.expected_dob) ? { expectedDob: blank(row.expected_dob) } : {}),
      ...(blank(row.nhs_number) ? { nhsNumber: blank(row.nhs_number) } : {}),
      ...(blank(row.looked_after_since) ? { lookedAfterSince: blank(row.looked_after_since) } : {}),
      ...(plan
        ? {
            cpPlans: [
              {
                start: plan,
                ...(blank(row.cp_plan_category)
                  ? { category: blank(row.cp_plan_category)?.toLowerCase() }
                  : {}),
              },
            ],
          }
        : {}),
    };
    (g.input.children as Record<string, unknown>[]).push(child);
    const index = blank(row.index_child)?.toLowerCase();
    if (index !== undefined && !["yes", "y", "true", "1", "no", "n", "false", "0"].includes(index))
      errors.push({ line: row.line, error: "index_child is yes or blank" });
    if (index !== undefined && ["yes", "y", "true", "1"].includes(index)) {
      if (g.input.indexChild !== undefined)
        errors.push({ line: row.line, error: "a case has one index child" });
      g.input.indexChild = childKey;
    }
    const last = blank(row.last_conference_date);
    if (last !== undefined) {
      if (!realDate(last))
        errors.push({
          line: row.line,
          error: "last_conference_date must be a real date, YYYY-MM-DD",
        });
      else if (plan === undefined)
        errors.push({
          line: row.line,
          error: "last_conference_date is for a child on a plan: give cp_plan_start",
        });
      else if (g.rcpc !== undefined && g.rcpc.previous !== last)
        errors.push({
          line: row.line,
          error: "the children of one case share one last conference date",
        });
      else {
        g.rcpc ??= { childKeys: [], previous: last };
        g.rcpc.childKeys.push(childKey);
      }
    }
    const booking = bookedOn(row, last);
    if (booking !== undefined && "error" in booking)
      errors.push({ line: row.line, error: booking.error });
    else if (booking !== undefined) {
      if (
        g.booked !== undefined &&
        (g.booked.date !== booking.date ||
          g.booked.time !== booking.time ||
          g.booked.eventId !== booking.eventId)
      )
        errors.push({
          line: row.line,
          error: "the children of one case share one booked review conference",
        });
      else g.booked ??= { line: row.line, ...booking };
    }
    const la = blank(row.looked_after_since);
    const reviewDate = blank(row.last_cla_review_date);
    const reviewNo = blank(row.last_cla_review_number);
    if ((reviewDate === undefined) !== (reviewNo === undefined))
      errors.push({
        line: row.line,
        error: "give last_cla_review_number and last_cla_review_date together",
      });
    else if (reviewNo !== undefined && !/^[1-9]\d?$/.test(reviewNo))
      errors.push({ line: row.line, error: "last_cla_review_number is a whole number from 1" });
    if (la !== undefined)
      g.cla.push({
        childKey,
        lookedAfter: la,
        ...(reviewNo !== undefined && reviewDate !== undefined
          ? { number: Number(reviewNo), previous: reviewDate }
          : {}),
      });
    else if (reviewDate !== undefined)
      errors.push({ line: row.line, error: "a CLA review needs looked_after_since" });
  }
  return { groups: [...byRef.values()], errors };
}

/**
 * A review conference already booked in Outlook (date, time and event id,
 * all three or none) for a child on a plan whose last conference is given.
 */
function bookedOn(
  row: ImportRow,
  last: string | undefined,
): { date: string; time: string; eventId: string } | { error: string } | undefined {
  const date = blank(row.next_conference_date);
  const time = blank(row.next_conference_time);
  const eventId = blank(row.outlook_event_id);
  if (date === undefined && time === undefined && eventId === undefined) return undefined;
  if (date === undefined || time === undefined || eventId === undefined)
    return {
      error: "give next_conference_date, next_conference_time and outlook_event_id together",
    };
  if (!realDate(date)) return { error: "next_conference_date must be a real date, YYYY-MM-DD" };
  if (!HHMM.test(time))
    return { error: "next_conference_time must be a time of day, HH:MM (UK time)" };
  if (last === undefined || !realDate(last))
    return {
      error: "a booked review conference is for a child on a plan: give last_conference_date",
    };
  if (date <= last) return { error: "next_conference_date must be after last_conference_date" };
  return { date, time, eventId };
}

/**
 * The booked review's Outlook event, read through the calendar port: it
 * must exist in the organiser's calendar, start when the file says, and
 * have its Teams meeting; a review Convene already booked otherwise is not
 * moved by the file. Reads only.
 */
async function checkLinkedEvent(
  deps: WorkflowDeps,
  group: CaseGroup,
  kase: Case,
): Promise<string | undefined> {
  const booked = group.booked;
  if (booked === undefined) return undefined;
  if (group.rcpc === undefined)
    return "a booked review conference is for a child on a plan: give last_conference_date";
  const [h, m] = booked.time.split(":").map(Number) as [number, number];
  const start = new Date(deps.policy.calendar.toInstant(parseIsoDate(booked.date), h * 60 + m));
  let event: ExistingEvent | undefined;
  try {
    event = await deps.calendar.getEvent(deps.authority.organizer, booked.eventId);
  } catch (err) {
    const why = err instanceof CalendarError ? err.code : (err as Error).message;
    return `outlook_event_id: the event could not be read from Outlook (${why}); nothing written, try again`;
  }
  if (event === undefined)
    return `outlook_event_id: there is no such event in ${deps.authority.organizer}'s calendar (never made, deleted or cancelled)`;
  if (event.start.getTime() !== start.getTime())
    return `next_conference_date, next_conference_time: the Outlook event starts ${formatHumanInstant(event.start.getTime())}, not ${formatHumanInstant(start.getTime())}`;
  if (event.onlineMeetingId === undefined || event.joinWebUrl === undefined)
    return "outlook_event_id: the Outlook event has no Teams meeting (Convene runs every conference in one)";
  const meetingId = meetingIdFor(kase.id, "RCPC", group.rcpc.previous);
  const stored = await deps.store.get("meeting", meetingId, kase.id);
  if (
    stored !== undefined &&
    stored.status !== "requested" &&
    (stored.outlookEventId !== event.eventId || stored.start !== event.start.toISOString())
  )
    return "this review conference is already booked in Convene with another event or time: move it there, not with the file";
  group.linked = {
    ...event,
    onlineMeetingId: event.onlineMeetingId,
    joinWebUrl: event.joinWebUrl,
  };
  return undefined;
}

/** Where a field error of the case input belongs: the child's own row, else the case's first row. */
function lineOf(group: CaseGroup, field: string): number {
  const m = /^children\[(\d+)\]/.exec(field);
  const row = m !== null ? group.rows[Number(m[1])] : group.rows[0];
  return (row ?? group.rows[0]!).line;
}

export interface ImportReport {
  created: number;
  updated: number;
  unchanged: number;
  errors: RowError[];
}

/**
 * The go-live import: every row checked before anything is written (the
 * same checks as the card and the API: planCase), then each case saved,
 * its RCPC requested and its CLA review opened. Every write is idempotent by
 * id, so a second run reports every case unchanged and a rerun after a crash
 * completes what the first run began. `dryRun` writes nothing.
 */
export async function importCases(
  deps: WorkflowDeps,
  rows: readonly ImportRow[],
  options: { dryRun: boolean; progress?: (done: number, total: number) => void },
): Promise<ImportReport> {
  const { groups, errors } = groupRows(rows);
  const planned: { group: CaseGroup; outcome: "created" | "updated" | "unchanged"; kase: Case }[] =
    [];
  for (const group of groups) {
    const plan = await planCase(deps, group.input);
    if (!plan.ok) {
      for (const [field, message] of Object.entries(plan.errors))
        errors.push({ line: lineOf(group, field), error: `${field}: ${message}` });
      continue;
    }
    const linkError = await checkLinkedEvent(deps, group, plan.kase);
    if (linkError !== undefined) {
      errors.push({ line: group.booked?.line ?? group.rows[0]!.line, error: linkError });
      continue;
    }
    planned.push({ group, outcome: plan.outcome, kase: plan.kase });
  }
  errors.sort((a, b) => a.line - b.line);
  const report: ImportReport = { created: 0, updated: 0, unchanged: 0, errors };
  if (errors.length > 0) return report;

  let done = 0;
  for (const { group, outcome, kase: plannedCase } of planned) {
    let result = outcome;
    let kase = plannedCase;
    if (!options.dryRun) {
      // A new social worker: audited, and the open cards move when the
      // server's scheduler runs the task saveCase queues (reassign.ts).
      const saved = await saveCase(deps, group.input, { actor: "system", source: "import" });
      if (!saved.ok) throw new Error(`case ${group.reference} changed during the import`);
      result = saved.outcome;
      kase = saved.kase;
    }
    const opened = await openMeetings(deps, group, kase, options.dryRun);
    if (result === "unchanged" && opened) result = "updated";
    report[result]++;
    options.progress?.(++done, planned.length);
  }
  return report;
}

/**
 * Books the requested review with the Outlook event that already exists
 * (bookMeeting, as the clerk's booking does: the same tasks and reminders),
 * recording the event's ids instead of creating one. Answers whether it
 * was newly booked; a rerun finds it booked at that time and changes nothing.
 */
async function linkEvent(
  deps: WorkflowDeps,
  kase: Case,
  meetingId: string,
  event: NonNullable<CaseGroup["linked"]>,
): Promise<boolean> {
  const meeting = await deps.store.get("meeting", meetingId, kase.id);
  if (meeting === undefined) throw new Error(`meeting ${meetingId} vanished during the import`);
  const { meeting: booked, repeated } = await bookMeeting(deps, "system", kase, meetingId, {
    start: event.start.toISOString(),
    end: event.end.toISOString(),
    inPerson: false,
    chair: chooseChair(deps.authority, kase, meeting),
    ...optional("clerk", clerkInvited(deps, event)),
    existingEvent: {
      eventId: event.eventId,
      onlineMeetingId: event.onlineMeetingId,
      joinWebUrl: event.joinWebUrl,
    },
  });
  // Nobody dropped: the list starts from the people the event invites.
  await listFromEvent(deps, kase, booked, event);
  return !repeated;
}

/**
 * A clerk on the staff list whom the event already invites (the clerks book
 * in the conferences mailbox and invite themselves): the meeting's clerk, a
 * co-organiser of its Teams meeting with the chair once it is locked. None
 * invited: no clerk, as for any review booked without one.
 */
function clerkInvited(
  deps: WorkflowDeps,
  event: NonNullable<CaseGroup["linked"]>,
): PersonRef | undefined {
  const invited = new Set(event.attendees.map((a) => a.email.toLowerCase()));
  const clerk = staffWithRole(deps.authority, "clerk").find((s) =>
    invited.has(s.email.toLowerCase()),
  );
  return clerk === undefined ? undefined : asPersonRef(clerk);
}

const childIdOf = (kase: Case, key: string): string =>
  kase.children.find((c) => c.sourceId === key)?.id ?? "";

/** The RCPC and CLA reviews the file implies; answers whether any was new. */
async function openMeetings(
  deps: WorkflowDeps,
  g: CaseGroup,
  kase: Case,
  dryRun: boolean,
): Promise<boolean> {
  let opened = false;
  if (g.rcpc !== undefined) {
    const id = meetingIdFor(kase.id, "RCPC", g.rcpc.previous);
    if (dryRun) {
      const stored = await deps.store.get("meeting", id, kase.id);
      opened ||= stored === undefined || (g.linked !== undefined && stored.status === "requested");
    } else {
      const childIds = g.rcpc.childKeys.map((k) => childIdOf(kase, k));
      const answer = await openConferenceRequest(
        deps,
        kase,
        {
          caseId: kase.id,
          meetingKind: "RCPC",
          childIds: childIds.join(","),
          indexChildId: childIds.includes(kase.indexChildId) ? kase.indexChildId : childIds[0],
          previousConferenceDate: g.rcpc.previous,
        },
        "system",
        // Booked already: the clerks are offered no slots for it.
        g.linked !== undefined ? { offer: false } : {},
      );
      if (!answer.ok)
        throw new Error(`case ${g.reference}: ${Object.values(answer.errors).join("; ")}`);
      opened ||= answer.created;
      if (g.linked !== undefined) opened = (await linkEvent(deps, kase, id, g.linked)) || opened;
    }
  }
  for (const c of g.cla) {
    const start =
      c.number !== undefined && c.previous !== undefined
        ? laterReview(c.number + 1, c.previous)
        : firstReview([{ lookedAfterSince: c.lookedAfter }]);
    const id = claReviewId(kase.id, start);
    if (dryRun) {
      opened ||= (await deps.store.get("meeting", id, kase.id)) === undefined;
      continue;
    }
    const draft = requestedReview(kase, start, {
      actor: "system",
      at: deps.clock(),
      inPerson: false,
    });
    try {
      opened =
        (await createReview(deps, { ...draft, chair: chooseIro(deps, kase, draft) })) || opened;
    } catch (err) {
      if (!isStoreError(err, "Conflict")) throw err;
    }
  }
  return opened;
}
