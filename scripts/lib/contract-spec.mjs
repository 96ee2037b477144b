// The spec a contract run reports on: its operations (for the coverage rows) and its x-jelou-discrepancies.
// openapi/openapi.yaml is one file, and Redocly's bundle of a file whose every $ref points inside it is that file
// parsed: so such a spec is only parsed, with Redocly's YAML parser alone, which is a third of the CPU time of
// loading all of @redocly/openapi-core and bundling (every `npm run contract` pays it). A spec with a $ref to
// another file, or one that does not resolve, is bundled as before: Redocly inlines the one, reports the other.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseYaml } from '@redocly/openapi-core/lib/js-yaml/index.js';

/** The value a local JSON pointer (`#/components/schemas/X`) points at in `root`; undefined when none. */
function pointee(root, ref) {
  return ref
    .slice(2)
    .split('/')
    .map((part) => decodeURIComponent(part).replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((node, key) => (node !== null && typeof node === 'object' ? node[key] : undefined), root);
}

/** True when every $ref of the document points at something inside it. */
function selfContained(root) {
  const pending = [root];
  while (pending.length > 0) {
    const node = pending.pop();
    if (node === null || typeof node !== 'object') continue;
    const ref = node.$ref;
    if (typeof ref === 'string' && (!ref.startsWith('#/') || pointee(root, ref) === undefined)) return false;
    pending.push(...Object.values(node));
  }
  return true;
}

/**
 * The spec at `file` (default: the root of redocly.yaml's API) as a plain object, and that file.
 * @param {string} repoRoot
 * @param {string | undefined} file
 */
export async function readContractSpec(repoRoot, file) {
  const configFile = path.join(repoRoot, 'redocly.yaml');
  const [api] = Object.values(parseYaml(readFileSync(configFile, 'utf8'))?.apis ?? {});
  const root = file ?? path.resolve(repoRoot, api?.root ?? '');
  const parsed = parseYaml(readFileSync(root, 'utf8'));
  if (parsed !== null && typeof parsed === 'object' && selfContained(parsed)) return { spec: parsed, root };
  const { bundleSpec, loadApis } = await import('./spec.mjs');
  const [{ config }] = await loadApis();
  return { spec: await bundleSpec(root, config), root };
}
