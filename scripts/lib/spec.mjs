// Reads the APIs declared in redocly.yaml and bundles their OpenAPI documents into plain objects.
// Shared by the generator and the contract tests, so both see the same spec the same way.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundle, loadConfig } from '@redocly/openapi-core';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The `apis:` entries of redocly.yaml, with absolute paths. */
export async function loadApis() {
  const configPath = path.join(repoRoot, 'redocly.yaml');
  const config = await loadConfig({ configPath });
  return Object.entries(config.apis).map(([name, api]) => ({
    name,
    root: path.resolve(repoRoot, api.root),
    typesOutput: api['x-openapi-ts']?.output && path.resolve(repoRoot, api['x-openapi-ts'].output),
    validatorsOutput: api['x-validators']?.output && path.resolve(repoRoot, api['x-validators'].output),
    config,
  }));
}

/** The spec at `root`, every external $ref inlined, internal ones kept, as a plain object. */
export async function bundleSpec(root, config) {
  const result = await bundle({ ref: root, config: config ?? (await loadConfig()) });
  const problems = result.problems.filter((p) => p.severity === 'error');
  if (problems.length > 0) {
    throw new Error(`Cannot bundle ${root}: ${problems.map((p) => p.message).join('; ')}`);
  }
  return result.bundle.parsed;
}
