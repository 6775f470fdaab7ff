import type {
  CaseRef,
  ConferenceKind,
  IsoInstant,
  Redisplay,
  Versioned,
} from "../common/view-model";

export interface AgencyReport {
  /** Short key, `[A-Za-z0-9_-]`: the toggle's id is `agencies.<key>.received`. */
  key: string;
  name: string;
  received: boolean;
}

/** The SW says where the SW's report and the agencies' reports stand. */
export interface ReportStatusView extends CaseRef, Versioned, Redisplay {
  meetingId: string;
  meetingKind: ConferenceKind;
  meetingStart?: IsoInstant;
  /** The SW's report to the family (Leicestershire `report.family`; virtual-conference `report.family-walkthrough`). */
  familyDueAt?: IsoInstant;
  /** To chair and clerk (Leicestershire `report.chair-clerk`: 24 hours before). */
  chairDueAt?: IsoInstant;
  drafted: boolean;
  qualityAssured: boolean;
  sharedWithFamily: boolean;
  sentToChairAndClerk: boolean;
  agencies: AgencyReport[];
}
