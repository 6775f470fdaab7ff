import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Activity, CloudAdapter, ConfigurationBotFrameworkAuthentication } from "botbuilder";
import express, { type NextFunction, type Request, type Response } from "express";
import type { Logger } from "../ports/logger";
import { withAfterResponse } from "./after-response";
import { cleanActivity } from "./clean-text";
import type { ConveneBot } from "./convene-bot";
import type { DemoRoute } from "./demo-routes";
import { errorCode } from "./errors";
import { answerReadiness, type Readiness } from "./readiness";
import { tenantOf } from "./tenant";
import { CASES_PREFIX, OPENAPI_PATH, type PlainAnswer, type PlainRequest } from "./case-api/routes";

export const MESSAGES_PATH = "/api/messages";
export const HEALTH_PATH = "/api/health";
export const READY_PATH = "/api/ready";

/**
 * Teams activities with a card are under ~80 KB and Graph's change
 * notifications a few KB; anything far larger is not them. Routes added
 * later set their own limit.
 */
export const DEFAULT_BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * A webhook outside the Bot Framework (Graph change notifications): it gets
 * the query and the parsed JSON body and answers with a status, a content
 * type and a body. Its own authentication is its business (Graph's clientState).
 */
export interface ApiRoute {
  method: "POST";
  /** Must start with /api/ and must not be /api/messages. */
  path: string;
  /** Largest JSON body taken, in bytes; default DEFAULT_BODY_LIMIT_BYTES. */
  bodyLimitBytes?: number;
  /**
   * Graph checks a subscription's notificationUrl with a POST carrying
   * `?validationToken=…` (text/plain, no JSON) and wants the token echoed
   * as text/plain within 10 seconds:
   * https://learn.microsoft.com/en-us/graph/change-notifications-delivery-webhooks#notificationurl-validation
   * Such a route is called with that query and no body, whatever the body's type.
   */
  answersValidationToken?: boolean;
  handle(request: { query: Record<string, string | undefined>; body: unknown }): Promise<{
    status: number;
    contentType: "text/plain" | "application/json";
    body: string;
  }>;
}

export interface HttpServerDeps {
  /** The case system's API (bot/case-api/routes.ts): reads its own body, with its own limit. */
  caseApi?: (req: PlainRequest) => Promise<PlainAnswer>;
  adapter: CloudAdapter;
  /** The same authentication the adapter uses: checked first, so any failure is a 401. */
  authentication: ConfigurationBotFrameworkAuthentication;
  bot: ConveneBot;
  logger: Logger;
  demoRoutes: readonly DemoRoute[];
  apiRoutes?: readonly ApiRoute[];
  /** The council's Entra tenant: activities from any other are refused. Absent: a local run. */
  councilTenantId?: string;
  readiness?: Readiness;
}

export type HttpApp = ReturnType<typeof express>;

export interface RunningServer {
  port: number;
  close(): Promise<void>;
}

function queryOf(req: Request): Record<string, string | undefined> {
  const query: Record<string, string | undefined> = {};
  for (const [k, v] of new URL(req.originalUrl, "http://localhost").searchParams) query[k] = v;
  return query;
}

/**
 * JSON only, up to `limitBytes`. No multipart parser is mounted anywhere,
 * so no upload is ever written to disk; a body of another type is refused
 * (415) before a byte of it is read.
 */
function jsonOnly(limitBytes: number): express.RequestHandler[] {
  const refuseOtherTypes: express.RequestHandler = (req, res, next) => {
    // false: a body of another type; null: no body at all (left to the route).
    if (req.is("application/json") === false) {
      res.status(415).json({ error: "send application/json" });
      return;
    }
    next();
  };
  return [refuseOtherTypes, express.json({ limit: limitBytes, strict: true })];
}

/** body-parser's errors carry the status to answer (400 bad JSON, 413 too large, 415 charset). */
function bodyErrorHandler(logger: Logger) {
  return (err: unknown, req: Request, res: Response, next: NextFunction): void => {
    if (res.headersSent) {
      next(err);
      return;
    }
    const status = (err as { status?: unknown }).status;
    if (typeof status === "number" && status >= 400 && status < 500) {
      const message =
        status === 413 ? "request body too large" : status === 400 ? "malformed JSON" : "refused";
      logger.warn({ path: req.path, status, code: errorCode(err) }, "http request refused");
      res.status(status).json({ error: message });
      return;
    }
    logger.error({ path: req.path, code: errorCode(err) }, "http request failed");
    res.status(500).json({ code: errorCode(err) });
  };
}

/**
 * The bot's HTTP face (express 5):
 * - POST /api/messages: JSON up to 1 MB; the Bot Framework token checked
 *   first (every failure is 401, never 500), then, in production, the
 *   activity's tenant (another tenant's activity is refused before
 *   anything is stored), then names cleaned, then CloudAdapter;
 * - GET /api/health: the process answers (the platform's liveness probe);
 * - GET /api/ready: the store, Graph and the scheduler (readiness.ts);
 * - the webhooks (apiRoutes) and, when allowed, the demo routes.
 */
export function createHttpServer(deps: HttpServerDeps): HttpApp {
  const { logger } = deps;
  const app = express();
  app.disable("x-powered-by");
  app.set("query parser", "simple");
  app.use((_req, res, next) => {
    res.setHeader("x-content-type-options", "nosniff");
    next();
  });

  app.post(MESSAGES_PATH, ...jsonOnly(DEFAULT_BODY_LIMIT_BYTES), async (req, res) => {
    const activity = req.body as unknown;
    if (typeof activity !== "object" || activity === null || Array.isArray(activity)) {
      res.status(400).json({ error: "send one activity as a JSON object" });
      return;
    }
    try {
      await deps.authentication.authenticateRequest(
        activity as Activity,
        req.headers.authorization ?? "",
      );
    } catch (err) {
      // jsonwebtoken's errors (bad signature, nbf, algorithm) are not
      // AuthenticationErrors, so CloudAdapter alone would answer 500 with
      // their text. Whatever the reason, the caller is not authenticated.
      logger.warn({ code: errorCode(err) }, "activity refused: not authenticated");
      res.status(401).json({ error: "unauthorized" });
      return;
    }
    if (deps.councilTenantId !== undefined) {
      const tenant = tenantOf(activity);
      if (tenant !== deps.councilTenantId) {
        logger.warn({ tenantId: tenant ?? "none" }, "activity refused: not the council's tenant");
        res.status(403).json({ error: "this bot serves one organisation only" });
        return;
      }
    }
    cleanActivity(activity as Record<string, unknown>);
    const afterResponse: Array<() => void> = [];
    await deps.adapter.process(req, res, (context) => {
      withAfterResponse(context, afterResponse);
      return deps.bot.run(context);
    });
    for (const task of afterResponse) task();
  });

  // The case system's API reads its own body (256 KB, JSON only, after the
  // token is checked: bot/case-api/routes.ts), so no parser runs before it.
  if (deps.caseApi !== undefined) {
    const caseApi = deps.caseApi;
    const handler = async (req: Request, res: Response): Promise<void> => {
      try {
        const answer = await caseApi({
          method: req.method,
          url: req.originalUrl,
          headers: req.headers,
          body: req,
        });
        for (const [k, v] of Object.entries(answer.headers)) res.setHeader(k, v);
        res.status(answer.status).send(answer.body);
      } catch (err) {
        logger.error({ path: "case-api", code: errorCode(err) }, "case api failed");
        res.status(500).json({ code: errorCode(err) });
      }
    };
    app.get(OPENAPI_PATH, handler);
    app.use(CASES_PREFIX, (req, res, next) => {
      if (req.method !== "PUT" && req.method !== "POST") {
        next();
        return;
      }
      void handler(req, res);
    });
  }

  app.get(HEALTH_PATH, (_req, res) => {
    res.status(200).json({ status: "alive" });
  });

  app.get(READY_PATH, async (_req, res) => {
    const answer = await answerReadiness(deps.readiness, logger);
    res.status(answer.status).json(answer.body);
  });

  for (const route of deps.apiRoutes ?? []) {
    if (!route.path.startsWith("/api/") || route.path === MESSAGES_PATH) {
      throw new Error(`api route ${route.path} must be under /api/ and not ${MESSAGES_PATH}`);
    }
    const answer = async (req: Request, res: Response, body: unknown): Promise<void> => {
      try {
        const result = await route.handle({ query: queryOf(req), body });
        res.status(result.status).type(result.contentType).send(result.body);
      } catch (err) {
        logger.error({ path: route.path, code: errorCode(err) }, "api route failed");
        res.status(500).json({ code: errorCode(err) });
      }
    };
    if (route.answersValidationToken === true) {
      app.post(route.path, (req, res, next) => {
        if (typeof queryOf(req).validationToken !== "string") {
          next();
          return;
        }
        // Graph's validation request: its body (if any) is never read.
        void answer(req, res, undefined);
      });
    }
    app.post(
      route.path,
      ...jsonOnly(route.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES),
      (req, res) => answer(req, res, req.body as unknown),
    );
  }

  for (const route of deps.demoRoutes) {
    const handler = async (req: Request, res: Response): Promise<void> => {
      try {
        const answer = await route.handle(req.body as unknown);
        res.status(answer.status).json(answer.body ?? {});
      } catch (err) {
        logger.error({ path: route.path, code: errorCode(err) }, "demo route failed");
        res.status(500).json({ code: errorCode(err) });
      }
    };
    if (route.method === "GET") app.get(route.path, handler);
    else app.post(route.path, ...jsonOnly(DEFAULT_BODY_LIMIT_BYTES), handler);
  }

  app.use((_req, res) => {
    res.status(404).json({ error: "not found" });
  });
  app.use(bodyErrorHandler(logger));
  return app;
}

export function listen(app: HttpApp, port: number, host?: string): Promise<RunningServer> {
  const server: Server = createServer(app);
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    const done = (): void => {
      server.removeListener("error", reject);
      const address = server.address() as AddressInfo;
      resolve({
        port: address.port,
        close: () =>
          new Promise<void>((closed) => {
            // Node closes idle keep-alive sockets itself; a request still running
            // gets a few seconds to finish before its socket is cut.
            const cut = setTimeout(() => server.closeAllConnections(), 3000);
            server.close(() => {
              clearTimeout(cut);
              closed();
            });
          }),
      });
    };
    if (host !== undefined) server.listen(port, host, done);
    else server.listen(port, done);
  });
}
