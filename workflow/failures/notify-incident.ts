import type { Incident, PersonRef, Task } from "../../model";
import { INCIDENTS_PK } from "../../model";
import type { TaskContext, TaskResult } from "../../ports/tasks";
import { PermanentTaskError } from "../../ports/task-errors";
import { formatHumanInstant } from "../../rules";
import { buildNeedsAttentionCard } from "../../cards/needs-attention/build";
import type { AttentionItem } from "../../cards/needs-attention/view-model";
import * as cards from "../kernel/cards";
import type { WorkflowDeps } from "../kernel/deps";
import { sendCardOnce } from "../kernel/notify";
import { sendOperationsEmail } from "./operations-email";
import { NOTIFY_INCIDENT } from "../kernel/incidents";
import { blockedWork, whatFailed, whyInWords } from "./words";

const LISTED = 10;

/** Where an incident happened, in words: the case reference and the conference's date. */
async function whereOf(
  deps: WorkflowDeps,
  incident: Incident,
): Promise<{ where: string; ref?: string }> {
  if (incident.caseId === undefined) {
    return {
      where: incident.recordType !== undefined ? `a stored ${incident.recordType}` : "the service",
    };
  }
  const kase = await deps.store
    .get("case", incident.caseId, incident.caseId)
    .catch(() => undefined);
  const ref = kase?.reference ?? incident.caseId.replace(/^case-/, "");
  const meeting =
    incident.meetingId !== undefined
      ? await deps.store.get("meeting", incident.meetingId, incident.caseId).catch(() => undefined)
      : undefined;
  const when =
    meeting?.start !== undefined
      ? `, conference ${formatHumanInstant(Date.parse(meeting.start))}`
      : "";
  return { where: `Case ${ref}${when}`, ref };
}

export async function attentionItem(
  deps: WorkflowDeps,
  incident: Incident,
): Promise<AttentionItem> {
  const { where } = await whereOf(deps, incident);
  return {
    incidentId: incident.id,
    what: whatFailed(incident),
    where,
    why: whyInWords(incident),
    when: formatHumanInstant(Date.parse(incident.raisedAt)),
    canRetry: incident.kind === "task-failed",
  };
}

/** Open incidents, newest first. */
export async function openIncidents(deps: Pick<WorkflowDeps, "store">): Promise<Incident[]> {
  const all = await deps.store.listAll("incident");
  return all.items
    .filter((i) => i.status === "open")
    .sort((a, b) => (a.raisedAt < b.raisedAt ? 1 : a.raisedAt > b.raisedAt ? -1 : 0));
}

/**
 * failure.notify: tells everyone an incident concerns, each once (the ids
 * are keyed by the incident and the recipient):
 * 1. each service owner: the "needs attention" card (what, for which
 *    meeting, why, Retry and Mark handled; what else is open);
 * 2. the operations mailbox: the same in an email;
 * 3. the person whose work it blocks (the case's social worker), in plain words.
 */
export async function notifyIncident(
  deps: WorkflowDeps,
  task: Task,
  _ctx: TaskContext,
): Promise<TaskResult> {
  const incidentId = task.id.slice(0, -(NOTIFY_INCIDENT.length + 1));
  const incident = await deps.store.get("incident", incidentId, INCIDENTS_PK);
  if (incident === undefined) throw new PermanentTaskError("NotFound", "incident not found");
  const { serviceOwners, operationsMailbox } = deps.authority;
  if (serviceOwners.length === 0 && operationsMailbox === undefined) {
    // Only outside production (start-up refuses this there): nobody to tell but the log.
    deps.logger.error({ incidentId }, "no service owners or operations mailbox configured");
    return { told: 0 };
  }
  const latest = await attentionItem(deps, incident);
  const others = (await openIncidents(deps)).filter((i) => i.id !== incident.id);
  const open = await Promise.all(others.slice(0, LISTED).map((i) => attentionItem(deps, i)));
  const card = buildNeedsAttentionCard({ latest, open, more: Math.max(0, others.length - LISTED) });
  let told = 0;
  for (const owner of serviceOwners) {
    await sendCardOnce(deps, {
      id: `${incident.id}:needs-attention:${owner.entraObjectId}`,
      kind: "needs-attention",
      recipient: owner,
      card,
      preview: `Convene could not finish something: ${latest.what.toLowerCase()}`,
      ...(incident.caseId !== undefined ? { caseId: incident.caseId } : {}),
      ...(incident.meetingId !== undefined ? { meetingId: incident.meetingId } : {}),
    });
    told += 1;
  }
  if (await sendOperationsEmail(deps, incident, latest, others.length)) told += 1;
  told += await tellBlockedPerson(deps, incident, latest);
  return { told };
}

async function tellBlockedPerson(
  deps: WorkflowDeps,
  incident: Incident,
  item: AttentionItem,
): Promise<number> {
  if (incident.kind !== "task-failed" || incident.caseId === undefined) return 0;
  const kase = await deps.store
    .get("case", incident.caseId, incident.caseId)
    .catch(() => undefined);
  if (kase === undefined) return 0;
  const words = blockedWork(incident.taskType, kase.reference);
  if (words === undefined) return 0;
  const sw: PersonRef = kase.socialWorker;
  await sendCardOnce(deps, {
    id: `${incident.id}:blocked:${sw.entraObjectId}`,
    kind: "failure-notice",
    recipient: sw,
    card: cards.done({
      title: "Not sent yet",
      message: `${words}: Convene could not send it. The team that runs Convene has been told and is putting it right. If it cannot wait, please do it by hand and tell the conference clerks.`,
      facts: [{ title: "Noticed", value: item.when }],
      caseReference: kase.reference,
    }),
    preview: `Not sent yet for case ${kase.reference}`,
    caseId: kase.id,
    ...(incident.meetingId !== undefined ? { meetingId: incident.meetingId } : {}),
  });
  return 1;
}

/** What the held operations email says when it is tried again. */
export async function describeIncident(
  deps: WorkflowDeps,
  incident: Incident,
): Promise<{ item: AttentionItem; othersOpen: number }> {
  const item = await attentionItem(deps, incident);
  const othersOpen = (await openIncidents(deps)).filter((i) => i.id !== incident.id).length;
  return { item, othersOpen };
}
