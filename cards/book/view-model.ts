import type {
  CaseRef,
  ConferenceKind,
  IsoInstant,
  PersonOption,
  Redisplay,
  Versioned,
} from "../common/view-model";

export interface BookSlot {
  /** What the card submits as `slotId` / `pastLimitSlotId`. */
  id: string;
  start: IsoInstant;
  end: IsoInstant;
  /** The room free then, for a conference in person or hybrid. */
  room?: string;
}

/**
 * The clerk books a conference: slots where the chair is free (Graph
 * free/busy), split by the builder into those inside the legal limit and
 * those past it.
 */
export interface BookView extends CaseRef, Versioned, Redisplay {
  meetingId: string;
  meetingKind: ConferenceKind;
  /** The rule whose limit applies (`icpc.latest`, `rcpc.next.latest`). */
  limitRule: string;
  /** The limit as the timeline gives it (a whole date, shown as 17:00). */
  limitAt: IsoInstant;
  chairName: string;
  slots: BookSlot[];
  /**
   * Who may approve a slot past the limit, and their role as the policy
   * names it (docs/rules.md, national rules; Leicestershire: the Service Manager).
   */
  approval: { role: string; approvers: PersonOption[] };
  /** Pre-set "in person" (meetings are virtual unless said otherwise). */
  inPerson?: boolean;
}
