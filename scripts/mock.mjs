// `npm run mock`: a mock of the API, answered from the spec's examples by Prism, for trying requests by hand.
//   PORT=4010 (default; 0 lets the OS pick) npm run mock [-- extra Prism mock flags]
// The docs' URLs carry a base path (`/jelouapi`, `/platform`: the path of each `servers:` URL of the spec), which
// Prism's mock does not know: a small front on 127.0.0.1:PORT strips it and passes the request to Prism, which
// listens on a loopback port of its own. So `/jelouapi/v1/...`, `/platform/v1/...` and `/v1/...` all work.
// The mock keeps nothing: a PATCH answers from the examples and the next GET is unchanged.
// Stopping: Ctrl-C, or SIGTERM/SIGHUP to the pid it prints (or to npm's): Prism is stopped with it.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseYaml } from '@redocly/openapi-core';
import { onLines } from './lib/on-lines.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const specFile = path.join(repoRoot, 'openapi', 'openapi.yaml');
const DEFAULT_PORT = 4010;
const HOST = '127.0.0.1';
/** How long Prism gets to start, and to stop before it is killed. */
const PRISM_START_TIMEOUT_MS = 30_000;
const PRISM_STOP_GRACE_MS = 3000;
const LISTENING = /Prism is listening on (http:\/\/[^\s]+)/;
const useColor = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;

const port = Number(process.env.PORT ?? DEFAULT_PORT);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number (0 lets the OS pick), not "${process.env.PORT}"`);
  process.exit(2);
}

/** The base paths of the spec's servers (e.g. `/jelouapi`), in the spec's order. */
function basePathsOf(file) {
  const spec = parseYaml(readFileSync(file, 'utf8'));
  const paths = (spec.servers ?? [])
    .map((server) => {
      try {
        return new URL(server.url).pathname.replace(/\/+$/, '');
      } catch {
        return '';
      }
    })
    .filter((p) => p !== '');
  return [...new Set(paths)];
}

/** The request path without a leading base path of the spec's servers. */
function stripBasePath(url, basePaths) {
  for (const base of [...basePaths].sort((a, b) => b.length - a.length)) {
    if (url === base) return '/';
    if (url.startsWith(`${base}/`) || url.startsWith(`${base}?`)) {
      const rest = url.slice(base.length);
      return rest.startsWith('?') ? `/${rest}` : rest;
    }
  }
  return url;
}

const basePaths = basePathsOf(specFile);
/** How often the mock checks that whoever started it (npm, a shell) is still there. */
const PARENT_CHECK_MS = 500;

/** The parent pid of `pid`, from /proc (undefined where there is none, or when the process is gone). */
function parentOf(pid) {
  if (pid === process.pid) return process.ppid;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // pid (comm) state ppid ...: comm may hold spaces and parentheses, so read after the last ')'.
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

// Who started the mock, two levels up: under `npm run mock` the `sh -c` npm runs the script with, and npm.
// When one of them dies, its child is re-parented: the mock sees it and stops (Prism too), whatever signal it was.
const lineage = [];
for (let pid = process.pid; lineage.length < 2; ) {
  const parent = parentOf(pid);
  if (parent === undefined || parent <= 1) break;
  lineage.push([pid, parent]);
  pid = parent;
}
const prismBin = path.join(repoRoot, 'node_modules', '@stoplight', 'prism-cli', 'dist', 'index.js');
// Faker (dynamic examples) loads on first use only, not at every start: see scripts/lib/prism-lazy-faker.cjs.
const lazyFaker = path.join(repoRoot, 'scripts', 'lib', 'prism-lazy-faker.cjs');
const prism = spawn(
  process.execPath,
  ['--require', lazyFaker, prismBin, 'mock', specFile, '-h', HOST, '-p', '0', '--errors', ...process.argv.slice(2)],
  { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: useColor ? '1' : '0' } },
);

let prismOrigin;
let frontOrigin;
let stopping = false;
/** Prism's lines until the front listens, so they can show the front's address rather than Prism's own. */
const held = [];

function stop(code) {
  if (stopping) return;
  stopping = true;
  front.close();
  if (prism.exitCode !== null || prism.signalCode !== null) process.exit(code);
  prism.once('exit', () => process.exit(code));
  prism.kill('SIGTERM');
  setTimeout(() => prism.kill('SIGKILL'), PRISM_STOP_GRACE_MS).unref();
}

for (const [signal, number] of [
  ['SIGINT', 2],
  ['SIGTERM', 15],
  ['SIGHUP', 1],
]) {
  process.on(signal, () => stop(128 + number));
}
prism.once('exit', (code, signal) => {
  if (stopping) return;
  console.error(`Prism stopped (${signal ?? `exit ${code}`}); the mock stops too`);
  stopping = true;
  front.close();
  process.exit(1);
});

/** Prism's lines, with its private origin shown as the front's (the one to call). */
function relay(source, target) {
  onLines(source, (lines) => {
    if (!prismOrigin) {
      const match = LISTENING.exec(lines);
      if (match?.[1]) onPrismReady(match[1].replace(/\/$/, ''));
    }
    if (!frontOrigin) held.push([target, lines]);
    else target.write(lines.split(prismOrigin).join(frontOrigin));
  });
}

const front = http.createServer((req, res) => {
  if (!prismOrigin) {
    res.writeHead(503, { 'content-type': 'text/plain' }).end('the mock is starting\n');
    return;
  }
  // A request through a proxy has an absolute URL: only its path and query matter here.
  const asked = new URL(req.url ?? '/', frontOrigin);
  const target = new URL(stripBasePath(`${asked.pathname}${asked.search}`, basePaths), prismOrigin);
  const upstream = http.request(
    target,
    { method: req.method, headers: { ...req.headers, host: target.host } },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  upstream.on('error', (error) => {
    if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
    res.end(`the mock could not reach Prism: ${error.message}\n`);
  });
  req.pipe(upstream);
});

function onPrismReady(origin) {
  prismOrigin = origin;
  front.listen(port, HOST, () => {
    const address = front.address();
    frontOrigin = `http://${HOST}:${address.port}`;
    for (const [target, lines] of held.splice(0)) target.write(lines.split(prismOrigin).join(frontOrigin));
    const also = basePaths.length > 0 ? ` (also under ${basePaths.join(' and ')})` : '';
    console.log(
      [
        `Mock of ${path.relative(process.cwd(), specFile) || specFile} listening on ${frontOrigin}${also}`,
        `  answers come from the spec's examples; nothing is kept (a PATCH does not change the next GET)`,
        `  try: curl -H 'x-api-key: k' ${frontOrigin}${basePaths[0] ?? ''}/v1/external-support/PROJECT_ID`,
        `  pid ${process.pid} (Prism: pid ${prism.pid}); stop with Ctrl-C or kill ${process.pid}`,
      ].join('\n'),
    );
  });
}

front.on('error', (error) => {
  console.error(`cannot listen on ${HOST}:${port}: ${error.message}`);
  stop(1);
});

// npm does not pass every signal sent to it on to the script it runs (none survives a SIGKILL).
setInterval(() => {
  if (lineage.some(([pid, parent]) => parentOf(pid) !== parent)) stop(129);
}, PARENT_CHECK_MS).unref();

relay(prism.stdout, process.stdout);
relay(prism.stderr, process.stderr);
setTimeout(() => {
  if (!prismOrigin) {
    console.error(`Prism did not start within ${PRISM_START_TIMEOUT_MS / 1000} s`);
    stop(1);
  }
}, PRISM_START_TIMEOUT_MS).unref();
