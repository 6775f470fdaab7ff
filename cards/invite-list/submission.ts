import { z } from "zod";
import { meetingAction } from "../common/action-data";
import { rowsOf } from "../common/dotted";
import {
  blankToUndefined,
  choice,
  optionalLocalDate,
  optionalText,
  requiredText,
  toggle,
} from "../common/fields";
import { INVITEE_RELATIONS, type InviteeDraft } from "./view-model";

/**
 * The most rows one card holds. With a date of birth and an address on each
 * row (police checks), 26 people is what stays under Teams' message limit
 * (tested at 40 KB serialized, an error on every row); 30 no longer fits.
 */
export const MAX_INVITEE_ROWS = 26;

/** Inputs of row i have ids `invitees.<i>.<field>`, so errors land on the right row. */
export const INVITEE_FIELDS = [
  "name",
  "role",
  "agency",
  "email",
  "relation",
  "policeCheck",
  "policeCheckReason",
  "dob",
  "address",
] as const satisfies readonly (keyof InviteeDraft)[];

export const inviteeInputId = (row: number, field: (typeof INVITEE_FIELDS)[number]) =>
  `invitees.${row}.${field}`;

export function emptyInviteeDraft(): InviteeDraft {
  return {
    name: "",
    role: "",
    agency: "",
    email: "",
    relation: "professional",
    policeCheck: "false",
    policeCheckReason: "",
    dob: "",
    address: "",
    id: "",
  };
}

/** Untrusted rows → drafts of strings (anything else dropped), for re-rendering. */
function toDraft(row: Record<string, unknown>): InviteeDraft {
  const draft = emptyInviteeDraft();
  for (const field of INVITEE_FIELDS) {
    const v = row[field];
    if (typeof v === "string") draft[field] = v.slice(0, 2000);
    else if (typeof v === "boolean") draft[field] = String(v);
  }
  return draft;
}

function isBlank(row: Record<string, unknown>): boolean {
  const texts = ["name", "role", "agency", "email", "policeCheckReason", "dob", "address"] as const;
  return (
    texts.every((f) => blankToUndefined(row[f]) === undefined) &&
    row.policeCheck !== "true" &&
    row.policeCheck !== true
  );
}

/**
 * One person. Leicestershire: family members and legal representatives are invited one
 * email each and the police will not run a check without a reason, so the
 * relation is required and a police check needs its reason. Professionals
 * are invited through Outlook, so they need an agency and an email; a family
 * member without email is invited by letter.
 */
export const InviteeSubmission = z
  .object({
    name: requiredText("Enter the person's name", 200),
    role: requiredText("Enter their role (for example Mother, GP, Class teacher)", 200),
    agency: optionalText(200),
    email: z.preprocess(
      blankToUndefined,
      z.email({ error: "Enter a valid email address" }).max(254).optional(),
    ),
    relation: choice(INVITEE_RELATIONS, "Choose professional, family or legal representative"),
    policeCheck: toggle(),
    policeCheckReason: optionalText(1000),
    dob: optionalLocalDate("Enter the date of birth as a date"),
    address: optionalText(500),
  })
  .superRefine((p, ctx) => {
    if (p.relation === "professional" && p.agency === undefined) {
      ctx.addIssue({ code: "custom", path: ["agency"], message: "Enter their agency" });
    }
    if (p.relation !== "family" && p.email === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["email"],
        message: "Enter their email: the invitation goes by Outlook",
      });
    }
    if (p.policeCheck && p.policeCheckReason === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["policeCheckReason"],
        message: "The police will not run a check without a reason",
      });
    }
    // The police need a date of birth and an address to find the right
    // person (`police-checks.request`).
    if (p.policeCheck && p.dob === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["dob"],
        message: "Enter their date of birth: the police need it for a check",
      });
    }
    if (p.policeCheck && p.address === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["address"],
        message: "Enter their address: the police need it for a check",
      });
    }
  })
  // The shape of model/invite-list's Invitee (less id and rsvp, which workflow/ adds).
  .transform((p) => ({
    name: p.name,
    role: p.role,
    ...(p.agency !== undefined ? { agency: p.agency } : {}),
    ...(p.email !== undefined ? { email: p.email.toLowerCase() } : {}),
    relation: p.relation,
    policeCheck: {
      needed: p.policeCheck,
      ...(p.policeCheck && p.policeCheckReason !== undefined
        ? { reason: p.policeCheckReason }
        : {}),
    },
    ...(p.dob !== undefined ? { dob: p.dob } : {}),
    ...(p.address !== undefined ? { address: p.address } : {}),
  }));
export type InviteeSubmission = z.output<typeof InviteeSubmission>;

const tooMany = `This card holds at most ${MAX_INVITEE_ROWS} people`;

/** The flat `invitees.<i>.<field>` keys Teams submits, grouped into rows by index. */
function withRows(raw: unknown): unknown {
  if (typeof raw !== "object" || raw === null) return raw;
  return { ...raw, invitees: rowsOf(raw, "invitees", MAX_INVITEE_ROWS) };
}

const rowsField = z.array(z.record(z.string(), z.unknown()), { error: tooMany });

/**
 * The stored id of each row, in row order, comma-joined in the action's
 * data (a card has no hidden inputs): a changed row keeps its person, so
 * editing a name or an email is a change, not a removal and an addition.
 */
const rowIdsField = z.preprocess(
  (v) => (typeof v === "string" ? v.split(",").map((x) => x.trim()) : []),
  z.array(z.string().max(80)),
);

/** "Remove them and send cancellations": the SW or clerk confirmed the removals shown. */
const confirmField = z.preprocess((v) => v === "true" || v === true, z.boolean());

/**
 * verb invite-list.submit: "submit list as complete" (West Sussex: invitations go
 * once the SW says the list is complete). Rows left entirely empty are
 * dropped (that is how a row is removed); every other row must be a whole
 * person, with errors on that row's inputs.
 */
export const InviteListSubmission = z.preprocess(
  withRows,
  z
    .object({
      ...meetingAction,
      invitees: rowsField,
      rowIds: rowIdsField,
      confirmRemovals: confirmField,
    })
    .transform((d, ctx) => {
      const invitees: (InviteeSubmission & { rowId?: string })[] = [];
      d.invitees.forEach((row, i) => {
        if (isBlank(row)) return;
        const person = InviteeSubmission.safeParse(row);
        const rowId = d.rowIds[i];
        if (person.success) invitees.push({ ...person.data, ...(rowId ? { rowId } : {}) });
        else
          for (const issue of person.error.issues)
            ctx.addIssue({
              code: "custom",
              path: ["invitees", i, ...issue.path],
              message: issue.message,
            });
      });
      if (invitees.length === 0 && d.invitees.every(isBlank)) {
        ctx.addIssue({ code: "custom", path: ["invitees"], message: "Add at least one person" });
      }
      return {
        caseId: d.caseId,
        meetingId: d.meetingId,
        cardVersion: d.cardVersion,
        invitees,
        confirmRemovals: d.confirmRemovals,
      };
    }),
);
export type InviteListSubmission = z.output<typeof InviteListSubmission>;

/**
 * verb invite-list.add-row, and the re-render after a malformed submit: the
 * rows as typed, valid or not, for `buildInviteListCard`. Only the ids must
 * be right.
 */
export const InviteListDraft = z.preprocess(
  withRows,
  z.object({ ...meetingAction, invitees: rowsField, rowIds: rowIdsField }).transform((d) => ({
    caseId: d.caseId,
    meetingId: d.meetingId,
    cardVersion: d.cardVersion,
    rows: d.invitees.map((row, i) => ({ ...toDraft(row), id: d.rowIds[i] ?? "" })),
  })),
);
export type InviteListDraft = z.output<typeof InviteListDraft>;

/** "Add another": the rows so far plus one empty row (up to MAX_INVITEE_ROWS). */
export function withAnotherRow(rows: readonly InviteeDraft[]): InviteeDraft[] {
  const out = rows.map((r) => ({ ...r }));
  if (out.length < MAX_INVITEE_ROWS) out.push(emptyInviteeDraft());
  return out;
}
