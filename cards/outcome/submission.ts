import { z } from "zod";
import { meetingAction } from "../common/action-data";
import { localDate, optionalLocalDate } from "../common/fields";
import { formatDate } from "../common/format";
import { PLAN_CATEGORIES, type PlanCategory } from "./view-model";

/**
 * Decisions are per child: the card has one plan choice and one category
 * choice for each child the conference is about, named after the child's id.
 */
export const planField = (childId: string): string => `plan_${childId}`;
export const categoryField = (childId: string): string => `category_${childId}`;
const PLAN_PREFIX = "plan_";

export interface ChildDecisionSubmission {
  childId: string;
  plan: boolean;
  category?: PlanCategory;
}

const blank = (v: unknown): unknown => (v === "" ? undefined : v);

/** Input.Time: "HH:MM" (Teams may add seconds: "10:00:00"). */
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const optionalTime = z.preprocess(
  (v) => (typeof v === "string" ? blank(v.trim().slice(0, 5)) : v),
  z.string().regex(HHMM, "Enter a time as HH:MM").optional(),
);

/**
 * verb outcome.record. Each child's plan choice is "yes" (a plan; at a
 * review, for a child on a plan: the plan continues) or "no" (no plan, or
 * the plan ends); with a plan, its category. With any plan, the next RCPC
 * must be inside `rcpc.first.latest` / `rcpc.next.latest`, at a start time
 * (it is booked in Outlook at once), and the first
 * core group inside `core-group.first.latest`. The limits travel in the
 * action's data so the chair sees a mistake at once; they are untrusted
 * like all card data, and workflow/ checks the dates against the timeline
 * again, and that every child of the conference has a decision, before
 * storing anything. ISO dates compare correctly as strings.
 */
export const OutcomeSubmission = z
  .looseObject({
    ...meetingAction,
    meetingDate: localDate("The card has no meeting date"),
    nextRcpcLimit: localDate("The card has no RCPC limit"),
    coreGroupLimit: optionalLocalDate("The card's core group limit is not a date"),
    nextRcpcDate: optionalLocalDate("Enter a real date"),
    nextRcpcTime: optionalTime,
    coreGroupDate: optionalLocalDate("Enter a real date"),
  })
  .transform((s, ctx) => {
    const issue = (path: string, message: string) =>
      ctx.addIssue({ code: "custom", path: [path], message });
    const children: ChildDecisionSubmission[] = [];
    for (const [key, raw] of Object.entries(s)) {
      if (!key.startsWith(PLAN_PREFIX)) continue;
      const childId = key.slice(PLAN_PREFIX.length);
      const value = blank(raw);
      if (value !== "yes" && value !== "no") {
        issue(key, "Say whether this child is to be subject to a plan");
        continue;
      }
      if (value === "no") {
        children.push({ childId, plan: false });
        continue;
      }
      const category = blank(s[categoryField(childId)]);
      if (category === undefined) {
        issue(categoryField(childId), "Choose the category of this child's plan");
        continue;
      }
      if (!(PLAN_CATEGORIES as readonly unknown[]).includes(category)) {
        issue(categoryField(childId), "Choose a category");
        continue;
      }
      children.push({ childId, plan: true, category: category as PlanCategory });
    }
    if (children.length === 0 && !Object.keys(s).some((k) => k.startsWith(PLAN_PREFIX)))
      issue("_form", "The card has no decision for any child");
    const ids = { caseId: s.caseId, meetingId: s.meetingId, cardVersion: s.cardVersion };
    if (!children.some((c) => c.plan)) return { ...ids, children, anyPlan: false as const };
    if (s.nextRcpcDate === undefined) issue("nextRcpcDate", "Enter the date of the next RCPC");
    else if (s.nextRcpcDate <= s.meetingDate)
      issue("nextRcpcDate", "The next RCPC must be after this conference");
    else if (s.nextRcpcDate > s.nextRcpcLimit)
      issue("nextRcpcDate", `The next RCPC must be held by ${formatDate(s.nextRcpcLimit)}`);
    if (s.nextRcpcTime === undefined) issue("nextRcpcTime", "Enter the time the next RCPC starts");
    if (s.coreGroupDate === undefined) issue("coreGroupDate", "Enter the first core group date");
    else if (s.coreGroupDate < s.meetingDate)
      issue("coreGroupDate", "The core group cannot be before this conference");
    else if (s.coreGroupLimit !== undefined && s.coreGroupDate > s.coreGroupLimit)
      issue(
        "coreGroupDate",
        `The first core group must be held by ${formatDate(s.coreGroupLimit)}`,
      );
    return {
      ...ids,
      children,
      anyPlan: true as const,
      nextRcpcDate: s.nextRcpcDate ?? "",
      nextRcpcTime: s.nextRcpcTime ?? "",
      coreGroupDate: s.coreGroupDate ?? "",
    };
  });
export type OutcomeSubmission = z.output<typeof OutcomeSubmission>;
