import { z } from "zod";
import { formatIsoDate } from "../../rules";
import { fieldErrors } from "../../model";
import type { CaseApi, CaseApiAnswer, CaseApiCaller } from "../../ports/cases";
import type { WorkflowDeps } from "../kernel/deps";
import { openConferenceRequest } from "../booking/request-conference";
import { chooseIro } from "../cla/request-review";
import { createReview, requestedReview } from "../cla/create-review";
import { firstReview } from "../cla/review-anchors";
import { meetingLimit } from "../timeline/meeting-timeline";
import { caseIdFor } from "./case-from-input";
import { saveCase } from "./save-case";

const date = (what: string) => z.iso.date({ error: `${what} must be a real date, YYYY-MM-DD` });

/** POST /api/cases/{reference}/strategy-discussions */
export const StrategyDiscussionBody = z.object({
  date: date("The strategy discussion date"),
  /** The children the enquiry is about, by the case system's child ids. */
  children: z.array(z.string().min(1)).min(1, "Name the children the enquiry is about"),
  /** The index child (one of `children`); the case's index child, else the first, when absent. */
  indexChild: z.string().min(1).optional(),
});

/** POST /api/cases/{reference}/looked-after */
export const LookedAfterBody = z.object({
  child: z.string({ error: "Name the child (the case system's id)" }).min(1),
  date: date("The date the child became looked after"),
});

/**
 * The case system's API as use cases (the HTTP adapter authenticates the
 * caller, parses JSON and maps answers to status codes). Every change is
 * audited with the calling application's id as actor (an Entra app id is a
 * GUID, like a person's object id) and `app` in the detail.
 */
export function caseApi(deps: WorkflowDeps): CaseApi {
  const load = async (reference: string) => {
    const id = caseIdFor(reference);
    return deps.store.get("case", id, id);
  };
  return {
    async putCase(reference: string, body: unknown, caller: CaseApiCaller): Promise<CaseApiAnswer> {
      const withRef =
        body !== null && typeof body === "object" && !Array.isArray(body)
          ? {
              ...(body as Record<string, unknown>),
              reference: (body as { reference?: unknown }).reference ?? reference,
            }
          : body;
      if ((withRef as { reference?: unknown } | null)?.reference !== reference)
        return {
          kind: "invalid",
          errors: { reference: "The body's reference must match the URL's" },
        };
      const saved = await saveCase(deps, withRef, {
        actor: caller.appId,
        source: "api",
        app: caller.appId,
      });
      if (!saved.ok) return { kind: "invalid", errors: saved.errors };
      return { kind: saved.outcome, body: caseView(saved.kase) };
    },

    async strategyDiscussion(reference, body, caller) {
      const kase = await load(reference);
      if (kase === undefined) return { kind: "not-found", message: "No case with that reference" };
      const parsed = StrategyDiscussionBody.safeParse(body);
      if (!parsed.success) return { kind: "invalid", errors: fieldErrors(parsed.error) };
      const errors: Record<string, string> = {};
      const childId = (key: string) =>
        kase.children.find((c) => c.sourceId === key || c.id === key)?.id;
      const childIds = parsed.data.children.map((key, i) => {
        const id = childId(key);
        if (id === undefined) errors[`children[${i}]`] = "Not a child on this case";
        return id ?? "";
      });
      let indexChildId: string | undefined;
      if (parsed.data.indexChild !== undefined) {
        indexChildId = childId(parsed.data.indexChild);
        if (indexChildId === undefined || !childIds.includes(indexChildId))
          errors.indexChild = "The index child must be one of the children named";
      } else indexChildId = childIds.includes(kase.indexChildId) ? kase.indexChildId : childIds[0];
      if (Object.keys(errors).length > 0) return { kind: "invalid", errors };
      // Exactly what the request card submits, through the same use case.
      const outcome = await openConferenceRequest(
        deps,
        kase,
        {
          caseId: kase.id,
          meetingKind: "ICPC",
          childIds: childIds.join(","),
          indexChildId,
          strategyDate: parsed.data.date,
        },
        caller.appId,
      );
      if (!outcome.ok) {
        const map: Record<string, string> = {
          strategyDate: "date",
          childIds: "children",
          indexChildId: "indexChild",
        };
        return {
          kind: "invalid",
          errors: Object.fromEntries(
            Object.entries(outcome.errors).map(([k, v]) => [map[k] ?? k, v]),
          ),
        };
      }
      deps.kick();
      return {
        kind: outcome.created ? "created" : "unchanged",
        body: {
          meetingId: outcome.meetingId,
          kind: "ICPC",
          mustBeHeldBy: outcome.limit?.toISOString() ?? null,
        },
      };
    },

    async lookedAfter(reference, body, caller) {
      const kase = await load(reference);
      if (kase === undefined) return { kind: "not-found", message: "No case with that reference" };
      const parsed = LookedAfterBody.safeParse(body);
      if (!parsed.success) return { kind: "invalid", errors: fieldErrors(parsed.error) };
      const child = kase.children.find(
        (c) => c.sourceId === parsed.data.child || c.id === parsed.data.child,
      );
      if (child === undefined)
        return { kind: "invalid", errors: { child: "Not a child on this case" } };
      const today = formatIsoDate(deps.policy.calendar.toLocal(deps.clock().getTime()).day);
      if (parsed.data.date > today)
        return {
          kind: "invalid",
          errors: { date: "That date is in the future: give the date it happened" },
        };
      let current = kase;
      if (child.lookedAfterSince !== parsed.data.date) {
        current = await deps.store.replace(
          {
            ...kase,
            children: kase.children.map((c) =>
              c.id === child.id ? { ...c, lookedAfterSince: parsed.data.date } : c,
            ),
            updatedAt: deps.clock().toISOString(),
          },
          kase.etag ?? "",
        );
        await deps.store
          .appendAudit({
            id: `${kase.id}:case.looked-after:${child.id}:${parsed.data.date}`,
            type: "audit-entry",
            pk: kase.id,
            caseId: kase.id,
            actor: caller.appId,
            action: "case.looked-after",
            target: { type: "case", id: kase.id },
            at: deps.clock().toISOString(),
            detail: { via: "api", app: caller.appId },
          })
          .catch(() => undefined);
      }
      const start = firstReview([{ lookedAfterSince: parsed.data.date }]);
      const draft = requestedReview(current, start, {
        actor: caller.appId,
        at: deps.clock(),
        inPerson: false,
      });
      const review = { ...draft, chair: chooseIro(deps, current, draft) };
      const created = await createReview(deps, review);
      if (created) {
        await deps.store.appendAudit({
          id: `${review.id}:meeting.request`,
          type: "audit-entry",
          pk: kase.id,
          caseId: kase.id,
          actor: caller.appId,
          action: "meeting.request",
          target: { type: "meeting", id: review.id },
          at: deps.clock().toISOString(),
          detail: { kind: "CLA", review: 1, via: "api", app: caller.appId },
        });
      }
      deps.kick();
      return {
        kind: created ? "created" : "unchanged",
        body: {
          meetingId: review.id,
          kind: "CLA",
          mustBeHeldBy: meetingLimit(deps.policy, review)?.toISOString() ?? null,
        },
      };
    },
  };
}

/** What the API answers about a case: ids and references, no names. */
function caseView(kase: import("../../model").Case): Record<string, unknown> {
  return {
    id: kase.id,
    reference: kase.reference,
    children: kase.children.map((c) => ({ id: c.sourceId ?? c.id, conveneId: c.id })),
    indexChild:
      kase.children.find((c) => c.id === kase.indexChildId)?.sourceId ?? kase.indexChildId,
  };
}
