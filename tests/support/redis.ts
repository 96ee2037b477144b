// A real Redis for the dedupe tests: REDIS_URL if set, else a redis-server spawned on a free port (and stopped
// after). Neither: the tests skip locally, saying so, and fail under CI=true.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { createClient } from 'redis';

export type RedisClient = ReturnType<typeof createClient>;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const hasRedisServer = () => spawnSync('redis-server', ['--version']).status === 0;

/**
 * Why no Redis can be had (undefined when one can): checked when the test file loads, so the tests are reported
 * as skipped. Under CI=true a missing Redis throws instead.
 */
export function redisMissing(): string | undefined {
  if (process.env.REDIS_URL || hasRedisServer()) return undefined;
  const missing = 'no REDIS_URL and no redis-server on the PATH (Debian package redis-server)';
  if (process.env.CI === 'true') throw new Error(`Redis tests cannot run under CI: ${missing}`);
  return missing;
}

/** A running Redis: REDIS_URL's, or a redis-server of our own on a free port. */
export async function startRedis(): Promise<{ url: string; stop: () => Promise<void> }> {
  if (process.env.REDIS_URL) return { url: process.env.REDIS_URL, stop: () => Promise.resolve() };
  const port = await freePort();
  const child: ChildProcess = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  await new Promise<void>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`redis-server did not start: ${out}`)), 10_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`redis-server exited (${code}): ${out}`)));
  });
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export async function connect(url: string): Promise<RedisClient> {
  // Typed as the client, not cast from connect()'s result: relating redis's deep generic types took TypeScript
  // seconds (a fifth of the tests' type check).
  const client: RedisClient = createClient({ url });
  await client.connect();
  return client;
}
