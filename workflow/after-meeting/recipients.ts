import type { Case, Invitee, Meeting, PersonRef } from "../../model";
import { asPersonRef, type Authority } from "../kernel/authority";

/** Someone the decisions go to: staff by Teams card, everyone else by their own email (virtual-conference). */
export type DecisionsRecipient =
  | { how: "card"; person: PersonRef; label: string }
  | { how: "email"; invitee: Invitee & { email: string }; label: string }
  | { how: "none"; invitee: Invitee; label: string };

const sameEmail = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/**
 * Virtual-conference "all involved receive the CP Conference Decisions": the chair and the
 * SW, and everyone on the invite list. Invitees who are the council's staff
 * (matched by email) get the card like the chair and SW; agencies, the
 * family and their legal representatives get an email each (nobody sees
 * another's address, Leicestershire). Someone on the list without an email is listed
 * for the chair as not sent. Deterministic, so a retry sends the same set.
 */
export function decisionsRecipients(
  authority: Authority,
  kase: Case,
  meeting: Meeting,
  invitees: readonly Invitee[],
): DecisionsRecipient[] {
  const out: DecisionsRecipient[] = [];
  const cards = new Set<string>();
  const addCard = (p: PersonRef | undefined, label: string) => {
    if (p === undefined || cards.has(p.entraObjectId)) return;
    cards.add(p.entraObjectId);
    out.push({ how: "card", person: p, label });
  };
  const chair = meeting.chair ?? kase.chair;
  addCard(chair, chair?.name ?? "");
  addCard(kase.socialWorker, kase.socialWorker.name);
  for (const invitee of invitees) {
    const email = invitee.email;
    const staff =
      email === undefined ? undefined : authority.staff.find((s) => sameEmail(s.email, email));
    const label =
      invitee.agency !== undefined ? `${invitee.name} (${invitee.agency})` : invitee.name;
    if (staff !== undefined) addCard(asPersonRef(staff), label);
    else if (email !== undefined) out.push({ how: "email", invitee: { ...invitee, email }, label });
    else out.push({ how: "none", invitee, label });
  }
  return out;
}
