// A spec file parsed with the project's YAML parser (Redocly's), through a cache of the parsed form keyed by the
// file's exact bytes: jest gives every test file its own module registry, and the contract runner's tests start the
// contract suite a dozen times, so the same 150 kB of YAML was parsed some hundred times per `npm test` (and
// @redocly/openapi-core's whole index loaded each time, for this one function). A changed file has another key.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
// The parser alone: the package's index would load all of Redocly (a quarter of a second per test file).
import { parseYaml } from '@redocly/openapi-core/lib/js-yaml';

const CACHE_DIR = path.resolve(__dirname, '..', '..', 'node_modules', '.cache', 'jelou-spec-yaml');

/** The parsed YAML of `file`, a fresh object on every call (callers may change it). */
export function readSpecYaml(file: string): unknown {
  const text = readFileSync(file, 'utf8');
  const cached = path.join(CACHE_DIR, `${createHash('sha256').update(text).digest('hex')}.json`);
  try {
    return JSON.parse(readFileSync(cached, 'utf8')) as unknown;
  } catch {
    // Not cached yet (or unreadable): parse, and keep the result for the next reader.
  }
  // An OpenAPI document is JSON: every reader gets it through JSON, first or cached alike.
  const json = JSON.stringify(parseYaml(text));
  try {
    mkdirSync(CACHE_DIR, { recursive: true });
    // Written aside and renamed into place, so a reader in another process never sees half a file.
    const partial = `${cached}.${process.pid}.tmp`;
    writeFileSync(partial, json);
    renameSync(partial, cached);
  } catch {
    // A read-only node_modules only costs the next reader a parse.
  }
  return JSON.parse(json) as unknown;
}
