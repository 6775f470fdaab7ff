import type { CaseRef, Redisplay, Versioned } from "../common/view-model";

/**
 * West Sussex: the CPA sends a Recognition of Good Practice Notification (to the SW,
 * PM, GM and the CPA team manager) or an Informal Dispute Resolution alert
 * (to the SW, PM and GM) about a case. By case reference only.
 */
export interface QaNoticeView extends CaseRef, Versioned, Redisplay {
  /** The conference it follows, if any ("" for none). */
  meetingId?: string;
  /** The SW's name, so the CPA sees who it is about. */
  socialWorkerName: string;
}
