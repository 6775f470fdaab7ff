/** The stand-down's background work (registered in workflow/index.ts). */
export const STAND_DOWN_APPROVAL_TASK = "meeting.stand-down-approval";
/** Cancels the Outlook event for every attendee (docs/rules.md, stand-down). */
export const CANCEL_EVENT_TASK = "meeting.cancel-event";
/** Tells every attendee, once each, from the originator (Leicestershire). */
export const STAND_DOWN_NOTIFY_TASK = "meeting.stand-down-notify";
/** Tells the person who asked that an approver refused their stand-down request, once. */
export const STAND_DOWN_REFUSED_TASK = "meeting.stand-down-refused";

/** The stand-down's own tasks: never cancelled with the meeting's other open tasks. */
export const STAND_DOWN_TASKS: ReadonlySet<string> = new Set([
  CANCEL_EVENT_TASK,
  STAND_DOWN_NOTIFY_TASK,
  STAND_DOWN_REFUSED_TASK,
]);
