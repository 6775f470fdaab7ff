import { type Logger } from "../ports/logger";
import type { AddressInfo } from "node:net";
import type { CloudAdapter } from "botbuilder";
import restify from "restify";
import { withAfterResponse } from "./after-response";
import type { ConveneBot } from "./convene-bot";
import type { DemoRoute } from "./demo-routes";
import { errorCode } from "./errors";
import { CASES_PREFIX, OPENAPI_PATH, type PlainAnswer, type PlainRequest } from "./case-api/routes";

export const MESSAGES_PATH = "/api/messages";

/**
 * A webhook outside the Bot Framework (Graph change notifications): it gets
 * the query and the parsed body and answers with a status, a content type
 * and a body. Its own authentication is its business (Graph's clientState).
 */
export interface ApiRoute {
  method: "POST";
  /** Must start with /api/ and must not be /api/messages. */
  path: string;
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
  bot: ConveneBot;
  logger: Logger;
  demoRoutes: readonly DemoRoute[];
  apiRoutes?: readonly ApiRoute[];
}

export interface RunningServer {
  port: number;
  close(): Promise<void>;
}

/**
 * The bot's HTTP face: POST /api/messages (authenticated by CloudAdapter
 * when credentials are configured), GET /api/health for the platform's
 * health probe, and the demo routes when allowed (demo-routes.ts).
 */
export function createHttpServer(deps: HttpServerDeps): restify.Server {
  const server = restify.createServer({ name: "convene" });
  // Teams activities with a card are under ~80 KB; anything far larger is not Teams.
  // The case API reads its own body (256 KB, JSON only, after the token is checked).
  for (const parse of restify.plugins.bodyParser({ maxBodySize: 1024 * 1024, mapParams: false })) {
    server.use((req, res, next) =>
      (req.path() ?? "").startsWith(CASES_PREFIX) ? next() : parse(req, res, next),
    );
  }

  if (deps.caseApi !== undefined) {
    const caseApi = deps.caseApi;
    const handler = async (req: restify.Request, res: restify.Response): Promise<void> => {
      try {
        const answer = await caseApi({
          method: req.method ?? "GET",
          url: req.url ?? "/",
          headers: req.headers,
          body: req,
        });
        for (const [k, v] of Object.entries(answer.headers)) res.setHeader(k, v);
        res.sendRaw(answer.status, answer.body);
      } catch (err) {
        deps.logger.error({ path: "case-api", code: errorCode(err) }, "case api failed");
        res.send(500, { code: errorCode(err) });
      }
    };
    server.get(OPENAPI_PATH, handler);
    server.put(`${CASES_PREFIX}*`, handler);
    server.post(`${CASES_PREFIX}*`, handler);
  }

  server.post(MESSAGES_PATH, async (req: restify.Request, res: restify.Response) => {
    const afterResponse: Array<() => void> = [];
    await deps.adapter.process(req, res, (context) => {
      withAfterResponse(context, afterResponse);
      return deps.bot.run(context);
    });
    for (const task of afterResponse) task();
  });

  server.get("/api/health", async (_req: restify.Request, res: restify.Response) => {
    res.send(200, { status: "ok" });
  });

  for (const route of deps.apiRoutes ?? []) {
    if (!route.path.startsWith("/api/") || route.path === MESSAGES_PATH) {
      throw new Error(`api route ${route.path} must be under /api/ and not ${MESSAGES_PATH}`);
    }
    server.post(route.path, async (req: restify.Request, res: restify.Response) => {
      try {
        const query: Record<string, string | undefined> = {};
        for (const [k, v] of new URL(req.url ?? "/", "http://localhost").searchParams) query[k] = v;
        const answer = await route.handle({ query, body: req.body as unknown });
        res.setHeader("content-type", answer.contentType);
        res.sendRaw(answer.status, answer.body);
      } catch (err) {
        deps.logger.error({ path: route.path, code: errorCode(err) }, "api route failed");
        res.send(500, { code: errorCode(err) });
      }
    });
  }

  for (const route of deps.demoRoutes) {
    const handler = async (req: restify.Request, res: restify.Response): Promise<void> => {
      try {
        const answer = await route.handle(req.body as unknown);
        res.send(answer.status, answer.body ?? {});
      } catch (err) {
        deps.logger.error({ path: route.path, code: errorCode(err) }, "demo route failed");
        res.send(500, { code: errorCode(err) });
      }
    };
    if (route.method === "GET") server.get(route.path, handler);
    else server.post(route.path, handler);
  }
  return server;
}

export function listen(
  server: restify.Server,
  port: number,
  host?: string,
): Promise<RunningServer> {
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
            const cut = setTimeout(() => server.server.closeAllConnections(), 3000);
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
