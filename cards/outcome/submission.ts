import { z } from "zod";
import { meetingAction } from "../common/action-data";
import { choice, localDate, optionalLocalDate } from "../common/fields";
import { formatDate } from "../common/format";
import { PLAN_CATEGORIES } from "./view-model";

/**
 * verb outcome.record. With a plan, the next RCPC must be inside
 * `rcpc.first.latest` / `rcpc.next.latest` and the first core group inside
 * `core-group.first.latest` (RULES.md section 3). The limits travel in the
 * action's data so the chair sees a mistake at once; they are untrusted
 * like all card data, and workflow/ checks the dates against the timeline
 * again before storing them. ISO dates compare correctly as strings.
 */
export const OutcomeSubmission = z
  .object({
    ...meetingAction,
    meetingDate: localDate("The card has no meeting date"),
    nextRcpcLimit: localDate("The card has no RCPC limit"),
    coreGroupLimit: optionalLocalDate("The card's core group limit is not a date"),
    plan: choice(["yes", "no"], "Say whether the child is to be subject to a plan"),
    category: z.preprocess(
      (v) => (v === "" ? undefined : v),
      z.enum(PLAN_CATEGORIES, { error: "Choose a category" }).optional(),
    ),
    nextRcpcDate: optionalLocalDate("Enter a real date"),
    coreGroupDate: optionalLocalDate("Enter a real date"),
  })
  .superRefine((s, ctx) => {
    if (s.plan !== "yes") return;
    const issue = (path: string, message: string) =>
      ctx.addIssue({ code: "custom", path: [path], message });
    if (s.category === undefined) issue("category", "Choose the category of the plan");
    if (s.nextRcpcDate === undefined) issue("nextRcpcDate", "Enter the date of the next RCPC");
    else if (s.nextRcpcDate <= s.meetingDate)
      issue("nextRcpcDate", "The next RCPC must be after this conference");
    else if (s.nextRcpcDate > s.nextRcpcLimit)
      issue("nextRcpcDate", `The next RCPC must be held by ${formatDate(s.nextRcpcLimit)}`);
    if (s.coreGroupDate === undefined) issue("coreGroupDate", "Enter the first core group date");
    else if (s.coreGroupDate < s.meetingDate)
      issue("coreGroupDate", "The core group cannot be before this conference");
    else if (s.coreGroupLimit !== undefined && s.coreGroupDate > s.coreGroupLimit)
      issue(
        "coreGroupDate",
        `The first core group must be held by ${formatDate(s.coreGroupLimit)}`,
      );
  })
  .transform((s) => {
    const ids = { caseId: s.caseId, meetingId: s.meetingId, cardVersion: s.cardVersion };
    if (s.plan === "no") return { ...ids, plan: false as const };
    return {
      ...ids,
      plan: true as const,
      category: s.category!,
      nextRcpcDate: s.nextRcpcDate!,
      coreGroupDate: s.coreGroupDate!,
    };
  });
export type OutcomeSubmission = z.output<typeof OutcomeSubmission>;
