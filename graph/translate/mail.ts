import type * as MG from "@microsoft/microsoft-graph-types";
import type { Attendee, Email, EmailAttachment } from "../../ports/calendar";

/**
 * Convene's Email → POST /users/{from}/sendMail. One recipient in `To`
 * (Leicestershire: a family member never sees another's address), plain text.
 *
 * Each message carries its Convene id in a named MAPI property (a
 * singleValueExtendedProperty in Convene's own property set). It is how
 * send-emails.ts finds out, from the sender's Sent Items, whether a send
 * whose answer was lost went through: Outlook keeps the property on the
 * Sent Items copy, and Graph can filter on it. The id is Convene's
 * deterministic email id (ids only, never a name).
 *
 * Attachments (a list's CSV, the councils' other procedures) go inline in the message as
 * fileAttachments, their bytes base64 in `contentBytes`: Graph's way for a
 * file under 3 MB (larger ones need an upload session, which Convene has no
 * use for). They do not touch the Convene id, so the Sent Items look-up
 * works the same with them.
 */
export const CONVENE_PROPERTY_SET = "{c0a8e2f4-5d7b-4b6e-9a1f-2e3d4c5b6a70}";
export const EMAIL_ID_PROPERTY = `String ${CONVENE_PROPERTY_SET} Name ConveneEmailId`;

/** Graph's fileAttachment as sendMail takes it inline; the type tag is required. */
export const FILE_ATTACHMENT_TYPE = "#microsoft.graph.fileAttachment";

export interface GraphFileAttachment {
  "@odata.type": typeof FILE_ATTACHMENT_TYPE;
  name: string;
  contentType: string;
  /** The file's bytes, base64. */
  contentBytes: string;
}

interface GraphRecipient {
  emailAddress: { address: string; name: string };
}

export interface SendMailPayload {
  message: {
    subject: string;
    body: { contentType: "text"; content: string };
    toRecipients: [GraphRecipient];
    ccRecipients?: GraphRecipient[];
    singleValueExtendedProperties: [{ id: string; value: string }];
    attachments?: GraphFileAttachment[];
  };
  /** The Sent Items copy is what a lost answer is checked against. */
  saveToSentItems: true;
}

export function toSendMail(email: Email): SendMailPayload {
  const message = {
    subject: email.subject,
    body: { contentType: "text" as const, content: email.bodyText },
    toRecipients: [toRecipient(email.to)] as [GraphRecipient],
    ...(email.cc !== undefined && email.cc.length > 0
      ? { ccRecipients: email.cc.map(toRecipient) }
      : {}),
    singleValueExtendedProperties: [{ id: EMAIL_ID_PROPERTY, value: email.id }] as [
      { id: string; value: string },
    ],
    ...(email.attachments !== undefined && email.attachments.length > 0
      ? { attachments: email.attachments.map(toFileAttachment) }
      : {}),
  } satisfies MG.Message;
  return { message, saveToSentItems: true };
}

function toFileAttachment(file: EmailAttachment): GraphFileAttachment {
  const fields = {
    name: file.name,
    contentType: file.contentType,
    contentBytes: file.content.toString("base64"),
  } satisfies MG.FileAttachment;
  // The type tag is OData's, not a field of MG.FileAttachment; Graph requires it.
  return { "@odata.type": FILE_ATTACHMENT_TYPE, ...fields };
}

function toRecipient(person: Attendee): GraphRecipient {
  return { emailAddress: { address: person.email, name: person.name } } satisfies MG.Recipient;
}

export function sendMailUrl(from: string): string {
  return `/users/${encodeURIComponent(from)}/sendMail`;
}

/**
 * GET of the sender's Sent Items for the message with this Convene id.
 * OData string literals double their single quotes.
 */
export function sentItemsLookupUrl(from: string, emailId: string): string {
  const filter =
    `singleValueExtendedProperties/any(ep: ep/id eq '${odataString(EMAIL_ID_PROPERTY)}'` +
    ` and ep/value eq '${odataString(emailId)}')`;
  return (
    `/users/${encodeURIComponent(from)}/mailFolders/sentitems/messages` +
    `?$filter=${encodeURIComponent(filter)}&$select=id&$top=1`
  );
}

export function odataString(value: string): string {
  return value.replace(/'/g, "''");
}
