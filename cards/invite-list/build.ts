import type { CardJson } from "../../ports/notifier";
import { expandCard } from "../common/expand";
import { formatInstant } from "../common/format";
import { errorSummary } from "../common/redisplay";
import template from "./template.json";
import { INVITEE_FIELDS, MAX_INVITEE_ROWS, emptyInviteeDraft } from "./submission";
import type { InviteListView } from "./view-model";

const ROW_FIELD = /^invitees\.(\d+)\.([A-Za-z]+)$/;

/**
 * The SW's invite list, one person a row (Leicestershire, West Sussex). "Add another" comes
 * back here with the rows as typed plus one (`withAnotherRow`), and a
 * malformed "submit" with the rows as typed and the errors by input id, so
 * nothing typed is ever lost. The card names no child: it is about the
 * adults and professionals to invite.
 */
export function buildInviteListCard(view: InviteListView): CardJson {
  const drafts = (view.rows.length > 0 ? view.rows : [emptyInviteeDraft()]).slice(
    0,
    MAX_INVITEE_ROWS,
  );
  const rowErrors = drafts.map(() => ({}) as Record<string, string>);
  for (const [field, message] of Object.entries(view.errors ?? {})) {
    const m = ROW_FIELD.exec(field);
    const row = m ? rowErrors[Number(m[1])] : undefined;
    if (row && m && (INVITEE_FIELDS as readonly string[]).includes(m[2]!)) row[m[2]!] = message;
  }
  const rows = drafts.map((d, i) => ({
    ...emptyInviteeDraft(),
    ...d,
    i: String(i),
    n: String(i + 1),
    e: rowErrors[i],
  }));
  const deadlines = [
    ...(view.dueAt ? [{ title: "List due", value: formatInstant(view.dueAt) }] : []),
    ...(view.policeChecksDueAt
      ? [{ title: "Police checks due", value: formatInstant(view.policeChecksDueAt) }]
      : []),
  ];
  return expandCard(template, {
    fallbackText: `Invite list needed for the ${view.meetingKind}, case ${view.caseReference}`,
    caseId: view.caseId,
    meetingId: view.meetingId,
    caseReference: view.caseReference,
    cardVersion: view.cardVersion ?? "",
    meetingKind: view.meetingKind,
    meetingText: view.meetingStart ? ` · ${formatInstant(view.meetingStart)}` : "",
    deadlines,
    rows,
    canAdd: rows.length < MAX_INVITEE_ROWS,
    rowIds: drafts.map((d) => d.id).join(","),
    removals: view.removals ?? [],
    maxRows: String(MAX_INVITEE_ROWS),
    summary: errorSummary(view.errors, (f) => {
      const m = ROW_FIELD.exec(f);
      return m !== null && Number(m[1]) < rows.length;
    }),
  });
}
