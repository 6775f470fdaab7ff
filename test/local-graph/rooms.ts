import { randomUUID } from "node:crypto";

/**
 * A room mailbox, as the places API shows it
 * (https://learn.microsoft.com/en-us/graph/api/resources/room).
 */
export interface Room {
  id: string;
  emailAddress: string;
  displayName: string;
  capacity?: number;
  building?: string;
  floorNumber?: number;
  isWheelChairAccessible?: boolean;
  /**
   * "standard": the room's booking assistant accepts a request when the room
   * is free and declines it when busy. ("reserved" rooms, booked only by a
   * delegate, are not modelled.)
   */
  bookingType: "standard";
}

/** A meeting request a room has still to answer. */
export interface RoomRequest {
  eventId: string;
  room: string;
}

/**
 * The tenant's room mailboxes and the meeting requests waiting for their
 * answer. Exchange's resource booking assistant answers a room's meeting
 * requests asynchronously, by its own rule
 * (https://learn.microsoft.com/en-us/exchange/recipients/room-mailboxes and
 * https://learn.microsoft.com/en-us/graph/api/resources/room); the local
 * Graph answers them after `roomReplyDelayMs`, or at `settleRooms()`.
 */
export class Rooms {
  readonly rooms = new Map<string, Room>();
  readonly pending: RoomRequest[] = [];
  /** Called when a request is queued (the server sets a timer). */
  onRequest: () => void = () => undefined;

  add(room: Omit<Room, "id" | "bookingType"> & { id?: string }): Room {
    const stored: Room = { ...room, id: room.id ?? randomUUID(), bookingType: "standard" };
    this.rooms.set(room.emailAddress.toLowerCase(), stored);
    return stored;
  }

  isRoom(address: string): boolean {
    return this.rooms.has(address.toLowerCase());
  }

  request(eventId: string, room: string): void {
    const key = room.toLowerCase();
    if (!this.pending.some((r) => r.eventId === eventId && r.room === key)) {
      this.pending.push({ eventId, room: key });
    }
    this.onRequest();
  }

  clear(): void {
    this.rooms.clear();
    this.pending.length = 0;
  }
}
