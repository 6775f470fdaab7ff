import type * as MG from "@microsoft/microsoft-graph-types";
import { z } from "zod";

/**
 * What the local Graph accepts, written to match
 * @microsoft/microsoft-graph-types: the enum values are Graph's (copied from
 * the type unions and checked against them below), objects are strict
 * (Graph answers 400 for a property its type does not have), and the
 * fields Convene must send are required. The `_is*` functions at the end
 * make the type checker prove each schema's output is a valid Graph value.
 */

// Enum values, each checked against the Graph type it copies.
const enumOf = <T extends string>(values: readonly [T, ...T[]]) => z.enum(values);

export const LOBBY_BYPASS_SCOPES = [
  "organizer",
  "organization",
  "organizationAndFederated",
  "everyone",
  "unknownFutureValue",
  "invited",
  "organizationExcludingGuests",
] as const satisfies readonly MG.LobbyBypassScope[];
/** Evolvable enum members after unknownFutureValue: need `Prefer: include-unknown-enum-members`. */
export const LATE_LOBBY_SCOPES: readonly string[] = ["invited", "organizationExcludingGuests"];

export const LOBBY_ADMITTERS = [
  "organizerAndCoOrganizersAndPresenters",
  "organizerAndCoOrganizers",
  "unknownFutureValue",
] as const satisfies readonly MG.AllowedLobbyAdmitterRoles[];
export const CHAT_MODES = [
  "enabled",
  "disabled",
  "limited",
  "unknownFutureValue",
] as const satisfies readonly MG.MeetingChatMode[];
export const PRESENTERS = [
  "everyone",
  "organization",
  "roleIsPresenter",
  "organizer",
  "unknownFutureValue",
] as const satisfies readonly MG.OnlineMeetingPresenters[];
export const ONLINE_MEETING_ROLES = [
  "attendee",
  "presenter",
  "unknownFutureValue",
  "producer",
  "coorganizer",
] as const satisfies readonly MG.OnlineMeetingRole[];

/** meetingParticipantInfo (https://learn.microsoft.com/en-us/graph/api/resources/meetingparticipantinfo). */
const MeetingParticipantInfo = z.strictObject({
  upn: z.string().min(1),
  role: enumOf(ONLINE_MEETING_ROLES).optional(),
  identity: z
    .strictObject({
      user: z.strictObject({ id: z.string().min(1), displayName: z.string().optional() }),
    })
    .optional(),
});

const ATTENDEE_TYPES = [
  "required",
  "optional",
  "resource",
] as const satisfies readonly MG.AttendeeType[];
const BODY_TYPES = ["text", "html"] as const satisfies readonly MG.BodyType[];
const IMPORTANCE = ["low", "normal", "high"] as const satisfies readonly MG.Importance[];
const SENSITIVITY = [
  "normal",
  "personal",
  "private",
  "confidential",
] as const satisfies readonly MG.Sensitivity[];
const PROVIDERS = [
  "unknown",
  "skypeForBusiness",
  "skypeForConsumer",
  "teamsForBusiness",
] as const satisfies readonly MG.OnlineMeetingProviderType[];

/**
 * The zones the local Graph understands: UTC and the UK's names, IANA and
 * Windows. Graph knows many more; Convene only ever sends these.
 */
export const TIME_ZONES = ["UTC", "Europe/London", "GMT Standard Time"] as const;

export const DateTimeTimeZone = z.strictObject({
  dateTime: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?$/),
  timeZone: z.enum(TIME_ZONES),
});

const EmailAddress = z.strictObject({
  address: z.email(),
  name: z.string().optional(),
});

const AttendeeSchema = z.strictObject({
  emailAddress: EmailAddress,
  type: enumOf(ATTENDEE_TYPES),
});

const ItemBody = z.strictObject({
  contentType: enumOf(BODY_TYPES),
  content: z.string(),
});

const LocationSchema = z.strictObject({ displayName: z.string() });

/** POST /users/{id}/events, as Convene must send it: a Teams meeting with a transactionId. */
export const EventCreate = z.strictObject({
  subject: z.string().min(1),
  body: ItemBody.optional(),
  start: DateTimeTimeZone,
  end: DateTimeTimeZone,
  location: LocationSchema.optional(),
  attendees: z.array(AttendeeSchema).optional(),
  isOnlineMeeting: z.boolean().optional(),
  onlineMeetingProvider: enumOf(PROVIDERS).optional(),
  transactionId: z.string().min(1).optional(),
  allowNewTimeProposals: z.boolean().optional(),
  responseRequested: z.boolean().optional(),
  importance: enumOf(IMPORTANCE).optional(),
  sensitivity: enumOf(SENSITIVITY).optional(),
  hideAttendees: z.boolean().optional(),
});

/**
 * PATCH /users/{id}/events/{id}. `body` is refused on purpose, harder than
 * Graph: Graph would accept it, replace the Teams join block and re-notify
 * every attendee (docs/architecture.md: never PATCH an event's body).
 */
export const EventPatch = z
  .strictObject({
    subject: z.string().min(1).optional(),
    start: DateTimeTimeZone.optional(),
    end: DateTimeTimeZone.optional(),
    location: LocationSchema.optional(),
    attendees: z.array(AttendeeSchema).optional(),
  })
  .refine((p) => Object.keys(p).length > 0, { message: "empty PATCH" })
  .refine((p) => (p.start === undefined) === (p.end === undefined), {
    message: "start and end change together",
  });

export const EventCancel = z.strictObject({ comment: z.string().optional() });

export const OnlineMeetingPatch = z
  .strictObject({
    lobbyBypassSettings: z
      .strictObject({
        scope: enumOf(LOBBY_BYPASS_SCOPES),
        isDialInBypassEnabled: z.boolean(),
      })
      .optional(),
    allowedLobbyAdmitters: enumOf(LOBBY_ADMITTERS).optional(),
    allowMeetingChat: enumOf(CHAT_MODES).optional(),
    allowRecording: z.boolean().optional(),
    allowTranscription: z.boolean().optional(),
    allowedPresenters: enumOf(PRESENTERS).optional(),
    isEntryExitAnnounced: z.boolean().optional(),
    recordAutomatically: z.boolean().optional(),
    subject: z.string().optional(),
    participants: z
      .strictObject({
        attendees: z.array(MeetingParticipantInfo).optional(),
        organizer: MeetingParticipantInfo.optional(),
      })
      .optional(),
  })
  .refine((p) => Object.keys(p).length > 0, { message: "empty PATCH" });

const Recipient = z.strictObject({ emailAddress: EmailAddress });

const ExtendedProperty = z.strictObject({
  id: z.string().regex(/^String \{[0-9a-fA-F-]{36}\} Name \S+$/),
  value: z.string(),
});

/** Standard base64 (RFC 4648 section 4), padded: what Graph's Edm.Binary takes. */
/**
 * Canonical base64, checked without a regular expression: a backtracking
 * pattern over a 4 MB string needs a backtrack stack that can fail to grow
 * on a loaded machine (the test once answered 500 instead of 202). Decoding
 * and encoding again is linear, and equal only for canonical base64.
 */
const isBase64 = (s: string): boolean =>
  s.length % 4 === 0 && Buffer.from(s, "base64").toString("base64") === s;

/**
 * An inline fileAttachment: the `@odata.type` tag is required (without it
 * Graph cannot tell a file from an item or a reference attachment), and
 * contentBytes must be base64. The 3 MB limit is the route's (413).
 */
export const FileAttachment = z.strictObject({
  "@odata.type": z.literal("#microsoft.graph.fileAttachment"),
  name: z.string().min(1),
  contentType: z.string().min(1).optional(),
  contentBytes: z.string().refine(isBase64, "contentBytes must be base64"),
  isInline: z.boolean().optional(),
  contentId: z.string().optional(),
});

/** POST /users/{id}/sendMail. */
export const SendMail = z.strictObject({
  message: z.strictObject({
    subject: z.string(),
    body: ItemBody,
    toRecipients: z.array(Recipient).min(1),
    ccRecipients: z.array(Recipient).optional(),
    bccRecipients: z.array(Recipient).optional(),
    singleValueExtendedProperties: z.array(ExtendedProperty).optional(),
    attachments: z.array(FileAttachment).optional(),
  }),
  saveToSentItems: z.boolean().optional(),
});

/** POST /users/{id}/calendar/getSchedule. */
export const GetSchedule = z.strictObject({
  schedules: z.array(z.email()).min(1).max(20),
  startTime: DateTimeTimeZone,
  endTime: DateTimeTimeZone,
  availabilityViewInterval: z.number().int().min(5).max(1440).optional(),
});

export const CHANGE_TYPES = ["created", "updated", "deleted"] as const;
export const TLS_VERSIONS = ["v1_0", "v1_1", "v1_2", "v1_3"] as const;
const HttpsUrl = z.url({ protocol: /^https$/ });

/**
 * POST /subscriptions. Graph requires changeType (a comma-separated list of
 * created, updated, deleted), an https notificationUrl, the resource and
 * the expiry; clientState (at most 128 characters) is optional to Graph but
 * required here: Convene's endpoint refuses notifications without it.
 * Rich notifications (includeResourceData) need an encryption certificate.
 * The expiry's limits (in the future, at most 10,080 minutes for Outlook
 * events) are checked by the route, against the local Graph's clock.
 */
export const SubscriptionCreate = z
  .strictObject({
    changeType: z.string().refine(
      (value) => {
        const parts = value.split(",").map((p) => p.trim());
        return (
          parts.length > 0 &&
          parts.every((p) => (CHANGE_TYPES as readonly string[]).includes(p)) &&
          new Set(parts).size === parts.length
        );
      },
      { message: "changeType: a comma-separated list of created, updated, deleted" },
    ),
    notificationUrl: HttpsUrl,
    resource: z.string().min(1),
    expirationDateTime: z.iso.datetime({ offset: true }),
    clientState: z.string().min(1).max(128),
    lifecycleNotificationUrl: HttpsUrl.optional(),
    latestSupportedTlsVersion: z.enum(TLS_VERSIONS).optional(),
    includeResourceData: z.boolean().optional(),
    encryptionCertificate: z.string().min(1).optional(),
    encryptionCertificateId: z.string().min(1).optional(),
  })
  .refine((s) => s.includeResourceData !== true || s.encryptionCertificate !== undefined, {
    message: "includeResourceData needs an encryptionCertificate",
    path: ["encryptionCertificate"],
  });

/** POST /$batch: at most 20 parts, unique ids, a Content-Type on every part with a body. */
export const BatchRequest = z.strictObject({
  requests: z
    .array(
      z
        .strictObject({
          id: z.string().min(1),
          method: z.enum(["GET", "POST", "PATCH", "PUT", "DELETE"]),
          url: z.string().min(1),
          headers: z.record(z.string(), z.string()).optional(),
          body: z.unknown().optional(),
          dependsOn: z.array(z.string()).optional(),
        })
        .refine(
          (part) =>
            part.body === undefined ||
            Object.keys(part.headers ?? {}).some((h) => h.toLowerCase() === "content-type"),
          { message: "a part with a body needs a Content-Type header" },
        ),
    )
    .min(1)
    .max(20)
    .refine((parts) => new Set(parts.map((p) => p.id)).size === parts.length, {
      message: "part ids must be unique",
    }),
});

// The type checker's proof that each schema's output is a Graph value.
export const _isEvent = (x: z.infer<typeof EventCreate>): MG.Event => x;
export const _isEventPatch = (x: z.infer<typeof EventPatch>): MG.Event => x;
export const _isOnlineMeeting = (x: z.infer<typeof OnlineMeetingPatch>): MG.OnlineMeeting => x;
export const _isMessage = (x: z.infer<typeof SendMail>["message"]): MG.Message => x;
export const _isSubscription = (x: z.infer<typeof SubscriptionCreate>): MG.Subscription => x;
export const _isScheduleTime = (x: z.infer<typeof DateTimeTimeZone>): MG.DateTimeTimeZone => x;
