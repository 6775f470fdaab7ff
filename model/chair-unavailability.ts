import { z } from "zod";
import { DocId, EntraObjectId, Instant, docBase } from "./common";

/**
 * West Sussex ("Supervision"): "inform CPU so that you can be marked on the diary
 * as 'unavailable' to Conference ... A/L, training, personal appointments";
 * docs/rules.md, policies `west-sussex`: the clerk books against the CPAs'
 * availability. Sickness is recorded the same way when a chair is reported
 * off sick (sick cover); duty-elsewhere is a day given to other work.
 */
export const UNAVAILABLE_KINDS = [
  "leave",
  "training",
  "supervision",
  "duty-elsewhere",
  "sickness",
] as const;
export const UnavailableKind = z.enum(UNAVAILABLE_KINDS);
export type UnavailableKind = z.infer<typeof UnavailableKind>;

export const UnavailableSlot = z
  .object({
    /** Deterministic (`${chairId}:${kind}:${start}`): the same slot added twice is stored once. */
    id: DocId,
    kind: UnavailableKind,
    start: Instant,
    end: Instant,
    addedBy: EntraObjectId,
    addedAt: Instant,
  })
  .refine((s) => s.end > s.start, { message: "a slot ends after it starts", path: ["end"] });
export type UnavailableSlot = z.infer<typeof UnavailableSlot>;

/**
 * One chair's unavailable slots, in one document (id
 * `unavailability:<chairId>`, pk = the chair's Entra object id, container
 * `cases`). Why one document per chair: every reader wants a chair's slots
 * over a range (a booking offer, a month's rota, a swap's check), which is
 * then one point read per chair and no cross-partition query; and adding a
 * slot is one etag-conditional replace, so two slots added at once never
 * lose each other (Cosmos has no cross-partition transactions, and needs
 * none here). Slots ended more than a year ago are dropped on write, so the
 * document stays small (a chair adds a few dozen a year).
 */
export const ChairUnavailability = z
  .object({
    ...docBase("chair-unavailability"),
    chairId: EntraObjectId,
    slots: z.array(UnavailableSlot),
  })
  .refine((d) => d.pk === d.chairId && d.id === unavailabilityId(d.chairId), {
    message: "a chair's unavailability has id unavailability:<chairId> and pk = chairId",
    path: ["pk"],
  });
export type ChairUnavailability = z.infer<typeof ChairUnavailability>;

export const unavailabilityId = (chairId: string): string => `unavailability:${chairId}`;
