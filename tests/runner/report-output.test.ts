// What `npm run contract` prints into a pipe (CI logs, `| tee`): every cell whole, no terminal colour codes, both
// report files named, and a closing count that is jest's own count of the same run. A run of four operations (both
// hosts, both response shapes, bodies and none): how the output is printed does not depend on which operations ran,
// and the whole suite already runs in the contract stage of `npm test`.
import { runContract, RUN_TEST_TIMEOUT_MS, type ContractRun, type Counts } from './run-contract';

// ESC, as a string: the start of every ANSI colour code.
const ESC = String.fromCharCode(27);

let run: ContractRun;

beforeAll(async () => {
  // NO_COLOR is left empty on purpose: the output is colourless only because it goes into a pipe.
  run = await runContract(
    { NO_COLOR: '' },
    { args: ['getIntegration', 'updateIntegration', 'startConversation', 'sendMessage'] },
  );
}, RUN_TEST_TIMEOUT_MS);

describe('npm run contract into a pipe (mock)', () => {
  it('passes, and prints no ANSI colour code on stdout or stderr', () => {
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain(ESC);
    expect(run.stderr).not.toContain(ESC);
  });

  it('prints every cell of the table whole, nothing cut with an ellipsis', () => {
    const table = run.stdout.replace(/\s+/g, ' ');
    const rows = run.report?.rows ?? [];
    expect(rows.length).toBeGreaterThan(0);
    const cut = rows
      .flatMap((row) => [row.case, row.expected, row.got])
      .map((text) => String(text).replace(/\s+/g, ' ').trim())
      .filter((text) => !table.includes(text));
    expect(cut).toEqual([]);
    expect(run.stdout).not.toContain('…');
  });

  it('names both report files, JSON and JUnit, with their directory', () => {
    expect(run.stdout).toMatch(/^Reports: \S+\/contract\.json$/m);
    expect(run.stdout).toMatch(/^ +\S+\/contract\.junit\.xml$/m);
    const dirs = [...run.stdout.matchAll(/^(?:Reports:)? +(\S+)\/contract\.(?:json|junit\.xml)$/gm)].map((m) => m[1]);
    expect(new Set(dirs).size).toBe(1);
  });

  it("ends with the count jest itself reports for the run, and says how the table's rows relate to it", () => {
    const jest = /^Tests: +(?:(\d+) failed, )?(?:(\d+) skipped, )?(\d+) passed, (\d+) total$/m.exec(run.stderr);
    expect(jest).not.toBeNull();
    const [, , , jestPassed, jestTotal] = jest ?? [];
    expect(run.report?.totals.passed).toBe(Number(jestPassed));
    expect(run.stdout.trimEnd().split('\n').pop()).toBe(`${jestPassed} passed, 0 failed`);
    expect(run.stdout).toContain(`Counted as jest counts: ${jestTotal} test(s)`);
  });

  it('writes a JUnit file whose testcases are the tests plus the report checks, not one per row', () => {
    const xml = run.files['contract.junit.xml'] ?? '';
    const testcases = xml.match(/<testcase /g)?.length ?? 0;
    const totals = run.report?.totals ?? {
      tests: { passed: 0, failed: 0, skipped: 0 },
      checks: { passed: 0, failed: 0, skipped: 0 },
    };
    const sum = (t: Counts): number => t.passed + t.failed + t.skipped;
    expect(testcases).toBe(sum(totals.tests) + sum(totals.checks));
    expect(xml).toContain(`<testsuites name="jelou-external-support contract (mock)" tests="${testcases}"`);
  });
});
