import type {
  CaseRef,
  ConferenceKind,
  IsoInstant,
  Redisplay,
  Versioned,
} from "../common/view-model";

/** Who the card is for: what it shows and which buttons it has. */
export type DecisionsAudience = "attendee" | "chair" | "clerk";

/** Someone the decisions went to: the chair sees the whole list (virtual-conference). */
export interface DecisionsRecipient {
  name: string;
  /** "Teams card" for staff, "email" for agencies and the family; someone without an email is listed as not sent. */
  how: "Teams card" | "email" | "not sent: no email address";
}

/**
 * Virtual-conference `decisions.distribute`: the conference's decisions to every attendee
 * on the day. The chair's copy lists who got them and carries the chair's
 * next steps (Leicestershire `plan.sign-off`, `record.available`); the clerk's copy
 * asks for the record and reports to be distributed (West Sussex). By case
 * reference only: no child is named.
 */
export interface DecisionsView extends CaseRef, Versioned, Redisplay {
  meetingId: string;
  meetingKind: ConferenceKind;
  meetingStart: IsoInstant;
  audience: DecisionsAudience;
  /** Any child on a plan. */
  plan: boolean;
  /** Each child's decision, counted, naming no child ("2 children: 1 on a child protection plan, 1 not"). */
  childDecisions?: string;
  /** The plan's category (neglect, physical-abuse, ...). */
  category?: string;
  nextConference?: IsoInstant;
  coreGroup?: IsoInstant;
  /** The chair's copy: who the decisions went to. */
  sentTo?: DecisionsRecipient[];
  /** Leicestershire `plan.sign-off` (with a plan) and `record.available`, from the timeline. */
  planSignOffBy?: IsoInstant;
  recordDueBy?: IsoInstant;
  /** What is done already (the buttons for it are left off). */
  planSignedOffAt?: IsoInstant;
  recordAvailableAt?: IsoInstant;
  recordDistributedAt?: IsoInstant;
}
