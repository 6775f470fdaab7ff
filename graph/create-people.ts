import type { AppInstaller } from "../ports/app-installer";
import type { DirectoryPort } from "../ports/directory";
import { createGraphCaller, type CalendarDeps } from "./create-calendar";
import { GraphDirectory } from "./directory";
import type { CalendarConfig } from "./settings";
import { GraphAppInstaller } from "./teams-app-installer";

/**
 * The directory (staff from Entra ID security groups) and, when the Teams
 * app's catalog id is configured, the installer that reaches people who
 * never opened Convene. Both over the same Graph app registration as the
 * calendar; their own limiter, since Outlook's per-mailbox limit is not theirs.
 */
export function createPeople(
  config: Extract<CalendarConfig, { kind: "graph" }>,
  deps: CalendarDeps,
  options: { teamsCatalogAppId?: string },
): { directory: DirectoryPort; installer?: AppInstaller; close: () => void } {
  const { caller, close } = createGraphCaller(config, deps);
  return {
    directory: new GraphDirectory(caller, config.baseUrl),
    ...(options.teamsCatalogAppId !== undefined
      ? { installer: new GraphAppInstaller(caller, options.teamsCatalogAppId) }
      : {}),
    close,
  };
}
