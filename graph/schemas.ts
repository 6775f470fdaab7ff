import { z } from "zod";

/**
 * zod at the edge (docs/architecture.md, zod at every edge): the parts of Graph's answers Convene
 * reads. Unknown fields are dropped; a missing required one is an
 * UnexpectedResponse rather than a crash three calls later.
 */
const nullish = <T extends z.ZodType>(schema: T) => schema.nullable().optional();

const DateTimeTimeZone = z.object({ dateTime: z.string(), timeZone: z.string() });

export const EventSchema = z.object({
  id: z.string().min(1),
  onlineMeeting: nullish(
    z.object({
      joinUrl: nullish(z.string()),
      conferenceId: nullish(z.string()),
      tollNumber: nullish(z.string()),
    }),
  ),
});
export type GraphEvent = z.infer<typeof EventSchema>;

/** An event read with its times (GET with Prefer: outlook.timezone="UTC"). */
export const EventTimesSchema = EventSchema.extend({
  start: z.object({ dateTime: z.string(), timeZone: z.string() }),
  end: z.object({ dateTime: z.string(), timeZone: z.string() }),
  /** The event's attendees (https://learn.microsoft.com/en-us/graph/api/resources/attendee). */
  attendees: nullish(
    z.array(
      z.object({
        type: nullish(z.string()),
        emailAddress: nullish(
          z.object({ address: nullish(z.string()), name: nullish(z.string()) }),
        ),
      }),
    ),
  ),
});
export type GraphEventTimes = z.infer<typeof EventTimesSchema>;

export const OnlineMeetingSchema = z.object({
  id: z.string().min(1),
  joinWebUrl: nullish(z.string()),
  lobbyBypassSettings: nullish(
    z.object({
      scope: nullish(z.string()),
      isDialInBypassEnabled: nullish(z.boolean()),
    }),
  ),
  allowedLobbyAdmitters: nullish(z.string()),
  allowMeetingChat: nullish(z.string()),
  allowRecording: nullish(z.boolean()),
  allowTranscription: nullish(z.boolean()),
  allowedPresenters: nullish(z.string()),
  isEntryExitAnnounced: nullish(z.boolean()),
  recordAutomatically: nullish(z.boolean()),
  participants: nullish(
    z.object({
      attendees: nullish(
        z.array(z.object({ upn: nullish(z.string()), role: nullish(z.string()) })),
      ),
    }),
  ),
  audioConferencing: nullish(
    z.object({
      tollNumber: nullish(z.string()),
      conferenceId: nullish(z.string()),
    }),
  ),
});
export type GraphOnlineMeeting = z.infer<typeof OnlineMeetingSchema>;

export const OnlineMeetingListSchema = z.object({ value: z.array(OnlineMeetingSchema) });

export const ScheduleResponseSchema = z.object({
  value: z.array(
    z.object({
      scheduleId: z.string(),
      scheduleItems: nullish(
        z.array(
          z.object({
            status: nullish(z.string()),
            start: DateTimeTimeZone,
            end: DateTimeTimeZone,
          }),
        ),
      ),
      error: nullish(z.object({ responseCode: nullish(z.string()) })),
    }),
  ),
});

export const MessageListSchema = z.object({ value: z.array(z.object({ id: z.string() })) });

/** Graph's error envelope; only the code is ever logged (never the message). */
export const GraphErrorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string().optional() }),
});

export function graphErrorCode(body: unknown): string | undefined {
  const parsed = GraphErrorSchema.safeParse(body);
  return parsed.success ? parsed.data.error.code : undefined;
}
