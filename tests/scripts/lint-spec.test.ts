// `npm run lint:spec` lints with the ruleset of redocly.yaml through Redocly's library: it fails on a broken spec
// and says where, and prints no "Node.js 20 end-of-life" box (which the CLI prints on every start under Node 20).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const LINT = path.join(REPO_ROOT, 'scripts', 'lint-spec.mjs');
const SPEC = path.join(REPO_ROOT, 'openapi', 'openapi.yaml');

function lintSpec(...files: string[]): { code: number | null; output: string } {
  const run = spawnSync(process.execPath, [LINT, ...files], { cwd: REPO_ROOT, encoding: 'utf8' });
  return { code: run.status, output: `${run.stdout}${run.stderr}` };
}

let tempDir: string | undefined;
afterEach(() => {
  if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  tempDir = undefined;
});

describe('npm run lint:spec', () => {
  it('passes on openapi/openapi.yaml without printing an end-of-life box', () => {
    const run = lintSpec();
    expect(run.code).toBe(0);
    expect(run.output).toContain('openapi/openapi.yaml: valid');
    expect(run.output).not.toMatch(/end-of-life|Deprecation warning|╔/);
  });

  it('fails, naming the rule and the line, when an operation loses its operationId', () => {
    tempDir = mkdtempSync(path.join(os.tmpdir(), 'jelou-lint-'));
    const broken = path.join(tempDir, 'openapi.yaml');
    const yaml = readFileSync(SPEC, 'utf8');
    const renamed = yaml.replace(/^(\s+)operationId: getIntegration$/m, '$1opId: getIntegration');
    expect(renamed).not.toBe(yaml);
    writeFileSync(broken, renamed);

    const run = lintSpec(broken);
    expect(run.code).toBe(1);
    expect(run.output).toMatch(/^\s+\d+:\d+\s+error\s+operation-operationId\b/m);
    expect(run.output).toMatch(/openapi\.yaml: [1-9]\d* error\(s\)/);
  });
});
