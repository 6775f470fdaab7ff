import MailComposer from "nodemailer/lib/mail-composer";
import type { Email } from "../../ports/calendar";
import { idToken } from "./file-names";

/**
 * An RFC 5322 message, as Graph's sendMail would deliver it: the sender,
 * exactly one `To` (Leicestershire), plain text. Outlook opens a .eml directly.
 * Attachments (a list's CSV, the councils' other procedures) make it multipart/mixed, each file a
 * base64 part named as Convene named it (ids only).
 */
export async function buildEml(from: string, email: Email, date: Date): Promise<Buffer> {
  const composer = new MailComposer({
    from,
    to: { name: email.to.name, address: email.to.email },
    ...(email.cc !== undefined && email.cc.length > 0
      ? { cc: email.cc.map((c) => ({ name: c.name, address: c.email })) }
      : {}),
    subject: email.subject,
    text: email.bodyText,
    ...(email.attachments !== undefined && email.attachments.length > 0
      ? {
          attachments: email.attachments.map((a) => ({
            filename: a.name,
            content: a.content,
            contentType: a.contentType,
            contentTransferEncoding: "base64" as const,
          })),
        }
      : {}),
    date,
    // Deterministic, from the id: the same email always has the same Message-ID.
    messageId: `<${idToken(email.id)}@convene.local>`,
  });
  return composer.compile().build();
}
