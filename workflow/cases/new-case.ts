import { NewCaseSubmission } from "../../cards/new-case/submission";
import { CARD_CHILDREN } from "../../cards/new-case/build";
import type { Case } from "../../model";
import type { ActionRequest, ActionResponse } from "../../ports";
import { audit } from "../kernel/audit";
import { staffById, staffWithRole, type StaffRole } from "../kernel/authority";
import * as cards from "../kernel/cards";
import type { WorkflowDeps } from "../kernel/deps";
import { WorkflowError } from "../kernel/errors";
import { loadCase } from "../kernel/load";
import { cardResponse } from "../kernel/respond";
import { rolesOn } from "../kernel/roles";
import { saveCase } from "./save-case";

/** Who may record a new case: a social worker, a manager or a clerk on the staff list. */
export const CASE_RECORDERS: readonly StaffRole[] = [
  "social-worker",
  "team-manager",
  "service-manager",
  "clerk",
];

const blank = (v: string | undefined) =>
  v === undefined || v.trim() === "" ? undefined : v.trim();

/** The card's flat fields → the one case shape (model/case-input.ts). */
export function cardToInput(s: NewCaseSubmission, existing?: Case): Record<string, unknown> {
  const children: Record<string, unknown>[] = [];
  const rowOfChild: number[] = [];
  const get = (n: number, f: string) =>
    blank((s as Record<string, string | undefined>)[`child${n}${f}`]);
  for (let n = 1; n <= CARD_CHILDREN; n++) {
    const name = get(n, "Name");
    const any = ["Name", "Dob", "ExpectedDob", "NhsNumber", "PlanStart"].some(
      (f) => get(n, f) !== undefined,
    );
    if (!any) continue;
    const start = get(n, "PlanStart");
    const stored = existing?.children[n - 1];
    children.push({
      ...(stored?.sourceId !== undefined ? { id: stored.sourceId } : { id: `card-${n}` }),
      name: name ?? "",
      ...(get(n, "Dob") ? { dob: get(n, "Dob") } : {}),
      ...(get(n, "ExpectedDob") ? { expectedDob: get(n, "ExpectedDob") } : {}),
      ...(get(n, "NhsNumber") ? { nhsNumber: get(n, "NhsNumber") } : {}),
      ...(start !== undefined
        ? {
            cpPlans: [
              {
                start,
                ...(get(n, "PlanEnd") ? { end: get(n, "PlanEnd") } : {}),
                ...(get(n, "PlanCategory") ? { category: get(n, "PlanCategory") } : {}),
              },
            ],
          }
        : {}),
    });
    rowOfChild.push(n);
  }
  const index = Number(blank(s.indexChild) ?? "1");
  const at = rowOfChild.indexOf(index);
  return {
    reference: existing?.reference ?? blank(s.reference),
    children,
    ...(at >= 0 ? { indexChild: children[at]!.id } : {}),
    socialWorker: blank(s.socialWorker),
    teamManager: blank(s.teamManager),
    ...(blank(s.serviceManager) ? { serviceManager: blank(s.serviceManager) } : {}),
    ...(blank(s.team) ? { team: blank(s.team) } : {}),
  };
}

/** A schema path (children[1].dob) → the card's field (child2Dob). */
function cardField(path: string, rows: number[]): string {
  const m = /^children\[(\d+)\](?:\.(\w+))?/.exec(path);
  if (m === null) return path === "indexChild" ? "indexChild" : path;
  const n = rows[Number(m[1])] ?? 1;
  const f = m[2] ?? "name";
  const map: Record<string, string> = {
    name: "Name",
    dob: "Dob",
    expectedDob: "ExpectedDob",
    nhsNumber: "NhsNumber",
    cpPlans: "PlanStart",
  };
  const planPart = /cpPlans\[\d+\]\.(\w+)/.exec(path)?.[1];
  if (planPart !== undefined)
    return `child${n}${planPart === "end" ? "PlanEnd" : planPart === "category" ? "PlanCategory" : "PlanStart"}`;
  return `child${n}${map[f] ?? "Name"}`;
}

/** The card for a person: the staff list's people in each role. */
export function newCaseCard(
  deps: WorkflowDeps,
  kase?: Case,
  errors?: Record<string, string>,
  values?: Record<string, string | undefined>,
) {
  const choices = (role: StaffRole) =>
    staffWithRole(deps.authority, role).map((s) => ({ id: s.entraObjectId, name: s.name }));
  const stored: Record<string, string | undefined> = {};
  if (kase !== undefined) {
    stored.reference = kase.reference;
    stored.socialWorker = kase.socialWorker.entraObjectId;
    stored.teamManager = kase.teamManager.entraObjectId;
    stored.serviceManager = kase.serviceManager.entraObjectId;
    stored.team = kase.team;
    kase.children.slice(0, CARD_CHILDREN).forEach((c, i) => {
      const n = i + 1;
      stored[`child${n}Name`] = c.name;
      stored[`child${n}Dob`] = c.dob;
      stored[`child${n}ExpectedDob`] = c.expectedDob;
      stored[`child${n}NhsNumber`] = c.nhsNumber;
      const plan = c.planHistory?.[0];
      stored[`child${n}PlanStart`] = plan?.start;
      stored[`child${n}PlanEnd`] = plan?.end;
      stored[`child${n}PlanCategory`] = (plan as { category?: string } | undefined)?.category;
      if (c.id === kase.indexChildId) stored.indexChild = String(n);
    });
  }
  return cards.newCase({
    ...(kase !== undefined ? { caseId: kase.id } : {}),
    socialWorkers: choices("social-worker"),
    teamManagers: choices("team-manager"),
    serviceManagers: choices("service-manager"),
    values: values ?? stored,
    ...(errors !== undefined ? { errors } : {}),
  });
}

/**
 * verb case.save: record a new case, or correct one (the same card with the
 * case's id). A new case may be recorded by any social worker, manager or
 * clerk on the staff list; a correction by the case's own social worker or
 * managers, or a clerk. Changing the social worker reassigns the case: it is
 * audited and the open cards move (reassign.ts). Content errors come back on
 * the card, next to their fields, and nothing is stored.
 */
export async function saveCaseFromCard(
  deps: WorkflowDeps,
  request: ActionRequest,
): Promise<ActionResponse> {
  const parsed = NewCaseSubmission.safeParse(request.data);
  if (!parsed.success) throw new WorkflowError("BadInput", "The card did not send what it should.");
  const s = parsed.data;
  let existing: Case | undefined;
  let allowed: boolean;
  if (s.caseId !== undefined) {
    existing = await loadCase(deps, s.caseId);
    const roles = rolesOn(deps.authority, request.actor.objectId, existing);
    allowed = ["social-worker", "team-manager", "service-manager", "clerk"].some((r) =>
      roles.has(r as StaffRole),
    );
  } else {
    const member = staffById(deps.authority, request.actor.objectId);
    allowed = member !== undefined && CASE_RECORDERS.some((r) => member.roles.includes(r));
  }
  if (!allowed) {
    await audit(deps, {
      ...(existing !== undefined ? { caseId: existing.id } : {}),
      actor: request.actor.objectId,
      action: "action.refused",
      target:
        existing !== undefined
          ? { type: "case", id: existing.id }
          : { type: "verb", id: request.verb },
      detail: { verb: request.verb, code: "Forbidden" },
    });
    throw new WorkflowError(
      "Forbidden",
      existing === undefined
        ? "only a social worker, a manager or a clerk can record a case"
        : "only the case's social worker or managers, or a clerk, can correct it",
    );
  }
  const input = cardToInput(s, existing);
  const rows: number[] = [];
  for (let n = 1; n <= CARD_CHILDREN; n++)
    if (
      ["Name", "Dob", "ExpectedDob", "NhsNumber", "PlanStart"].some(
        (f) => blank((s as Record<string, string | undefined>)[`child${n}${f}`]) !== undefined,
      )
    )
      rows.push(n);
  const typed = Object.fromEntries(
    Object.entries(s).filter(([k]) => k !== "caseId" && k !== "cardVersion"),
  ) as Record<string, string | undefined>;
  if (existing === undefined && input.reference !== undefined) {
    const clash = await deps.store.get(
      "case",
      `case-${String(input.reference)}`,
      `case-${String(input.reference)}`,
    );
    if (clash !== undefined)
      return cardResponse(
        newCaseCard(
          deps,
          undefined,
          {
            reference:
              "A case with this reference is already in Convene: ask for it to be corrected instead",
          },
          typed,
        ),
      );
  }
  const saved = await saveCase(deps, input, { actor: request.actor.objectId, source: "card" });
  if (!saved.ok) {
    const errors: Record<string, string> = {};
    for (const [path, message] of Object.entries(saved.errors))
      errors[cardField(path, rows)] ??= message;
    return cardResponse(newCaseCard(deps, existing, errors, typed));
  }
  const kase = saved.kase;
  return cardResponse(
    cards.done({
      title:
        saved.outcome === "created"
          ? "Case recorded"
          : saved.outcome === "updated"
            ? "Case corrected"
            : "No change",
      message:
        saved.outcome === "created"
          ? `Type "request ${kase.reference}" to ask for a conference.`
          : "The case record is up to date.",
      caseReference: kase.reference,
    }),
  );
}

/**
 * Chat: "new case" answers the new-case card; "correct case REF" the same
 * card filled from the stored case (reading it is audited). Anything else
 * is not a cases command (undefined).
 */
export async function caseCommand(
  deps: WorkflowDeps,
  actor: { objectId: string },
  text: string,
): Promise<ActionResponse | undefined> {
  if (/^new case$/i.test(text)) {
    const member = staffById(deps.authority, actor.objectId);
    if (member === undefined || !CASE_RECORDERS.some((r) => member.roles.includes(r)))
      throw new WorkflowError(
        "Forbidden",
        "only a social worker, a manager or a clerk can record a case",
      );
    return cardResponse(newCaseCard(deps));
  }
  const m = /^correct case\s+([A-Za-z0-9][A-Za-z0-9 ._-]{0,39})$/i.exec(text);
  if (m === null) return undefined;
  const kase = await loadCase(deps, `case-${(m[1] ?? "").trim()}`);
  const roles = rolesOn(deps.authority, actor.objectId, kase);
  if (
    !["social-worker", "team-manager", "service-manager", "clerk"].some((r) =>
      roles.has(r as StaffRole),
    )
  )
    throw new WorkflowError(
      "Forbidden",
      "only the case's social worker or managers, or a clerk, can correct it",
    );
  await audit(deps, {
    caseId: kase.id,
    actor: actor.objectId,
    action: "case.read",
    target: { type: "case", id: kase.id },
    detail: { via: "message.correct-case" },
  });
  return cardResponse(newCaseCard(deps, kase));
}
