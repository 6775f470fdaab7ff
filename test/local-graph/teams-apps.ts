import { createHash } from "node:crypto";

/** An app in the tenant's Teams app catalog. */
export interface CatalogApp {
  /** The catalog id (appCatalogs/teamsApps/{id}). */
  id: string;
  /** The manifest's id. */
  externalId: string;
  displayName: string;
  /** The bot's Microsoft app id (the app registration's client id, for Convene). */
  botId?: string;
}

/** A userScopeTeamsAppInstallation. */
export interface UserInstallation {
  id: string;
  userId: string;
  teamsAppId: string;
  /** The 1:1 chat between the user and the app's bot. */
  chatId: string;
}

/**
 * Teams apps in the personal scope of users: the tenant's catalog, the
 * app permission policies that block an app (for everyone or for some
 * users), and the installations.
 */
export class TeamsApps {
  readonly catalog = new Map<string, CatalogApp>();
  readonly installations = new Map<string, UserInstallation>();
  /** App id → users it is blocked for by an app permission policy ("everyone": the whole tenant). */
  readonly blocked = new Map<string, Set<string> | "everyone">();

  addToCatalog(app: CatalogApp): CatalogApp {
    this.catalog.set(app.id, app);
    return app;
  }

  /** An app permission policy that blocks `appId` for these users (none given: for everyone). */
  block(appId: string, userIds?: string[]): void {
    if (userIds === undefined) {
      this.blocked.set(appId, "everyone");
      return;
    }
    const current = this.blocked.get(appId);
    if (current === "everyone") return;
    this.blocked.set(appId, new Set([...(current ?? []), ...userIds]));
  }

  isBlocked(appId: string, userId: string): boolean {
    const rule = this.blocked.get(appId);
    return rule === "everyone" || (rule !== undefined && rule.has(userId));
  }

  installationOf(userId: string, appId: string): UserInstallation | undefined {
    for (const i of this.installations.values())
      if (i.userId === userId && i.teamsAppId === appId) return i;
    return undefined;
  }

  /** Installs (tests may seed an installation that is "already there"). */
  install(userId: string, appId: string): UserInstallation {
    const existing = this.installationOf(userId, appId);
    if (existing !== undefined) return existing;
    const app = this.catalog.get(appId);
    const id = Buffer.from(`${userId}##${appId}`).toString("base64url");
    // A bot's 1:1 chat with a user: 19:{user id}_{bot id}@unq.gbl.spaces.
    const botPart = app?.botId ?? createHash("sha256").update(appId).digest("hex").slice(0, 32);
    const installation: UserInstallation = {
      id,
      userId,
      teamsAppId: appId,
      chatId: `19:${userId}_${botPart}@unq.gbl.spaces`,
    };
    this.installations.set(id, installation);
    return installation;
  }

  clear(): void {
    this.catalog.clear();
    this.installations.clear();
    this.blocked.clear();
  }
}
