import type {
  CaseRef,
  ConferenceKind,
  IsoInstant,
  Redisplay,
  Versioned,
} from "../common/view-model";

/**
 * The SW records how the family can take part (virtual-conference: technology, interpreter,
 * how reports reach them; Leicestershire: the conference may be split). Asked before
 * each conference; `values` pre-fills what was recorded last time.
 */
export interface FamilyAccessView extends CaseRef, Versioned, Redisplay {
  meetingId: string;
  meetingKind: ConferenceKind;
  meetingStart?: IsoInstant;
  /** `family.report-sharing` (virtual-conference: 7 working days before) when the policy has it. */
  dueAt?: IsoInstant;
}
