/**
 * A local HTTP(S) server for tests, on 127.0.0.1 and a free port: fixture APIs, recorders and
 * endpoints that answer what a test needs.
 */
import { createServer, type RequestListener, type Server } from 'node:http';
import { Server as HttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';

export interface LocalServer {
  /** `http://127.0.0.1:<port>` (`https://` for a TLS server), without a trailing slash. */
  url: string;
  port: number;
  /** Stops listening and ends the connections still open. */
  close(): Promise<void>;
}

/** Starts `server` listening on 127.0.0.1 and a free port. */
export async function listenLocally(server: Server | HttpsServer): Promise<LocalServer> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const scheme = server instanceof HttpsServer ? 'https' : 'http';
  return {
    url: `${scheme}://127.0.0.1:${port}`,
    port,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** An HTTP server on 127.0.0.1 answering with `handler`. */
export async function startLocalServer(
  handler: RequestListener,
): Promise<LocalServer & { server: Server }> {
  const server = createServer(handler);
  return { ...(await listenLocally(server)), server };
}

/** A port nothing listens on now: a server is started on a free port and closed again. */
export async function freePort(): Promise<number> {
  const server = await listenLocally(createServer());
  await server.close();
  return server.port;
}
