import type { CardJson } from "../../ports/notifier";
import { expandCard } from "../common/expand";
import { formatInstant, formatInstantDate } from "../common/format";
import template from "./template.json";
import type { DecisionsView } from "./view-model";

const CATEGORY_WORDS: Record<string, string> = {
  neglect: "Neglect",
  "physical-abuse": "Physical abuse",
  "sexual-abuse": "Sexual abuse",
  "emotional-abuse": "Emotional abuse",
  multiple: "Multiple categories",
};

/** The heading and preview by audience; the preview names the case, never a child. */
function titles(view: DecisionsView): { title: string; preview: string } {
  const what = `${view.meetingKind} for case ${view.caseReference}`;
  switch (view.audience) {
    case "chair":
      return { title: `Decisions sent: ${view.meetingKind}`, preview: `Decisions sent: ${what}` };
    case "clerk":
      return {
        title: `Please distribute the record: ${view.meetingKind}`,
        preview: `Record to distribute: ${what}`,
      };
    default:
      return {
        title: `Conference decisions: ${view.meetingKind}`,
        preview: `Decisions: ${what}`,
      };
  }
}

/**
 * Virtual-conference `decisions.distribute`: the decisions of a conference. Everyone sees
 * the decision (plan or not, category), the next RCPC and the first core
 * group. The chair's copy adds who the decisions went to and the Leicestershire
 * deadlines with "Plan signed off" (with a plan) and "Record checked"; the
 * clerk's copy (West Sussex: the CPU distributes the chair's record and reports
 * once asked) has "Record and reports distributed". A button whose step is
 * done is left off and the step shown as done.
 */
export function buildDecisionsCard(view: DecisionsView): CardJson {
  const { title, preview } = titles(view);
  const facts: { title: string; value: string }[] = [
    {
      title: "Decision",
      value:
        view.childDecisions ?? (view.plan ? "Child protection plan" : "No child protection plan"),
    },
  ];
  if (view.plan && view.category !== undefined)
    facts.push({ title: "Category", value: CATEGORY_WORDS[view.category] ?? view.category });
  if (view.nextConference !== undefined)
    facts.push({ title: "Next review conference", value: formatInstant(view.nextConference) });
  if (view.coreGroup !== undefined)
    facts.push({ title: "First core group", value: formatInstant(view.coreGroup) });
  const chair = view.audience === "chair";
  const clerk = view.audience === "clerk";
  if (chair && view.plan) {
    facts.push({
      title: "Plan signed off",
      value:
        view.planSignedOffAt !== undefined
          ? `Done ${formatInstantDate(view.planSignedOffAt)}`
          : view.planSignOffBy !== undefined
            ? `Due by ${formatInstant(view.planSignOffBy)}`
            : "Not yet",
    });
  }
  if (chair || clerk) {
    facts.push({
      title: "Chair's record",
      value:
        view.recordDistributedAt !== undefined
          ? `Distributed ${formatInstantDate(view.recordDistributedAt)}`
          : view.recordAvailableAt !== undefined
            ? `Checked ${formatInstantDate(view.recordAvailableAt)}, with the clerk to distribute`
            : view.recordDueBy !== undefined
              ? `Available to members by ${formatInstant(view.recordDueBy)}`
              : "Not yet checked",
    });
  }
  const next = chair
    ? "Sign off the plan in the case record, then check the draft chair's record: the clerk distributes it with the reports."
    : clerk
      ? "The chair has checked the record: please send it and the reports to the conference members."
      : "";
  return expandCard(template, {
    fallbackText: preview,
    title,
    caseId: view.caseId,
    meetingId: view.meetingId,
    caseReference: view.caseReference,
    cardVersion: view.cardVersion ?? "",
    meetingText: formatInstant(view.meetingStart),
    facts,
    sentTo: chair ? (view.sentTo ?? []) : [],
    next,
    showSignOff: chair && view.plan && view.planSignedOffAt === undefined,
    showRecordAvailable: chair && view.recordAvailableAt === undefined,
    showDistributed: clerk && view.recordDistributedAt === undefined,
  });
}
