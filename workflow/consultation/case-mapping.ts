import { createHash } from "node:crypto";
import { buildCaseMappingCard } from "../../cards/case-mapping/build";
import { CaseMappingAllocateSubmission } from "../../cards/case-mapping/submission";
import { FORM_FIELD, parseSubmission } from "../../cards/common/errors";
import { caseMappingMonthId, type CaseMappingMonth } from "../../model";
import { formatIsoDate } from "../../rules";
import { asPersonRef, staffById } from "../kernel/authority";
import { audit } from "../kernel/audit";
import { authorise } from "../kernel/authorise";
import * as cards from "../kernel/cards";
import type { WorkflowDeps } from "../kernel/deps";
import { WorkflowError } from "../kernel/errors";
import { caseIdOf, loadCase } from "../kernel/load";
import { sendCardOnce } from "../kernel/notify";
import type { ActionRequest, ActionResponse, Actor } from "../../ports";
import { updateDoc } from "../kernel/update-doc";
import { caseMappingView } from "../lists/case-mapping-view";
import { qaAdmins } from "../lists/job-recipients";
import { monthId, monthName } from "../lists/month-name";
import { cardResponse } from "../kernel/respond";

/** Chair-consultation: the QA admin manager (or, where none is configured, the QA managers the list went to). */
async function authoriseQaAdmin(deps: WorkflowDeps, actor: Actor, verb: string): Promise<void> {
  if (qaAdmins(deps.authority).some((s) => s.entraObjectId === actor.objectId)) return;
  // Not one of them: refused, audited, nothing changed (workflow/kernel/authorise.ts).
  await authorise(deps, actor, ["qa-admin"], { verb });
  throw new WorkflowError("Forbidden", "only the QA admin manager can do this");
}

async function loadMonth(deps: WorkflowDeps, month: string): Promise<CaseMappingMonth> {
  const id = caseMappingMonthId(month);
  const doc = await deps.store.get("case-mapping-month", id, id);
  if (doc === undefined)
    throw new WorkflowError("NotFound", `There is no case-mapping list for ${monthName(month)}.`);
  return doc;
}

/** A chair's own cases of the month, read only: sent again only when the set changes. */
async function tellChair(deps: WorkflowDeps, month: CaseMappingMonth, chairId: string) {
  const chair = staffById(deps.authority, chairId);
  if (chair === undefined) return;
  const rows = month.rows.filter((r) => r.chairId === chairId);
  const key = createHash("sha256")
    .update(rows.map((r) => r.caseId).join(","))
    .digest("hex")
    .slice(0, 16);
  const title = `Your case mapping: ${monthName(month.month)}`;
  await sendCardOnce(deps, {
    id: `${month.id}:chair:${chairId}:${key}`,
    kind: "case-mapping",
    recipient: asPersonRef(chair),
    card: buildCaseMappingCard(caseMappingView(deps.authority, month, { title, rows })),
    preview: `${title}: ${rows.length} case(s)`,
  });
}

/**
 * verb case-mapping.allocate (chair-consultation 4a): the QA admin manager gives CIN cases
 * of the month's list to CP chairs.
 * 1. only the QA admin manager (refused and audited otherwise);
 * 2. parse (a malformed card changes nothing); every case must be on that
 *    month's list and every chair a CP chair of the authority, all checked
 *    before anything is written;
 * 3. store the allocations (etag-safe; a chair changed clears "done");
 *    audit each case (ids only);
 * 4. each chair whose cases changed gets their month's cases by card;
 * 5. answer the allocation card again, with what is now allocated.
 */
export async function allocateCaseMapping(
  deps: WorkflowDeps,
  request: ActionRequest,
): Promise<ActionResponse> {
  await authoriseQaAdmin(deps, request.actor, request.verb);
  const parsed = parseSubmission(CaseMappingAllocateSubmission, request.data);
  if (!parsed.ok) {
    const message = parsed.errors[FORM_FIELD] ?? Object.values(parsed.errors)[0];
    throw new WorkflowError("BadInput", message ?? "The card could not be read.");
  }
  const { month, allocations } = parsed.value;
  const current = await loadMonth(deps, month);
  for (const a of allocations) {
    const row = current.rows.find((r) => r.caseId === a.caseId);
    if (row === undefined)
      throw new WorkflowError("BadInput", `That case is not on the list for ${monthName(month)}.`);
    if (staffById(deps.authority, a.chairId)?.roles.includes("chair") !== true)
      throw new WorkflowError(
        "BadInput",
        `Only a CP chair can be given a case mapping (${row.caseReference}).`,
      );
  }
  const now = deps.clock().toISOString();
  const changed: { caseId: string; chairId: string; previous?: string }[] = [];
  const { doc } = await updateDoc(deps.store, "case-mapping-month", current.id, current.pk, (m) => {
    changed.length = 0;
    const rows = m.rows.map((r) => {
      const a = allocations.find((x) => x.caseId === r.caseId);
      if (a === undefined || a.chairId === r.chairId) return r;
      changed.push({
        caseId: r.caseId,
        chairId: a.chairId,
        ...(r.chairId !== undefined ? { previous: r.chairId } : {}),
      });
      const { doneAt: _doneAt, doneBy: _doneBy, ...rest } = r;
      return { ...rest, chairId: a.chairId, allocatedBy: request.actor.objectId, allocatedAt: now };
    });
    return changed.length === 0 ? undefined : { ...m, rows };
  });
  for (const c of changed) {
    await audit(deps, {
      caseId: c.caseId,
      actor: request.actor.objectId,
      action: "case-mapping.allocate",
      target: { type: "case", id: c.caseId },
      detail: {
        month,
        chairId: c.chairId,
        ...(c.previous !== undefined ? { previous: c.previous } : {}),
      },
    });
  }
  const chairs = new Set(changed.flatMap((c) => [c.chairId, ...(c.previous ? [c.previous] : [])]));
  for (const chairId of chairs) await tellChair(deps, doc, chairId);
  return cardResponse(
    buildCaseMappingCard({
      ...caseMappingView(deps.authority, doc, { allocating: true }),
      ...(doc.etag !== undefined ? { cardVersion: doc.etag } : {}),
    }),
  );
}

const MAPPED = /^\s*mapped\s+([A-Za-z0-9][A-Za-z0-9 ._-]{0,39})\s*$/i;

/**
 * "mapped REF" in the chat (chair-consultation 4b): the chair the case was given this
 * month records the mapping reviewed or held. The month's list marks it
 * done (so `cin.case-mapping.complete` does not escalate it) and the case
 * records the mapping (`Case.mappings`: next month's list reads it to tell
 * a review from a new mapping). Only that chair; a repeat changes nothing.
 */
export async function recordMappingDone(
  deps: WorkflowDeps,
  actor: Actor,
  reference: string,
): Promise<string> {
  const verb = "message.mapped";
  const kase = await loadCase(deps, caseIdOf(reference));
  const now = deps.clock();
  const today = deps.policy.calendar.toLocal(now.getTime()).day;
  const month = await loadMonth(deps, monthId(today));
  const row = month.rows.find((r) => r.caseId === kase.id);
  if (row === undefined)
    throw new WorkflowError(
      "NotFound",
      `Case ${kase.reference} is not on the case-mapping list for ${monthName(month.month)}.`,
    );
  if (row.chairId !== actor.objectId)
    await authorise(deps, actor, [], {
      verb,
      kase,
      refusal: "only the chair this case mapping was allocated to can record it",
    });
  if (row.doneAt !== undefined) return `The case mapping of ${kase.reference} is already recorded.`;
  const at = now.toISOString();
  const on = formatIsoDate(today);
  await updateDoc(deps.store, "case-mapping-month", month.id, month.pk, (m) => {
    const r = m.rows.find((x) => x.caseId === kase.id);
    if (r === undefined || r.doneAt !== undefined) return undefined;
    return {
      ...m,
      rows: m.rows.map((x) => (x === r ? { ...x, doneAt: at, doneBy: actor.objectId } : x)),
    };
  });
  await updateDoc(deps.store, "case", kase.id, kase.pk, (c) => {
    const mappings = c.mappings ?? [];
    if (mappings.some((m) => m.on === on && m.chairId === actor.objectId)) return undefined;
    return { ...c, mappings: [...mappings, { on, chairId: actor.objectId, kind: row.task }] };
  });
  await audit(deps, {
    caseId: kase.id,
    actor: actor.objectId,
    action: "case-mapping.done",
    target: { type: "case", id: kase.id },
    detail: { month: month.month, kind: row.task },
  });
  return `Recorded: the case mapping of ${kase.reference} (${row.task === "review" ? "reviewed" : "new mapping"}).`;
}

/**
 * The chat's "mapped REF" (workflow/chat/messages.ts asks here first):
 * undefined when the text is not that command.
 */
export async function caseMappingMessage(
  deps: WorkflowDeps,
  actor: Actor,
  text: string,
): Promise<ActionResponse | undefined> {
  const match = MAPPED.exec(text.replace(/<[^>]*>/g, "").trim());
  if (match === null) return undefined;
  try {
    return { kind: "message", text: await recordMappingDone(deps, actor, (match[1] ?? "").trim()) };
  } catch (err) {
    if (err instanceof WorkflowError)
      return cardResponse(cards.refusal({ reason: err.message, code: err.code }));
    throw err;
  }
}
