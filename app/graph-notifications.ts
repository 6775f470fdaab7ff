import type { WorkflowDeps } from "../workflow/kernel/deps";
import { acceptGraphNotifications } from "../workflow/quoracy/graph-notifications";
import {
  notificationsAnswer,
  readGraphNotifications,
  type HttpAnswer,
} from "../graph/notifications";

/** POST /api/graph/notifications: Graph's protocol (graph/), then the workflow's record and refresh. */
export async function receiveGraphNotifications(
  deps: WorkflowDeps,
  clientState: string,
  request: { query: Record<string, string | undefined>; body: unknown },
): Promise<HttpAnswer> {
  const read = readGraphNotifications(clientState, request, deps.logger);
  if ("answer" in read) return read.answer;
  return notificationsAnswer(await acceptGraphNotifications(deps, read.notifications));
}
