import { appendFileSync } from "node:fs";
import type { Email } from "../../../ports";
import { cardText } from "../../fakes/recording-notifier";
import type { World } from "../world";

export interface LedgerEmail {
  at: string;
  to: string;
  subject: string;
  body: string;
  attachments: string[];
  /** The text of each text attachment (a list's CSV), in order. */
  texts: string[];
}

/**
 * Everything a quarter's replay sent, with the fake clock's time: Teams
 * cards (from the recording notifier) and emails (recorded at the calendar
 * port as the adapter accepted them, so a retried part is seen once only
 * if Convene sent it once).
 */
export function ledgerOf(world: World) {
  const emails: LedgerEmail[] = [];
  const calendar = world.deps.calendar;
  const sendEmails = calendar.sendEmails.bind(calendar);
  // The scheduler's handlers read deps.calendar at each call, so wrapping
  // the method records every email the workflow sends from here on.
  calendar.sendEmails = async (from: string, batch: Email[]) => {
    const results = await sendEmails(from, batch);
    for (const email of batch) {
      const result = results.find((r) => r.id === email.id);
      if (result?.outcome !== "done") continue;
      emails.push({
        at: world.clock().toISOString(),
        to: email.to.email,
        subject: email.subject,
        body: email.bodyText,
        attachments: (email.attachments ?? []).map((a) => a.name),
        texts: (email.attachments ?? [])
          .filter((a) => a.contentType.startsWith("text/"))
          .map((a) => a.content.toString("utf8")),
      });
    }
    return results;
  };
  return {
    emails,
    get cards() {
      return world.notifier.sent.map((s) => ({
        at: s.at,
        to: s.to,
        preview: s.preview,
        text: cardText(s.card),
      }));
    },
    /** The same message twice to the same person: what "exactly once" forbids. */
    duplicates(): string[] {
      const seen = new Set<string>();
      const out: string[] = [];
      for (const c of this.cards) {
        const key = `card|${c.to}|${c.preview}|${c.text}`;
        if (seen.has(key)) out.push(`${c.at} ${c.to} ${c.preview}`);
        seen.add(key);
      }
      for (const e of emails) {
        const key = `email|${e.to}|${e.subject}|${e.body}`;
        if (seen.has(key)) out.push(`${e.at} ${e.to} ${e.subject}`);
        seen.add(key);
      }
      return out;
    },
  };
}
export type Ledger = ReturnType<typeof ledgerOf>;

/**
 * With QUARTER_DUMP=FILE, appends every card and email the replay sent
 * (instant, kind, recipient, preview or subject, text) to FILE: a record to
 * compare byte for byte before and after a change that must not alter what
 * anyone receives (a refactor, a move of files).
 */
export function dumpLedger(policy: string, ledger: Ledger): void {
  const file = process.env.QUARTER_DUMP;
  if (file === undefined || file === "") return;
  const lines = [
    ...ledger.cards.map((c) => `${c.at}\tcard\t${c.to}\t${c.preview}\t${JSON.stringify(c.text)}`),
    ...ledger.emails.map(
      (e) =>
        `${e.at}\temail\t${e.to}\t${e.subject}\t${JSON.stringify([e.body, e.attachments, e.texts])}`,
    ),
  ];
  // Event ids (and so Teams join links) are random per run in the local
  // Graph: the join link's meeting token is the one thing masked.
  const masked = lines.map((l) => l.replace(/meeting_[0-9a-f]{32}/g, "meeting_<id>"));
  appendFileSync(file, masked.map((l) => `${policy}\t${l}\n`).join(""));
}
