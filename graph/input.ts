import { z } from "zod";
import type { ConferenceDraft, Email } from "../ports/calendar";
import { calendarError } from "./errors";

/**
 * zod at the port's edge: what workflow/ hands graph/ is checked before any
 * request, so a slip (an end before the start, a second recipient) is a
 * `rejected` InvalidInput and never reaches Outlook. Messages name the
 * field, never its value.
 */
const Person = z.object({ email: z.email(), name: z.string().min(1).max(255) });

export const ConferenceDraftSchema = z
  .object({
    meetingId: z.string().min(1).max(255),
    // Graph documents no length limit; a GUID or `${meetingId}:${n}` is far below this.
    transactionId: z.string().min(1).max(255),
    organizer: z.email(),
    subject: z.string().min(1).max(255),
    start: z.date(),
    end: z.date(),
    bodyText: z.string().max(30_000),
    attendees: z.array(Person).max(500),
    location: z.string().min(1).max(255).optional(),
  })
  .refine((d) => d.end.getTime() > d.start.getTime(), {
    message: "end must be after start",
    path: ["end"],
  });

/**
 * Graph takes a file inline in sendMail when it is under 3 MB (larger ones
 * need an upload session), and the whole request must stay under 4 MB
 * (4,194,304 bytes) while base64 grows the bytes by a third. Convene's
 * attachments are small CSVs, so the limit is on their total: under
 * 3,000,000 bytes, which base64 makes 4,000,000 and leaves room for the
 * body (at most 100,000 characters) and the JSON around it.
 */
export const MAX_ATTACHMENT_BYTES = 3_000_000;

const Attachment = z.object({
  // A file name, not a path; ids only (calendar.ts EmailAttachment).
  name: z
    .string()
    .min(1)
    .max(255)
    .regex(/^[^/\\\r\n]+$/, "a file name, without / \\ or line breaks"),
  contentType: z
    .string()
    .regex(/^[a-z]+\/[A-Za-z0-9.+-]+(; ?[a-z-]+=[A-Za-z0-9-]+)*$/, "a MIME type"),
  content: z.instanceof(Buffer),
});

export const EmailSchema = z.object({
  id: z.string().min(1).max(255),
  to: Person,
  cc: z.array(Person).max(20).optional(),
  subject: z.string().min(1).max(255),
  bodyText: z.string().max(100_000),
  attachments: z
    .array(Attachment)
    .max(10)
    .refine((files) => files.reduce((n, f) => n + f.content.length, 0) < MAX_ATTACHMENT_BYTES, {
      message: "attachments must total under 3 MB",
    })
    .optional(),
  attempted: z.boolean().optional(),
});

export function checkDraft(draft: ConferenceDraft): void {
  check(ConferenceDraftSchema, draft, "conference draft");
}

export function checkEmails(emails: readonly Email[]): void {
  for (const email of emails) check(EmailSchema, email, "email");
  const ids = new Set(emails.map((e) => e.id));
  if (ids.size !== emails.length) {
    throw calendarError("rejected", "InvalidInput", "emails: ids must be unique within a call");
  }
}

/** attendeeReplies: Graph event ids (opaque, base64-like, about 150 characters). */
const EventIdsSchema = z.array(z.string().min(1).max(1024));

export function checkEventIds(organizer: string, eventIds: readonly string[]): void {
  check(z.email(), organizer, "organizer");
  check(EventIdsSchema, eventIds, "event ids");
}

/**
 * subscribeToEvents: Graph requires an https notificationUrl and a
 * clientState of at most 128 characters; an expiry in the past is a slip.
 */
export const SubscriptionInputSchema = z.object({
  organizer: z.email(),
  notificationUrl: z.url({ protocol: /^https$/ }),
  clientState: z.string().min(1).max(128),
  expiresAt: z.date(),
});

export function checkSubscription(input: z.infer<typeof SubscriptionInputSchema>, now: Date): void {
  check(SubscriptionInputSchema, input, "subscription");
  if (!(input.expiresAt.getTime() > now.getTime())) {
    throw calendarError(
      "rejected",
      "InvalidInput",
      "subscription: expiresAt must be in the future",
    );
  }
}

export function checkRange(from: Date, to: Date): void {
  if (!(to.getTime() > from.getTime())) {
    throw calendarError("rejected", "InvalidInput", "free/busy: `to` must be after `from`");
  }
}

function check(schema: z.ZodType, value: unknown, what: string): void {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => i.path.join(".") || "(root)").join(", ");
    throw calendarError("rejected", "InvalidInput", `${what}: invalid ${fields}`);
  }
}
