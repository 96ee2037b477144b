// The report's rows: jest's per-test results joined with what each case recorded, plus coverage rows.
import path from 'node:path';
import { operationsOf } from '../operations.mjs';

// ESC [ ... letter: the colour codes jest puts in failure messages.
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*[A-Za-z]`, 'g');
const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** What the read-only live run says about an operation it did not call. */
export const READ_ONLY_SKIP = 'not run (read-only; set JELOU_CONTRACT_WRITE=1)';

/** What a run given some operations (`npm run contract -- getIntegration`) says about the others. */
export const NOT_SELECTED = 'not selected (the run was given other operations)';

/** Text without terminal colour codes. */
export function stripAnsi(text) {
  return String(text ?? '').replace(ANSI, '');
}

// Inputs

/** Parses a JSON-lines file's text; broken lines (a write cut short) are skipped. */
export function parseJsonLines(text) {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .flatMap((line) => {
      try {
        return [JSON.parse(line)];
      } catch {
        return [];
      }
    });
}

/** The operations of a bundled spec, in document order: `{ operationId, method, path }`. */
export function operationsOfSpec(spec) {
  return operationsOf(spec).map(({ operationId, method, path }) => ({ operationId, method, path }));
}

/** The first line of a failure, plus its `Expected`/`Received` lines: enough to say what went wrong. */
export function failureSummary(text) {
  const lines = stripAnsi(text)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const first = lines[0] ?? '';
  const details = lines.filter((line) => /^(Expected|Received)\b/.test(line)).slice(0, 2);
  const summary = [first, ...details].join('; ');
  return summary.length > 400 ? `${summary.slice(0, 399)}…` : summary;
}

function resultOf(status) {
  if (status === 'passed') return 'pass';
  if (status === 'failed') return 'fail';
  return 'skip';
}

function keyOf(file, testName) {
  return `${file}\u0000${testName}`;
}

function fileLabel(file, root) {
  return root ? path.relative(root, file) : path.basename(file);
}

function guessOperation(testName, operationIds, file) {
  return operationIds.find((id) => testName.includes(id)) ?? path.basename(file).replace(/\.test\.[cm]?[jt]s$/, '');
}

// Rows

/**
 * One row per recorded case (with the pass/fail of the test that recorded it), one per test that recorded
 * nothing, one per file that could not run, then one coverage row per operation of the spec. `selected`: the
 * operations a run was given, when it was given some; the others are not selected rather than missing.
 */
export function buildRows({
  files,
  records,
  operations,
  readOnly = false,
  root,
  skipReasons = undefined,
  selected = undefined,
}) {
  const operationIds = operations.map((op) => op.operationId);
  const recordsByTest = new Map();
  for (const entry of records) {
    const key = keyOf(entry.file ?? '', entry.test ?? '');
    recordsByTest.set(key, [...(recordsByTest.get(key) ?? []), entry]);
  }
  const rows = [];
  const seen = new Set();

  for (const file of files) {
    if (file.tests.length === 0 && (file.error || file.failureMessage)) {
      rows.push({
        operation: '(test file)',
        case: fileLabel(file.file, root),
        expected: 'the file runs',
        got: failureSummary(file.error ?? file.failureMessage),
        result: 'fail',
        failure: failureSummary(file.error ?? file.failureMessage),
        file: file.file,
      });
    }
    for (const test of file.tests) {
      const key = keyOf(file.file, test.fullName);
      seen.add(key);
      const result = resultOf(test.status);
      const failure = result === 'fail' ? failureSummary((test.failureMessages ?? []).join('\n')) : undefined;
      const base = { result, test: test.fullName, file: file.file, ...(failure ? { failure } : {}) };
      const recorded = recordsByTest.get(key) ?? [];
      if (recorded.length === 0) {
        rows.push({
          operation: guessOperation(test.fullName, operationIds, file.file),
          case: test.ancestorTitles.join(' › ') || fileLabel(file.file, root),
          expected: test.title,
          got:
            result === 'pass'
              ? 'as expected'
              : result === 'skip'
                ? readOnly
                  ? READ_ONLY_SKIP
                  : 'not run (skipped)'
                : failure,
          ms: test.duration ?? undefined,
          ...base,
        });
        continue;
      }
      for (const entry of recorded) rows.push(recordRow(entry, test.duration, base));
    }
  }

  // Records whose test has no result: the run was interrupted while it ran, or it recorded from a hook.
  const fileFailed = new Map(
    files.map((f) => [f.file, Boolean(f.error) || f.tests.some((t) => t.status === 'failed')]),
  );
  for (const [key, recorded] of recordsByTest) {
    if (seen.has(key)) continue;
    for (const entry of recorded) {
      const finished = fileFailed.has(entry.file);
      const failed = !finished || fileFailed.get(entry.file);
      const failure = finished ? undefined : 'the run ended before this test finished';
      rows.push(
        recordRow(entry, undefined, {
          result: failed ? 'fail' : 'pass',
          test: entry.test,
          file: entry.file,
          ...(failure ? { failure } : {}),
        }),
      );
    }
  }

  const ranked = sortRows(rows, operationIds);
  return [...ranked, ...coverageRows(ranked, operations, readOnly, skipReasons, selected)];
}

function recordRow(entry, duration, base) {
  const row = {
    operation: entry.operation,
    case: entry.case,
    expected: entry.expected,
    got: entry.got,
    ms: entry.latencyMs ?? duration ?? undefined,
    recorded: true,
    ...base,
  };
  for (const field of ['status', 'shape', 'violations', 'latencyMs', 'note', 'kind']) {
    if (entry[field] !== undefined) row[field] = entry[field];
  }
  return row;
}

function sortRows(rows, operationIds) {
  const order = [...operationIds];
  for (const row of rows) if (!order.includes(row.operation)) order.push(row.operation);
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => order.indexOf(a.row.operation) - order.indexOf(b.row.operation) || a.index - b.index)
    .map(({ row }) => row);
}

function coverageRows(rows, operations, readOnly, skipReasons, selected) {
  return operations.map((op) => {
    // Checks of the spec alone (kind 'spec') run for every operation by construction: they prove nothing here.
    const cases = rows.filter(
      (row) => row.recorded && row.kind !== 'spec' && row.operation === op.operationId && row.result !== 'skip',
    );
    const base = {
      operation: op.operationId,
      case: 'coverage',
      expected: 'exercised by at least one recorded case',
    };
    if (cases.length > 0) return { ...base, got: `${cases.length} recorded case(s)`, result: 'pass' };
    if (selected && !selected.includes(op.operationId)) return { ...base, got: NOT_SELECTED, result: 'skip' };
    // A live run at a lower level (issue 9's consent levels) skips what it was not allowed to do, saying why.
    const reason = skipReasons?.[op.operationId];
    if (reason) return { ...base, got: reason, result: 'skip' };
    if (readOnly && !READ_METHODS.has(op.method)) return { ...base, got: READ_ONLY_SKIP, result: 'skip' };
    const failure = `no contract case records ${op.operationId} (${op.method} ${op.path}): add tests for it`;
    return { ...base, got: 'no recorded case', result: 'fail', failure };
  });
}

/** Counts of passed, failed and skipped rows. */
export function rowTotalsOf(rows) {
  const count = (result) => rows.filter((row) => row.result === result).length;
  return { passed: count('pass'), failed: count('fail'), skipped: count('skip') };
}

/** The key of the jest test a row comes from; undefined for the report's own checks (coverage, run problems). */
export function testKeyOf(row) {
  return row.test ? keyOf(row.file ?? '', row.test) : undefined;
}

/**
 * The report's totals, counted as jest counts: one per jest test, however many cases (rows) it recorded, so the
 * report and jest's own summary give the same numbers. The report's own checks (one coverage row per operation,
 * and run-level problems such as a test file that could not run) are no jest tests: they are counted apart in
 * `checks`, and a failed check also counts in `failed`, so a run with a problem never ends with "0 failed".
 */
export function totalsOf(rows) {
  const tests = new Map();
  const checkRows = [];
  for (const row of rows) {
    const key = testKeyOf(row);
    if (key === undefined) {
      checkRows.push(row);
      continue;
    }
    // Every row of a test carries that test's result; a failing one decides if they ever disagree.
    const previous = tests.get(key);
    tests.set(key, previous === 'fail' || row.result === 'fail' ? 'fail' : row.result);
  }
  const results = [...tests.values()];
  const count = (result) => results.filter((r) => r === result).length;
  const testTotals = { passed: count('pass'), failed: count('fail'), skipped: count('skip') };
  const checks = rowTotalsOf(checkRows);
  return {
    passed: testTotals.passed,
    failed: testTotals.failed + checks.failed,
    skipped: testTotals.skipped,
    tests: testTotals,
    checks,
    rows: rows.length,
  };
}

/** Per operation of the spec: coverage, the shapes the 2xx bodies had, and each recorded case's observations. */
export function operationSummaries(rows, operations) {
  return operations.map((op) => {
    const cases = rows
      .filter((row) => row.recorded && row.operation === op.operationId)
      .map((row) => ({
        case: row.case,
        result: row.result,
        status: row.status,
        shape: row.shape,
        violations: row.violations ?? [],
        latencyMs: row.latencyMs,
        ...(row.note ? { note: row.note } : {}),
      }));
    const coverage = rows.find((row) => row.case === 'coverage' && row.operation === op.operationId);
    const shapes = [...new Set(cases.filter((c) => c.shape && c.status >= 200 && c.status < 300).map((c) => c.shape))];
    return {
      operationId: op.operationId,
      method: op.method,
      path: op.path,
      coverage: coverage?.result === 'pass' ? 'covered' : coverage?.result === 'skip' ? 'skipped' : 'missing',
      ...(coverage?.result === 'skip' ? { skippedBecause: coverage.got } : {}),
      shapes,
      cases,
    };
  });
}
