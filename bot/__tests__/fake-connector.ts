import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A stand-in for the Bot Connector service (Teams' serviceUrl): records what
 * the bot sends and answers like Teams would, or with a scripted failure.
 */
export interface ConnectorCall {
  method: string;
  path: string;
  body: Record<string, unknown>;
}

export interface ScriptedAnswer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface FakeConnector {
  serviceUrl: string;
  calls: ConnectorCall[];
  /** Answers for the next calls, in order; then 200/201 with a fresh id. */
  script(...answers: ScriptedAnswer[]): void;
  /** Resolves once `n` calls have been received (or rejects after `timeoutMs`). */
  waitForCalls(n: number, timeoutMs?: number): Promise<ConnectorCall[]>;
  close(): Promise<void>;
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  return text === "" ? {} : (JSON.parse(text) as Record<string, unknown>);
}

export async function startFakeConnector(): Promise<FakeConnector> {
  const calls: ConnectorCall[] = [];
  const scripted: ScriptedAnswer[] = [];
  const waiters: Array<() => void> = [];
  let next = 1;
  const server: Server = createServer((req, res) => {
    void readJson(req).then((body) => {
      calls.push({ method: req.method ?? "", path: req.url ?? "", body });
      for (const wake of waiters.splice(0)) wake();
      const answer = scripted.shift();
      if (answer !== undefined) {
        res.writeHead(answer.status, { "content-type": "application/json", ...answer.headers });
        res.end(answer.body === undefined ? "" : JSON.stringify(answer.body));
        return;
      }
      const id = req.method === "PUT" ? (req.url ?? "").split("/").pop() : `msg-${next++}`;
      res.writeHead(req.method === "PUT" ? 200 : 201, { "content-type": "application/json" });
      res.end(JSON.stringify({ id }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    calls,
    script: (...answers) => scripted.push(...answers),
    waitForCalls: async (n, timeoutMs = 5000) => {
      const deadline = Date.now() + timeoutMs;
      while (calls.length < n) {
        if (Date.now() > deadline)
          throw new Error(`expected ${n} connector calls, got ${calls.length}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 50);
        });
      }
      return calls;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
