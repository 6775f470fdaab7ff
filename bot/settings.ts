/** What the Teams edge needs: the app reads it from the environment (app/config.ts). */
export interface BotConfig {
  port: number;
  /** Absent: a local run without authentication (Agents Playground). */
  appId?: string;
  appPassword?: string;
  appTenantId?: string;
  appType: "SingleTenant" | "MultiTenant" | "UserAssignedMSI";
  demoMode: boolean;
  /** The council's Entra tenant; activities from any other are refused (with an app id). */
  tenantId?: string;
}
