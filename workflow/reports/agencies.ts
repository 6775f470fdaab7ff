import type { Case, Meeting } from "../../model";
import type { WorkflowDeps } from "../kernel/deps";

/** An agency's name as a card input key (`agencies.<key>.received`). */
export const agencyKey = (agency: string): string =>
  agency
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 64) || "agency";

/** The agencies whose reports are expected: those of the professionals on the invite list. */
export async function agenciesOf(
  deps: WorkflowDeps,
  kase: Case,
  meeting: Meeting,
): Promise<Map<string, string>> {
  const list = await deps.store.get("invite-list", `${meeting.id}:invite-list`, kase.id);
  const out = new Map<string, string>();
  for (const i of list?.invitees ?? []) {
    if (i.relation === "professional" && i.agency !== undefined)
      out.set(agencyKey(i.agency), i.agency);
  }
  return out;
}
