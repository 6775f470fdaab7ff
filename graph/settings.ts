import type { ProxySettings } from "./http/proxy";

export type { ProxySettings };

/** What the Graph adapter needs: the app reads it from the environment (app/config.ts). */
export type GraphCredential =
  | { kind: "secret"; clientSecret: string }
  | { kind: "certificate"; certificatePath: string }
  | { kind: "managed-identity" };

export type CalendarConfig =
  | {
      kind: "graph";
      tenantId: string;
      clientId: string;
      credential: GraphCredential;
      baseUrl: string;
      organizer: string;
      /** Absent: Entra ID's public cloud. */
      authorityHost?: string;
      /** HTTPS_PROXY and NO_PROXY, when the council's network sends egress through a proxy. */
      proxy?: ProxySettings;
    }
  | { kind: "outbox"; dir: string; organizer: string };
