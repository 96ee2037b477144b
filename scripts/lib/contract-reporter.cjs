// A jest reporter for the contract runner (scripts/contract.mjs): appends one JSON line per test file as soon as
// it finishes, and one when the run completes, to the file named by JELOU_CONTRACT_RESULTS. Written line by line
// so an interrupted run still leaves the results of the files that finished.
'use strict';
const { appendFileSync } = require('node:fs');

const RESULTS_ENV = 'JELOU_CONTRACT_RESULTS';

class ContractReporter {
  constructor() {
    this.file = process.env[RESULTS_ENV];
  }

  write(entry) {
    if (this.file) appendFileSync(this.file, `${JSON.stringify(entry)}\n`);
  }

  onTestResult(_test, result) {
    this.write({
      type: 'file',
      file: result.testFilePath,
      // Set when the file could not run at all (syntax error, failing beforeAll, ...).
      error: result.testExecError ? String(result.testExecError.message ?? result.testExecError) : null,
      failureMessage: result.failureMessage ?? null,
      tests: result.testResults.map((test) => ({
        fullName: test.fullName,
        title: test.title,
        ancestorTitles: test.ancestorTitles,
        status: test.status,
        duration: test.duration ?? null,
        failureMessages: test.failureMessages,
      })),
    });
  }

  onRunComplete(_contexts, results) {
    this.write({
      type: 'complete',
      success: results.success,
      numTotalTests: results.numTotalTests,
      numFailedTests: results.numFailedTests,
      numRuntimeErrorTestSuites: results.numRuntimeErrorTestSuites,
      wasInterrupted: results.wasInterrupted,
    });
  }

  getLastError() {
    return undefined;
  }
}

module.exports = ContractReporter;
