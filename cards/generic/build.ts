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

/** Authorisation refusals and bad requests: "You can't do this: …" (issue 5). */
export function buildRefusalCard(view: RefusalView): CardJson {
  return expandCard(refusal, {
    fallbackText: `You can't do this: ${view.reason}${caseSuffix(view.caseReference)}`,
    reason: view.reason,
    hint: view.hint ?? "",
    code: view.code ?? "",
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
