import type { Mailbox } from "./calendar";

/**
 * Outlook replies to a conference (Outlook replies and the quoracy forecast): each professional's response
 * to the event, read from the organiser's event (its attendees), in batches,
 * and Graph change notifications on the organiser's calendar where
 * configured. graph/ implements it with Microsoft Graph; the outbox adapter
 * answers "none" for everyone (nobody replies to a file).
 */
export type Reply = "accepted" | "tentative" | "declined" | "none";

export interface AttendeeReply {
  email: string;
  reply: Reply;
  /**
   * A room (a resource attendee): its booking assistant's answer, read to
   * confirm the venue; never a person's reply (quoracy ignores it).
   */
  resource?: true;
}

export interface Subscription {
  id: string;
  expiresAt: Date;
}

export interface RepliesPort {
  /**
   * The attendees' replies of each event (by event id), at most 20 events
   * per Graph request ($batch). An event that no longer exists is absent
   * from the answer.
   */
  attendeeReplies(
    organizer: Mailbox,
    eventIds: readonly string[],
  ): Promise<Map<string, AttendeeReply[]>>;
  /**
   * Ask Graph to notify `notificationUrl` of changes to the organiser's
   * events (POST /subscriptions, changeType "updated"), with `clientState`
   * as the shared secret each notification must carry back.
   */
  subscribeToEvents(
    organizer: Mailbox,
    notificationUrl: string,
    clientState: string,
    expiresAt: Date,
  ): Promise<Subscription>;
}
