// `npm run lint:spec`: lints openapi/ with the ruleset of redocly.yaml through Redocly's programmatic API
// (@redocly/openapi-core, the library the generator and the contract runner already use), printed in the CLI's
// `stylish` format. Why not `redocly lint`: @redocly/cli 2.77.0 prints a 12-line "Node.js 20 support is ending"
// box on every start under Node 20, unconditionally (no flag, variable or config key turns it off; Node 22 does),
// and it would send usage telemetry unless REDOCLY_TELEMETRY=off. The library prints neither.
// Exit code: 0 when no problem is an error or warning (recommended-strict makes every warning an error), 1 otherwise.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatProblems, getTotals, lint, loadConfig } from '@redocly/openapi-core';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Like the CLI's --max-problems: how many problems are listed (all are counted). */
const MAX_PROBLEMS = 1000;

const config = await loadConfig({ configPath: path.join(repoRoot, 'redocly.yaml') });
const roots = process.argv.length > 2 ? process.argv.slice(2) : Object.values(config.apis).map((api) => api.root);
let failed = false;
for (const root of roots) {
  const ref = path.resolve(repoRoot, root);
  const shown = path.relative(process.cwd(), ref) || ref;
  process.stderr.write(`validating ${shown}...\n`);
  const problems = await lint({ ref, config });
  const totals = getTotals(problems);
  formatProblems(problems, { format: 'stylish', maxProblems: MAX_PROBLEMS, totals, version: 'openapi-core' });
  if (totals.errors > 0 || totals.warnings > 0) {
    failed = true;
    process.stderr.write(`${shown}: ${totals.errors} error(s), ${totals.warnings} warning(s)\n`);
  } else {
    process.stderr.write(`${shown}: valid\n`);
  }
}
process.exitCode = failed ? 1 : 0;
