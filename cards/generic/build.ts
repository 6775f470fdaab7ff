import type { CardJson } from "../../ports/notifier";
import { expandCard } from "../common/expand";
import done from "./done.template.json";
import refusal from "./refusal.template.json";
import working from "./working.template.json";
import type { DoneView, RefusalView, WorkingView } from "./view-model";

/**
 * The small cards the workflow answers an action with. They replace the
 * actioned card in place, so they carry the case reference (never a child's
 * name) and no actions: a retried invoke of the old card meets the workflow's
 * own idempotency, not a second button.
 */
const caseSuffix = (ref: string | undefined) => (ref ? ` (case ${ref})` : "");

export function buildDoneCard(view: DoneView): CardJson {
  return expandCard(done, {
    fallbackText: `${view.title}${caseSuffix(view.caseReference)}`,
    title: view.title,
    message: view.message,
    facts: view.facts ?? [],
    caseReference: view.caseReference ?? "",
    warning: view.warning ?? "",
  });
}

/**
 * What to do next when a refusal names nothing better: each says that
 * nothing changed and where to go, never the code itself (the code stays in
 * the logs and the audit trail).
 */
const NEXT_STEP: Record<NonNullable<RefusalView["code"]>, string> = {
  Forbidden: "Nothing was changed. If you think this should be yours to do, ask your team manager.",
  NotFound: 'Nothing was changed. Check the case reference, or type "help" to see what you can do.',
  Conflict: "Nothing was changed. Open the latest card for this case and try again from there.",
  BadInput: "Nothing was changed. Correct it and try again.",
  NeedsApproval: "Nothing was changed yet: it needs an approval first.",
  Permanent: "Nothing was changed. Tell your Convene administrator if it keeps happening.",
};

/**
 * Refusals and bad requests: what happened ("You can't do this: …" when it
 * is not theirs to do, "Not done: …" otherwise) and what to do next.
 */
export function buildRefusalCard(view: RefusalView): CardJson {
  const headline =
    view.code === undefined || view.code === "Forbidden" ? "You can't do this" : "Not done";
  return expandCard(refusal, {
    fallbackText: `${headline}: ${view.reason}${caseSuffix(view.caseReference)}`,
    headline,
    reason: view.reason,
    hint: view.hint ?? (view.code !== undefined ? NEXT_STEP[view.code] : ""),
    caseReference: view.caseReference ?? "",
  });
}

/**
 * Shown at once for long work (Teams wants an invoke answered within a few
 * seconds; booking in Outlook may take longer): the card is updated again
 * when the work is done.
 */
export function buildWorkingCard(view: WorkingView): CardJson {
  return expandCard(working, {
    fallbackText: `Working on it: ${view.what}${caseSuffix(view.caseReference)}`,
    what: view.what,
    detail: view.detail ?? "This card will update when it is done.",
    caseReference: view.caseReference ?? "",
  });
}
