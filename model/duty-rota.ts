import { z } from "zod";
import { DocId, EntraObjectId, Instant, IsoDate, docBase } from "./common";

/** West Sussex: "Each day of the week there will be a duty CPA": one per working day. */
export const DutyDay = z.object({ date: IsoDate, chairId: EntraObjectId });
export type DutyDay = z.infer<typeof DutyDay>;

/**
 * Two days swapped between two chairs (West Sussex: "This inevitably then requires
 * some swaps"). requested by one chair → done when the other accepts (or
 * declined); a swap made by the team manager is done at once.
 */
export const RotaSwap = z.object({
  id: DocId,
  /** `first` is the requester's day, `second` the other chair's. */
  first: DutyDay,
  second: DutyDay,
  status: z.enum(["requested", "done", "declined"]),
  requestedBy: EntraObjectId,
  requestedAt: Instant,
  decidedBy: EntraObjectId.optional(),
  decidedAt: Instant.optional(),
});
export type RotaSwap = z.infer<typeof RotaSwap>;

/**
 * A meeting of a chair off sick, offered to cover (West Sussex: the team manager
 * "will then contact Duty CPA and ask them to cover"; "too short notice or
 * there is no CPA on duty": the team manager decides).
 */
export const SickCover = z.object({
  meetingId: DocId,
  caseId: DocId,
  date: IsoDate,
  sickChairId: EntraObjectId,
  /** The chair it is offered to now (the duty chair first). */
  offeredTo: EntraObjectId.optional(),
  /** Chairs who were offered it and declined, or could not take it. */
  declinedBy: z.array(EntraObjectId),
  status: z.enum(["offered", "covered", "to-manager", "stand-down", "keep-trying"]),
  decidedBy: EntraObjectId.optional(),
  at: Instant,
});
export type SickCover = z.infer<typeof SickCover>;

export const SickReport = z.object({
  chairId: EntraObjectId,
  date: IsoDate,
  reportedBy: EntraObjectId,
  at: Instant,
});
export type SickReport = z.infer<typeof SickReport>;

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * One month's duty rota of one authority: id `rota:<authorityId>:<YYYY-MM>`,
 * pk `rota:<authorityId>`, container `cases`. Everything a swap or a sick
 * day changes is in this one document, so each change is one
 * etag-conditional replace: Cosmos has no cross-partition (or cross-document)
 * transactions, and a swap written as two documents could leave a day with
 * two duty chairs or none if the second write failed. A swap is therefore
 * between two days of the same month (refused otherwise, with a message).
 */
export const DutyRota = z
  .object({
    ...docBase("duty-rota"),
    authorityId: z.string().min(1),
    month: z.string().regex(MONTH, "a month is YYYY-MM"),
    days: z.array(DutyDay),
    swaps: z.array(RotaSwap),
    sick: z.array(SickReport),
    covers: z.array(SickCover),
    generatedBy: z.union([EntraObjectId, z.literal("system")]),
    generatedAt: Instant,
  })
  .refine((r) => r.pk === rotaPk(r.authorityId) && r.id === rotaId(r.authorityId, r.month), {
    message: "a rota's id is rota:<authority>:<month>, its pk rota:<authority>",
    path: ["pk"],
  })
  .refine((r) => r.days.every((d) => d.date.startsWith(r.month)), {
    message: "every day of a rota is in its month",
    path: ["days"],
  })
  .refine((r) => new Set(r.days.map((d) => d.date)).size === r.days.length, {
    message: "one duty chair a day",
    path: ["days"],
  });
export type DutyRota = z.infer<typeof DutyRota>;

export const rotaPk = (authorityId: string): string => `rota:${authorityId}`;
export const rotaId = (authorityId: string, month: string): string =>
  `rota:${authorityId}:${month}`;
