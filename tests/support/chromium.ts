// Finds Debian's Chromium for the browser tests and decides what happens without it: locally the test skips and
// says so; under CI=true it fails (.ci/run installs the `chromium` package).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Flags for a headless Chromium that reaches nothing but what the test allows. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Every host name is unresolvable; only the loopback address of the test's own server is reachable.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

/** The Chromium executable: CHROMIUM_PATH, else `chromium` on PATH, else undefined. */
export function findChromium(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  try {
    const found = execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim();
    return found || undefined;
  } catch {
    return undefined;
  }
}

/** Under CI=true a missing browser is a failure, not a skip. */
export const BROWSER_REQUIRED = process.env.CI === 'true';
