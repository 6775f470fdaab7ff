import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { createHttpServer } from "@vercel/cosmosdb-server";

/**
 * Starts @vercel/cosmosdb-server in this process on a free port, over plain
 * HTTP (no self-signed certificate to trust). It keeps everything in memory
 * and starts empty.
 */
export async function startCosmosServer(): Promise<{ server: Server; endpoint: string }> {
  const server = createHttpServer({ keepAlive: true }) as Server;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { server, endpoint: `http://127.0.0.1:${port}` };
}

export async function stopCosmosServer(server: Server | undefined): Promise<void> {
  if (server === undefined) return;
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}
