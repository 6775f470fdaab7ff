import { DirectoryError } from "../../ports/directory";
import { isStoreError } from "../../ports/store";
import type { StaffList } from "../../model";
import { alertServiceOwners } from "../kernel/alert-service-owners";
import { audit } from "../kernel/audit";
import { GROUP_ROLES, type StaffGroups, type StaffMember } from "../kernel/authority";
import type { WorkflowDeps } from "../kernel/deps";
import { staffChanges, type StaffChange } from "./changes";
import { readStaffFromDirectory } from "./read-directory";
import { applyStaffList, loadStaffList, staffListId } from "./staff-list";

export type RefreshTrigger = "daily" | "on-demand" | "start";

export type RefreshOutcome =
  | {
      ok: true;
      people: number;
      changes: StaffChange[];
      withoutMailbox: number;
      version: number;
    }
  | { ok: false; code: string; kept: number };

/**
 * Reads the staff list from the Entra ID groups the authority names and puts
 * it in force: every change audited (ids only), stored for every instance.
 * A refresh that fails (a group or manager unreadable, limited information,
 * a role's group suddenly empty) keeps the last good list, is audited and
 * tells the service owners.
 */
export async function refreshStaff(
  deps: WorkflowDeps,
  trigger: RefreshTrigger,
): Promise<RefreshOutcome> {
  const groups = deps.authority.staffGroups;
  if (groups === undefined || deps.directory === undefined) {
    throw new DirectoryError(
      "NotConfigured",
      groups === undefined
        ? "the authority names no staffGroups: the staff list is the authority file's"
        : "Microsoft Graph is not configured, so the directory cannot be read",
    );
  }
  const stored = await loadStaffList(deps);
  const before: StaffMember[] = deps.authority.staff;
  let read;
  try {
    read = await readStaffFromDirectory(deps.directory, groups, deps.authority.teamAttribute);
    const emptied = emptiedRole(groups, before, read.staff);
    if (emptied !== undefined) {
      throw new DirectoryError(
        "GroupEmpty",
        `the ${emptied} group came back empty; the last good list is kept`,
      );
    }
  } catch (err) {
    const code = err instanceof DirectoryError ? err.code : "Unexpected";
    return failed(deps, trigger, code, before.length);
  }
  const changes = staffChanges(before, read.staff);
  const version = (stored?.version ?? 0) + 1;
  const doc: StaffList = {
    id: staffListId(deps.authority),
    type: "staff-list",
    pk: staffListId(deps.authority),
    authorityId: deps.authority.id,
    members: read.staff,
    refreshedAt: deps.clock().toISOString(),
    version,
  };
  try {
    if (stored === undefined) await deps.store.create(doc);
    else await deps.store.replace({ ...doc, etag: stored.etag }, stored.etag ?? "");
  } catch (err) {
    // Another instance refreshed at the same moment: theirs stands.
    if (isStoreError(err, "Conflict") || isStoreError(err, "PreconditionFailed")) {
      return { ok: false, code: "Raced", kept: before.length };
    }
    throw err;
  }
  applyStaffList(deps.authority, { ...doc });
  for (const change of changes) {
    const { action, person, ...detail } = change;
    await audit(deps, {
      actor: "system",
      action,
      target: { type: "person", id: person },
      detail: { ...detail, trigger },
    });
  }
  await audit(deps, {
    actor: "system",
    action: "staff.refreshed",
    target: { type: "staff-list", id: doc.id },
    detail: {
      trigger,
      people: read.staff.length,
      changes: changes.length,
      withoutMailbox: read.withoutMailbox.length,
      version,
    },
  });
  deps.logger.info(
    { trigger, people: read.staff.length, changes: changes.length, version },
    "staff list refreshed from the directory",
  );
  return {
    ok: true,
    people: read.staff.length,
    changes,
    withoutMailbox: read.withoutMailbox.length,
    version,
  };
}

async function failed(
  deps: WorkflowDeps,
  trigger: RefreshTrigger,
  code: string,
  kept: number,
): Promise<RefreshOutcome> {
  await audit(deps, {
    actor: "system",
    action: "staff.refresh-failed",
    target: { type: "staff-list", id: staffListId(deps.authority) },
    detail: { trigger, code, kept },
  });
  deps.logger.error({ trigger, code, kept }, "staff refresh failed; the last good list is kept");
  const day = deps.clock().toISOString().slice(0, 10);
  await alertServiceOwners(deps, {
    id: `alert:staff-refresh:${day}:${code}`,
    kind: "alert.staff-refresh-failed",
    subject: "the staff list could not be refreshed from Entra ID",
    lines: [
      "Convene could not read the council's staff groups from Entra ID today.",
      `It keeps using the last good list (${kept} people) until a refresh works.`,
      "Joiners, leavers and changes of manager since then are not in Convene yet.",
      "The reason is in Convene's audit trail and logs.",
    ],
  });
  return { ok: false, code, kept };
}

/** A role that had people and whose group now has nobody: far likelier a fault than a fact. */
function emptiedRole(
  groups: StaffGroups,
  before: readonly StaffMember[],
  after: readonly StaffMember[],
): string | undefined {
  for (const [key, role] of Object.entries(GROUP_ROLES) as [keyof StaffGroups, string][]) {
    if (groups[key] === undefined) continue;
    const had = before.some((s) => (s.roles as string[]).includes(role));
    const has = after.some((s) => (s.roles as string[]).includes(role));
    if (had && !has) return key;
  }
  return undefined;
}
