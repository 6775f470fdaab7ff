import { type TaskContext, type TaskResult } from "../../ports/tasks";
import { csvAttachment } from "../../cards/csv/csv";
import { indicatorReviewCsv } from "../../cards/csv/lists";
import { layoutIndicatorReviewCard } from "../../cards/indicator-review/build";
import type { IndicatorReviewView } from "../../cards/indicator-review/view-model";
import type { Task } from "../../model";
import { formatHumanDate, formatIsoDate } from "../../rules";
import { staffById, staffWithRole, type StaffMember } from "../kernel/authority";
import type { WorkflowDeps } from "../kernel/deps";
import { gatherIndicators, type ChairIndicators } from "./indicator-rows";
import { unreadableText } from "../../cards/common/list";
import { CASE_FILE_TYPES, unreadableCount } from "../kernel/unreadable";

/** The review reads cases, their meetings and the register. */
const INDICATOR_TYPES: ReadonlySet<string> = new Set([...CASE_FILE_TYPES, "register-entry"]);
import { deliverList } from "./list-delivery";
import { monthId, monthName } from "./month-name";

export const INDICATOR_REVIEW = "indicator.review";

const counts = (chairs: readonly ChairIndicators[]) => {
  const n = (k: "longPlans" | "repeatPlans" | "endedAtFirstRcpc") =>
    chairs.reduce((sum, c) => sum + c[k].length, 0);
  return `${n("longPlans")} long plan(s), ${n("repeatPlans")} repeat plan(s), ${n("endedAtFirstRcpc")} ended at the first RCPC`;
};

/**
 * `indicator.review` (West Sussex supervision; docs/rules.md, policies `west-sussex`): on the
 * first working day of each month at 09:00, each CPA (role chair) gets a
 * card of their own cases only, and the CPA team manager (role qa-manager,
 * docs/rules.md's "CPA TM") one card of every chair's; those not in Teams get
 * the same as a CSV by email. Case references only.
 */
export function indicatorReviewHandler(deps: WorkflowDeps) {
  return async (task: Task, ctx: TaskContext): Promise<TaskResult> => {
    const today = deps.policy.calendar.toLocal(ctx.now.getTime()).day;
    const chairs = await gatherIndicators(deps, today);
    // After gathering: what it could not read is set aside and raised by now.
    const unreadable = await unreadableCount(deps, INDICATOR_TYPES);
    const unread = unreadable > 0 ? `; ${unreadableText(unreadable) ?? ""}` : "";
    const title = `Indicator review: ${monthName(monthId(today))}`;
    const asOf = `as at ${formatHumanDate(today)}, for supervision`;
    const send = async (
      key: string,
      recipients: StaffMember[],
      shown: ChairIndicators[],
      periodText: string,
    ) => {
      const view: IndicatorReviewView = {
        title,
        periodText,
        chairs: shown.map(({ chairName, longPlans, repeatPlans, endedAtFirstRcpc }) => ({
          chairName,
          longPlans,
          repeatPlans,
          endedAtFirstRcpc,
        })),
        ...(unreadable > 0 ? { unreadable } : {}),
      };
      const summary = `${counts(shown)}${unread}`;
      return deliverList(deps, {
        // One delivery per card: a chair who is also a QA manager gets both.
        taskId: `${task.id}:${key}`,
        list: INDICATOR_REVIEW,
        recipients,
        cards: [layoutIndicatorReviewCard(view).card],
        preview: `${title}: ${summary}`,
        subject: `${title}: ${summary}`,
        bodyText: [
          `${title}, ${periodText}: ${summary}.`,
          "Every case is in the attached CSV, by case reference.",
        ].join("\n"),
        csv: csvAttachment(
          `${INDICATOR_REVIEW}-${key}`,
          formatIsoDate(today),
          indicatorReviewCsv(view),
        ),
      });
    };
    let cards = 0;
    let emails = 0;
    for (const chair of chairs) {
      const member = staffById(deps.authority, chair.chairId);
      if (member === undefined) continue;
      const r = await send(chair.chairId, [member], [chair], `${chair.chairName}'s plans ${asOf}`);
      cards += r.cards;
      emails += r.emails;
    }
    const managers = staffWithRole(deps.authority, "qa-manager");
    if (managers.length > 0) {
      const r = await send("all", managers, chairs, `Every chair's plans ${asOf}`);
      cards += r.cards;
      emails += r.emails;
    }
    return { chairs: chairs.length, summary: counts(chairs), cards, emails };
  };
}
