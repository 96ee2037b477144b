// A real node:http server on a port the OS picks, closed after the test.
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export async function listen(
  listener: RequestListener,
): Promise<{ url: string; close: () => Promise<void>; server: Server }> {
  const server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    server,
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Sends a Request built by the testing entry to a real server. */
export async function send(request: Request, base: string, path = '/webhooks/jelou'): Promise<Response> {
  return fetch(`${base}${path}`, { method: request.method, headers: request.headers, body: await request.text() });
}
