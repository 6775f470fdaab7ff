import type { Redisplay } from "../common/view-model";

/** One month's duty rota (West Sussex): who is duty chair each working day. */
export interface DutyRotaView extends Redisplay {
  /** "2027-02". */
  month: string;
  /** "February 2027". */
  monthTitle: string;
  /** Each working day: "Mon 1 Feb", the duty chair, and a note ("off sick", "swapped"). */
  days: { dateText: string; chairName: string; note?: string }[];
  /** Duty days per chair this month (the fair share, West Sussex). */
  counts: { name: string; days: number }[];
  /** Show the swap form (a chair, or the team manager). */
  canSwap: boolean;
  cardVersion?: string;
}

/** A month with no rota yet: who may make it is offered the button. */
export interface NoRotaView {
  /** "2027-02". */
  month: string;
  /** "February 2027". */
  monthTitle: string;
  /** Offer "Make the rota" (the chairs' team manager, or a clerk). */
  canMake: boolean;
}

/** To the other chair: a swap of two duty days asked for (West Sussex). */
export interface SwapRequestView {
  month: string;
  swapId: string;
  requesterName: string;
  /** The requester's day, which the recipient would take. */
  theirDayText: string;
  /** The recipient's day, which the requester would take. */
  yourDayText: string;
}
