// `npm run docs`: writes the API reference, docs/api.html, from openapi/openapi.yaml: one self-contained file
// that renders from disk (file://) or over http with no network at all.
//   node scripts/docs.mjs [--out FILE] [--spec FILE]
// Built by @redocly/cli's `build-docs --inlineBundle` (Redoc's scripts inlined, no CDN), with two things the page
// would otherwise fetch from the network taken out:
//   - usage telemetry: REDOCLY_TELEMETRY=off makes the CLI write `disableTelemetry: true` into the page (and keeps
//     the CLI itself from reporting);
//   - the "API docs by Redocly" logo, loaded from Redocly's CDN: replaced by an empty inline image (the page hides
//     an image that does not load).
// tests/scripts/docs-browser.test.ts opens the result in headless Chromium, both ways, with every host
// unresolvable, and checks every operation and webhook event shows.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: { out: { type: 'string' }, spec: { type: 'string' } },
});
const out = path.resolve(values.out ?? path.join(repoRoot, 'docs', 'api.html'));
const spec = path.resolve(values.spec ?? path.join(repoRoot, 'openapi', 'openapi.yaml'));

/** Remote images the Redoc bundle loads on its own, and what replaces them. */
const REMOTE_ASSETS = [/https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini(?:-full)?\.svg/g];
const EMPTY_IMAGE = 'data:,';

mkdirSync(path.dirname(out), { recursive: true });
const cli = path.join(repoRoot, 'node_modules', '@redocly', 'cli', 'bin', 'cli.js');
const build = spawnSync(process.execPath, [cli, 'build-docs', spec, '--inlineBundle', '--output', out], {
  cwd: repoRoot,
  encoding: 'utf8',
  env: { ...process.env, REDOCLY_TELEMETRY: 'off' },
});
if (build.status !== 0) {
  process.stderr.write(build.stdout + build.stderr);
  process.stderr.write(`\nredocly build-docs failed (exit ${build.status ?? build.signal}); ${out} not written\n`);
  process.exit(1);
}

let html = readFileSync(out, 'utf8');
if (!html.includes('"disableTelemetry":true')) {
  process.stderr.write(`${out}: the page does not disable Redoc's telemetry; the build must be checked\n`);
  process.exit(1);
}
for (const pattern of REMOTE_ASSETS) html = html.replace(pattern, EMPTY_IMAGE);
writeFileSync(out, html);
const shown = path.relative(process.cwd(), out) || out;
console.log(
  `API reference written to ${shown} (${Math.round(html.length / 1024)} KiB); open it in a browser, no server needed`,
);
