// Adds up jest JSON results and contract reports into the one closing line of `npm test`: `N passed, N failed`.
import { existsSync, readFileSync } from 'node:fs';

/**
 * The passed and failed tests of the result files given (a jest `--json` result, or a contract report such as
 * reports/contract.json), and the files that were not written (a stage that failed before writing them).
 * @param {string[]} files
 * @returns {{ passed: number, failed: number, missing: string[] }}
 */
export function testTotals(files) {
  let passed = 0;
  let failed = 0;
  const missing = [];
  for (const file of files) {
    if (!existsSync(file)) {
      missing.push(file);
      continue;
    }
    const result = JSON.parse(readFileSync(file, 'utf8'));
    const totals = result.totals ?? { passed: result.numPassedTests, failed: result.numFailedTests };
    passed += totals.passed;
    failed += totals.failed;
  }
  return { passed, failed, missing };
}
