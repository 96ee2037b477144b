#!/usr/bin/env node
// Adds up jest JSON results and contract reports into the one closing line `N passed, N failed`.
import { readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
for (const file of process.argv.slice(2)) {
  const result = JSON.parse(readFileSync(file, 'utf8'));
  // A jest --json result, or a contract report (reports/contract.json).
  const totals = result.totals ?? { passed: result.numPassedTests, failed: result.numFailedTests };
  passed += totals.passed;
  failed += totals.failed;
}
console.log(`\n${passed} passed, ${failed} failed`);
