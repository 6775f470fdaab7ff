import { z } from "zod";
import type { AppInstaller, InstallOutcome } from "../ports/app-installer";
import type { GraphCaller } from "./graph-caller";

/**
 * Installs Convene for a user in Teams (personal scope) and finds the 1:1
 * chat with its bot, so a card can reach someone who never opened Convene
 * (application permission TeamsAppInstallation.ReadWriteSelfForUser.All:
 * graph/permissions.ts).
 *
 * - POST /users/{id}/teamwork/installedApps with `teamsApp@odata.bind` to
 *   the app's catalog id: 201
 *   (https://learn.microsoft.com/en-us/graph/api/userteamwork-post-installedapps);
 *   already installed: 409, which is fine: the installation is found below.
 *   Blocked by an app permission policy, or Convene not granted the
 *   permission: 403; the app not in the catalog or the user unknown: 404.
 * - GET …/installedApps?$expand=teamsApp&$filter=teamsApp/id eq '{app}'
 *   (https://learn.microsoft.com/en-us/graph/api/userteamwork-list-installedapps)
 *   then GET …/installedApps/{installation}/chat: the chat id
 *   (https://learn.microsoft.com/en-us/graph/api/userscopeteamsappinstallation-get-chat).
 *   Microsoft's proactive-install guide uses that chat id as the
 *   conversation id for the first proactive message
 *   (https://learn.microsoft.com/en-us/microsoftteams/platform/graph-api/proactive-bots-and-messages/graph-proactive-bots-and-messages).
 */
const ListSchema = z.object({ value: z.array(z.object({ id: z.string().min(1) })) });
const ChatSchema = z.object({ id: z.string().min(1) });

export class GraphAppInstaller implements AppInstaller {
  constructor(
    private readonly caller: GraphCaller,
    /** The app's id in the tenant's Teams app catalog (not the manifest id). */
    private readonly catalogAppId: string,
  ) {}

  async installFor(userObjectId: string): Promise<InstallOutcome> {
    // One attempt for the install: a POST is not safe to repeat blindly, and
    // a lost answer is settled by the look-up below (409 on a retry is fine).
    const posted = await this.caller.attempt({
      op: "teamsApp.install",
      method: "POST",
      path: installedAppsUrl(userObjectId),
      body: {
        "teamsApp@odata.bind": `https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/${this.catalogAppId}`,
      },
    });
    const status = posted.answer?.status;
    let already = false;
    if (status === 409) already = true;
    else if (status === 403) {
      // Teams answers 403 both for an app permission policy and for a
      // permission Convene lacks; both are refusals retrying cannot fix. The
      // message tells them apart for the service owners (Microsoft documents
      // no error codes for this call).
      const message = JSON.stringify(posted.answer?.body ?? "");
      const permission = !/polic/i.test(message);
      return { kind: "refused", reason: permission ? "permission" : "policy", httpStatus: 403 };
    } else if (status === 404) {
      return { kind: "refused", reason: "not-in-catalog", httpStatus: 404 };
    } else if (posted.outcome !== "done" && !posted.inDoubt) {
      return { kind: "failed", ...(status !== undefined ? { httpStatus: status } : {}) };
    }
    try {
      const filter = encodeURIComponent(`teamsApp/id eq '${this.catalogAppId}'`);
      const listed = await this.caller.call({
        op: "teamsApp.list",
        method: "GET",
        path: `${installedAppsUrl(userObjectId)}?$expand=teamsApp&$filter=${filter}`,
      });
      const installation = this.caller.parse(
        { op: "teamsApp.list", method: "GET", path: installedAppsUrl(userObjectId) },
        ListSchema,
        listed,
      ).value[0];
      if (installation === undefined) {
        return { kind: "failed", ...(status !== undefined ? { httpStatus: status } : {}) };
      }
      const chatAnswer = await this.caller.call({
        op: "teamsApp.chat",
        method: "GET",
        path: installationChatUrl(userObjectId, installation.id),
      });
      const chat = this.caller.parse(
        {
          op: "teamsApp.chat",
          method: "GET",
          path: installationChatUrl(userObjectId, installation.id),
        },
        ChatSchema,
        chatAnswer,
      );
      return { kind: "installed", chatId: chat.id, alreadyInstalled: already };
    } catch (err) {
      const httpStatus = (err as { httpStatus?: unknown }).httpStatus;
      return { kind: "failed", ...(typeof httpStatus === "number" ? { httpStatus } : {}) };
    }
  }
}

/** A user's Teams app installations (the permissions table's `installedApps` rows). */
function installedAppsUrl(userObjectId: string): string {
  return `/users/${encodeURIComponent(userObjectId)}/teamwork/installedApps`;
}

/** The chat between a user and an installed app. */
function installationChatUrl(userObjectId: string, installationId: string): string {
  return `/users/${encodeURIComponent(userObjectId)}/teamwork/installedApps/${encodeURIComponent(installationId)}/chat`;
}
