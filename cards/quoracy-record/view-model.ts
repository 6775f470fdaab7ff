import type { CaseRef, IsoInstant, Redisplay, Versioned } from "../common/view-model";

/** The chair records quoracy on the day (docs/rules.md, stand-down: the chair decides). */
export interface QuoracyRecordView extends CaseRef, Versioned, Redisplay {
  meetingId: string;
  meetingKind: string;
  meetingStart: IsoInstant;
  /** The agencies on the invite list, by key (what the card submits) and name. */
  agencies: { key: string; name: string }[];
  /** The last record, if any: "Recorded quorate: 2 agencies of 2 needed". */
  lastRecord?: string;
}
