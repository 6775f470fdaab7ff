import type { CardJson } from "../../ports/notifier";
import { expandCard } from "../common/expand";
import { formatInstant, formatLateness } from "../common/format";
import { errorSummary, fieldErrorsOn, inputValues } from "../common/redisplay";
import template from "./template.json";
import type { TaskAction, TaskAlertView } from "./view-model";

/** Every input lives in a folded ShowCard (reassign, approve). */
const FIELDS = ["reassignTo", "reassignNote", "approvalRationale", "lateReason"] as const;

/**
 * A reminder or an escalation (docs/rules.md, counting time: an escalation fires only
 * if what it watches is still not done). It says what is due, by when and
 * how late, by the rule id that is the same everywhere, and offers the
 * actions the caller allows for the recipient's role. "Reassign" only
 * offers the people the caller lists; workflow/ checks the choice again.
 */
export function buildTaskAlertCard(view: TaskAlertView): CardJson {
  const late = Date.parse(view.now) > Date.parse(view.dueAt);
  const lateText =
    late && view.workingDaysLate !== undefined
      ? `${view.workingDaysLate} working day${view.workingDaysLate === 1 ? "" : "s"} late`
      : formatLateness(view.dueAt, view.now);
  const escalation = view.kind === "escalation";
  const facts = [
    { title: "Case", value: view.caseReference },
    { title: "Due", value: formatInstant(view.dueAt) },
    ...(view.meetingStart
      ? [{ title: "Conference", value: formatInstant(view.meetingStart) }]
      : []),
    ...(view.responsible ? [{ title: "Responsible", value: view.responsible }] : []),
  ];
  const offered = (a: TaskAction) =>
    view.actions.includes(a) &&
    (a !== "reassign" || (view.reassignTo !== undefined && view.reassignTo.length > 0));
  return expandCard(template, {
    fallbackText: `${escalation ? "Escalation" : "Reminder"}: ${view.what}, case ${view.caseReference} (${lateText})`,
    caseId: view.caseId,
    meetingId: view.meetingId ?? "",
    taskId: view.taskId,
    cardVersion: view.cardVersion ?? "",
    kindTitle: escalation ? "Escalation" : "Reminder",
    bannerStyle: escalation ? "attention" : late ? "warning" : "accent",
    what: view.what,
    lateText: late ? `Not done: ${lateText}` : lateText.replace(/^due/, "Due"),
    lateColor: late ? "Attention" : "Default",
    facts,
    has: {
      done: offered("done"),
      acknowledge: offered("acknowledge"),
      reassign: offered("reassign"),
      approve: offered("approve"),
      // A missed deadline's "Done" or "Acknowledge" can say why: the
      // exception report shows it (Swindon rule 23: "each with its reason").
      lateReason: late && (offered("done") || offered("acknowledge")),
    },
    reassignTo: (view.reassignTo ?? []).map((p) => ({
      id: p.id,
      title: p.role ? `${p.name} (${p.role})` : p.name,
    })),
    approveWhat: view.approveWhat ?? view.what,
    v: inputValues(FIELDS, view.values, {}),
    e: fieldErrorsOn(FIELDS, view.errors),
    summary: errorSummary(view.errors, () => false),
  });
}
