import http from "node:http";
import net from "node:net";
import type { AddressInfo } from "node:net";

/**
 * A small forward proxy on loopback that only tunnels (HTTP CONNECT, as a
 * corporate egress proxy does for HTTPS), recording each target it was
 * asked for. Plain requests are refused with 405: nothing reaches Graph
 * through it except a tunnel.
 */
export interface ConnectProxy {
  url: string;
  /** host:port of every CONNECT, in order. */
  tunnels: string[];
  close(): Promise<void>;
}

export async function startConnectProxy(): Promise<ConnectProxy> {
  const tunnels: string[] = [];
  const sockets = new Set<net.Socket>();
  const server = http.createServer((_request, response) => {
    response.writeHead(405).end();
  });
  server.on("connect", (request: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    const target = request.url ?? "";
    tunnels.push(target);
    const [host, port] = target.split(":");
    const upstream = net.connect(Number(port), host ?? "", () => {
      client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(client).add(upstream);
    const drop = (): void => {
      client.destroy();
      upstream.destroy();
    };
    upstream.on("error", () => {
      client.end("HTTP/1.1 502 Bad Gateway\r\n\r\n");
      drop();
    });
    client.on("error", drop);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    tunnels,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
