import { serviceOwnersOf } from "./authority";
import type { WorkflowDeps } from "./deps";
import { sendEmailsOnce } from "./email-once";

/**
 * Tells the service owners that Convene needs them (a staff refresh that
 * failed, someone who cannot be reached in Teams). By email from the
 * organiser mailbox: Teams may be the very thing that is not working. Sent
 * once per `id` and owner. Plain words; never a child's name.
 *
 * The one place service owners are alerted from, so that a fuller alerting
 * route (an operations mailbox, the admin alerts) can replace it in one go.
 */
export async function alertServiceOwners(
  deps: WorkflowDeps,
  alert: { id: string; kind: string; subject: string; lines: string[] },
): Promise<{ told: number }> {
  const owners = serviceOwnersOf(deps.authority);
  if (owners.length === 0) {
    deps.logger.error({ alert: alert.kind, id: alert.id }, "no service owner to tell");
    return { told: 0 };
  }
  await sendEmailsOnce(
    deps,
    deps.authority.organizer,
    owners.map((owner) => ({
      kind: alert.kind,
      email: {
        id: `${alert.id}:${owner.entraObjectId}`,
        to: { email: owner.email, name: owner.name },
        subject: `Convene: ${alert.subject}`,
        bodyText: [`Dear ${owner.name},`, "", ...alert.lines].join("\n"),
      },
    })),
  );
  return { told: owners.length };
}
