import type { CsvAttachment } from "../../cards/csv/csv";
import type { StaffMember } from "../kernel/authority";
import { asPersonRef } from "../kernel/authority";
import type { WorkflowDeps } from "../kernel/deps";
import { TransientError } from "../kernel/errors";
import { sendCardOnce, sendEmailsOnce, type EmailNotice } from "../kernel/notify";
import type { CardJson, EmailAttachment } from "../../ports";
import { uniqueBy } from "../kernel/distinct";

/** One list or report, ready to go to the people its rule names (the councils' other procedures). */
export interface ListDelivery {
  /** The job's task id: notification ids derive from it (exactly once per recipient). */
  taskId: string;
  /** The rule id, e.g. "list.weekly", "report.exceptions". */
  list: string;
  /** People the rule names: inTeams !== false get the card(s); inTeams === false get the email. */
  recipients: StaffMember[];
  /** Addresses that get only the email (e.g. West Sussex's health mailboxes). */
  mailboxes?: string[];
  /** The list's card(s). */
  cards: CardJson[];
  /** Notification preview: never a child's name. */
  preview: string;
  /** Email subject (withPrefix for Swindon's "URGENT CLA/CP" where it applies). */
  subject: string;
  /** Email body. */
  bodyText: string;
  /** From cards/csv/csv.ts csvAttachment(). */
  csv: CsvAttachment;
}

/** Card notification id; the same as the lists used before this module, so an upgrade resends nothing. */
export const listCardId = (taskId: string, n: number, objectId: string): string =>
  `${taskId}:${n}:${objectId}`;

/** Email notification id: one per recipient (staff by object id, mailboxes by address). */
export const listEmailId = (taskId: string, key: string): string => `${taskId}:csv:${key}`;

/**
 * Sends a list once to everyone it is for (the councils' other procedures, StaffMember.inTeams):
 *
 * - staff in Teams get the card(s), each exactly once;
 * - staff not in Teams, and the mailboxes, get one email with the CSV
 *   from the authority's organizer mailbox;
 * - a Teams recipient whose card comes back recipient-gone (the app was
 *   removed) gets that email instead, and only that one: sendCardOnce's
 *   own fallback (the preview alone) is turned off for lists.
 *
 * Exactly once: every card and email has a deterministic notification id,
 * so a rerun of the task sends only what is not yet sent. A throttled or
 * failed card for one person does not hold back the others: it is retried
 * (TransientError) after everyone else has been served.
 */
export async function deliverList(
  deps: WorkflowDeps,
  d: ListDelivery,
): Promise<{ cards: number; emails: number }> {
  const people = uniqueBy(d.recipients, (p) => p.entraObjectId);
  const byEmail: StaffMember[] = people.filter((p) => p.inTeams === false);
  let cards = 0;
  let retry: TransientError | undefined;
  for (const person of people.filter((p) => p.inTeams !== false)) {
    try {
      let gone = false;
      for (const [n, card] of d.cards.entries()) {
        const outcome = await sendCardOnce(deps, {
          id: listCardId(d.taskId, n, person.entraObjectId),
          kind: "list",
          recipient: asPersonRef(person),
          card,
          preview: d.preview,
          taskId: d.taskId,
          emailFallback: false,
        });
        if (outcome === "sent") cards += 1;
        if (outcome === "recipient-gone") {
          gone = true;
          break;
        }
      }
      if (gone) byEmail.push(person);
    } catch (err) {
      if (!(err instanceof TransientError)) throw err;
      retry ??= err;
    }
  }
  const attachment: EmailAttachment = {
    name: d.csv.fileName,
    contentType: d.csv.contentType,
    content: d.csv.content,
  };
  const staffAddresses = new Set(byEmail.map((p) => p.email.toLowerCase()));
  const mailboxes = uniqueBy(d.mailboxes ?? [], (m) => m.toLowerCase()).filter(
    (m) => !staffAddresses.has(m.toLowerCase()),
  );
  const notice = (key: string, to: { email: string; name: string }): EmailNotice => ({
    kind: "list-email",
    taskId: d.taskId,
    email: {
      id: listEmailId(d.taskId, key),
      to,
      subject: d.subject,
      bodyText: d.bodyText,
      attachments: [attachment],
    },
  });
  const notices = [
    ...byEmail.map((p) => notice(p.entraObjectId, { email: p.email, name: p.name })),
    ...mailboxes.map((m) => notice(mailboxKey(m), { email: m, name: m })),
  ];
  const { sent } =
    notices.length === 0
      ? { sent: 0 }
      : await sendEmailsOnce(deps, deps.authority.organizer, notices);
  if (retry !== undefined) throw retry;
  return { cards, emails: sent };
}

/** A mailbox as an id part: lower case, and nothing a document id refuses (model/common.ts DocId). */
const mailboxKey = (address: string): string =>
  address.toLowerCase().replace(/[^a-z0-9@._+-]+/g, "-");
