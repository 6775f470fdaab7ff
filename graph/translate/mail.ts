import type * as MG from "@microsoft/microsoft-graph-types";
import type { Attendee, Email } from "../../workflow/ports/calendar";

/**
 * Convene's Email → POST /users/{from}/sendMail. One recipient in `To`
 * (002: a family member never sees another's address), plain text.
 *
 * Each message carries its Convene id in a named MAPI property (a
 * singleValueExtendedProperty in Convene's own property set). It is how
 * send-emails.ts finds out, from the sender's Sent Items, whether a send
 * whose answer was lost went through: Outlook keeps the property on the
 * Sent Items copy, and Graph can filter on it. The id is Convene's
 * deterministic email id (ids only, never a name).
 */
export const CONVENE_PROPERTY_SET = "{c0a8e2f4-5d7b-4b6e-9a1f-2e3d4c5b6a70}";
export const EMAIL_ID_PROPERTY = `String ${CONVENE_PROPERTY_SET} Name ConveneEmailId`;

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
  } satisfies MG.Message;
  return { message, saveToSentItems: true };
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
