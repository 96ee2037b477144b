// The contract report, as pure functions: joins jest's per-test results with what each case recorded, adds the
// coverage rows, and renders the terminal table, the JSON and the JUnit XML. Used by scripts/contract.mjs.
import path from 'node:path';

// ESC [ ... letter: the colour codes jest puts in failure messages.
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*[A-Za-z]`, 'g');
const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** What the read-only live run says about an operation it did not call. */
export const READ_ONLY_SKIP = 'not run (read-only; set JELOU_CONTRACT_WRITE=1)';

/** Text without terminal colour codes. */
export function stripAnsi(text) {
  return String(text ?? '').replace(ANSI, '');
}

// ---------------------------------------------------------------------------------------------------------------
// Redaction

/** Every form in which the credentials of `env` could appear: raw, trimmed, URL-encoded, and the Basic token. */
export function secretsOf(env) {
  const values = new Set();
  const add = (value) => {
    if (typeof value !== 'string' || value.trim() === '') return;
    for (const form of [value, value.trim(), encodeURIComponent(value.trim())]) values.add(form);
  };
  add(env.JELOU_API_KEY);
  add(env.JELOU_CLIENT_SECRET);
  const id = env.JELOU_CLIENT_ID;
  const secret = env.JELOU_CLIENT_SECRET;
  if (id && secret) {
    add(Buffer.from(`${id}:${secret}`).toString('base64'));
    add(Buffer.from(`${id.trim()}:${secret.trim()}`).toString('base64'));
  }
  // Longest first, so a secret containing another is replaced whole.
  return [...values].sort((a, b) => b.length - a.length);
}

/** A function that replaces every credential of `env` by `***` in a string. */
export function redactorFor(env) {
  const secrets = secretsOf(env);
  return (text) => secrets.reduce((out, secret) => out.split(secret).join('***'), String(text));
}

/** A copy of a JSON-like value with every string redacted. */
export function redactDeep(value, redact) {
  if (typeof value === 'string') return redact(value);
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, redact));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactDeep(item, redact)]));
}

// ---------------------------------------------------------------------------------------------------------------
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
  return Object.entries(spec.paths ?? {}).flatMap(([pathTemplate, item]) =>
    HTTP_METHODS.filter((method) => item?.[method]?.operationId).map((method) => ({
      operationId: item[method].operationId,
      method: method.toUpperCase(),
      path: pathTemplate,
    })),
  );
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

// ---------------------------------------------------------------------------------------------------------------
// Rows

/**
 * One row per recorded case (with the pass/fail of the test that recorded it), one per test that recorded
 * nothing, one per file that could not run, then one coverage row per operation of the spec.
 */
export function buildRows({ files, records, operations, readOnly = false, root }) {
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
  return [...ranked, ...coverageRows(ranked, operations, readOnly)];
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
  for (const field of ['status', 'shape', 'violations', 'latencyMs', 'note']) {
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

function coverageRows(rows, operations, readOnly) {
  return operations.map((op) => {
    const cases = rows.filter((row) => row.recorded && row.operation === op.operationId && row.result !== 'skip');
    const base = {
      operation: op.operationId,
      case: 'coverage',
      expected: 'exercised by at least one recorded case',
    };
    if (cases.length > 0) return { ...base, got: `${cases.length} recorded case(s)`, result: 'pass' };
    if (readOnly && !READ_METHODS.has(op.method)) return { ...base, got: READ_ONLY_SKIP, result: 'skip' };
    const failure = `no contract case records ${op.operationId} (${op.method} ${op.path}): add tests for it`;
    return { ...base, got: 'no recorded case', result: 'fail', failure };
  });
}

/** Counts of passed, failed and skipped rows. */
export function totalsOf(rows) {
  const count = (result) => rows.filter((row) => row.result === result).length;
  return { passed: count('pass'), failed: count('fail'), skipped: count('skip') };
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

// ---------------------------------------------------------------------------------------------------------------
// Terminal

const COLORS = { pass: '\u001b[32m', fail: '\u001b[31m', skip: '\u001b[33m', bold: '\u001b[1m', reset: '\u001b[0m' };

function cell(value) {
  return stripAnsi(value === undefined || value === null ? '' : String(value)).replace(/\s+/g, ' ');
}

function fit(text, width) {
  if (text.length <= width) return text.padEnd(width);
  return `${text.slice(0, Math.max(0, width - 1))}…`;
}

/** The rows as an aligned table, each cell on one line and cut to fit `width` characters in all. */
export function renderTable(rows, { width = 160, color = false } = {}) {
  const headers = ['operation', 'case', 'expected', 'got', 'result', 'ms'];
  const cells = rows.map((row) => [
    cell(row.operation),
    cell(row.case),
    cell(row.expected),
    cell(row.got),
    row.result === 'fail' ? 'FAIL' : row.result,
    row.ms === undefined ? '' : String(Math.round(row.ms)),
  ]);
  const natural = headers.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const gap = 2;
  const operationWidth = Math.min(natural[0], 22);
  const fixed = operationWidth + natural[4] + natural[5] + gap * 5;
  const flexible = Math.max(30, width - fixed);
  // case, expected, got share what is left, each getting no more than it needs.
  const widths = [operationWidth, 0, 0, 0, natural[4], natural[5]];
  let left = flexible;
  const wanted = [1, 2, 3].sort((a, b) => natural[a] - natural[b]);
  wanted.forEach((column, i) => {
    const share = Math.floor(left / (wanted.length - i));
    widths[column] = Math.max(Math.min(natural[column], share), Math.min(natural[column], 8));
    left -= widths[column];
  });
  const line = (values, result) =>
    values
      .map((value, i) => {
        const text = i === 5 ? value.padStart(widths[i]) : fit(value, widths[i]);
        return color && i === 4 && result ? `${COLORS[result]}${text}${COLORS.reset}` : text;
      })
      .join(' '.repeat(gap))
      .trimEnd();
  const header = line(headers);
  const rule = widths.map((w) => '─'.repeat(w)).join(' '.repeat(gap));
  return [
    color ? `${COLORS.bold}${header}${COLORS.reset}` : header,
    rule,
    ...cells.map((values, i) => line(values, rows[i].result)),
  ].join('\n');
}

/** Each failing test (or run-level problem) once: its cases, the test's name, and why it failed. */
export function renderFailures(rows) {
  const groups = new Map();
  for (const row of rows.filter((r) => r.result === 'fail')) {
    const key = row.test ? `${row.file}\u0000${row.test}` : `${row.operation}\u0000${row.case}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  if (groups.size === 0) return '';
  return [
    'Failures:',
    ...[...groups.values()].map((group) => {
      const [first] = group;
      const cases = [...new Set(group.map((row) => `${row.operation} › ${cell(row.case)}`))].join(', ');
      const where = first.test && first.test !== first.case ? `\n      test: ${cell(first.test)}` : '';
      return `  ✗ ${cases}${where}\n      ${cell(first.failure ?? first.got)}`;
    }),
  ].join('\n');
}

function describeCase(c) {
  const parts = [
    c.status === undefined ? 'no response' : String(c.status),
    ...(c.shape && c.shape !== 'none' ? [`shape ${c.shape}`] : []),
    ...(c.latencyMs === undefined ? [] : [`${Math.round(c.latencyMs)} ms`]),
    c.violations.length === 0 ? 'no sl-violations' : `${c.violations.length} sl-violation(s):`,
  ];
  return [
    `    • ${c.case} — ${parts.join(', ')}${c.result === 'fail' ? '  [FAIL]' : ''}`,
    ...c.violations.map((v) => `        - ${cell(v)}`),
  ].join('\n');
}

/** The live run's per-operation block: status, shape returned, every sl-violations entry, latency. */
export function renderOperationSummaries(summaries) {
  const blocks = summaries.map((op) => {
    const head = `  ${op.operationId}  (${op.method} ${op.path})`;
    if (op.coverage === 'skipped') return `${head}\n    ${op.skippedBecause}`;
    const shapes = op.shapes.length === 0 ? 'none (no 2xx answer)' : op.shapes.join(', ');
    return [head, `    shape returned: ${shapes}`, ...op.cases.map(describeCase)].join('\n');
  });
  return ['What the live API returned, per operation:', ...blocks].join('\n');
}

/** Notes a person must act on (e.g. a failed restore), framed so they are not missed. */
export function renderNotes(rows) {
  const notes = rows.filter((row) => row.note);
  if (notes.length === 0) return '';
  const bar = '!'.repeat(78);
  return [bar, '!! ACTION NEEDED', ...notes.map((row) => `!! ${row.operation} › ${row.case}: ${row.note}`), bar].join(
    '\n',
  );
}

// ---------------------------------------------------------------------------------------------------------------
// JUnit XML

/** Text safe inside XML attributes and elements (characters XML 1.0 forbids are dropped). */
export function xmlEscape(value) {
  return String(value ?? '')
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const seconds = (ms) => ((ms ?? 0) / 1000).toFixed(3);

/** The report as JUnit XML: one testsuite per operation, one testcase per row. */
export function toJUnit(report) {
  const suites = new Map();
  for (const row of report.rows) suites.set(row.operation, [...(suites.get(row.operation) ?? []), row]);
  const { passed, failed, skipped } = report.totals;
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${xmlEscape(`jelou-external-support contract (${report.target})`)}" tests="${
      passed + failed + skipped
    }" failures="${failed}" errors="0" skipped="${skipped}" time="${seconds(report.durationMs)}">`,
  ];
  for (const [operation, rows] of suites) {
    const t = totalsOf(rows);
    const time = rows.reduce((sum, row) => sum + (row.ms ?? 0), 0);
    out.push(
      `  <testsuite name="${xmlEscape(operation)}" tests="${rows.length}" failures="${t.failed}" errors="0" skipped="${
        t.skipped
      }" time="${seconds(time)}" timestamp="${xmlEscape(report.startedAt)}">`,
    );
    for (const row of rows) {
      // A test that recorded nothing has only its describe block as case: its title makes the name unique.
      const name = xmlEscape(row.recorded || row.case === 'coverage' ? row.case : `${row.case} › ${row.expected}`);
      out.push(`    <testcase classname="${xmlEscape(operation)}" name="${name}" time="${seconds(row.ms)}">`);
      if (row.result === 'fail') {
        const detail = [`expected: ${row.expected}`, `got: ${row.got}`, ...(row.failure ? [row.failure] : [])];
        out.push(
          `      <failure message="${xmlEscape(row.failure ?? row.got)}" type="ContractFailure">${xmlEscape(
            detail.join('\n'),
          )}</failure>`,
        );
      }
      if (row.result === 'skip') out.push(`      <skipped message="${xmlEscape(row.got)}"/>`);
      const observed = [
        ...(row.status === undefined ? [] : [`status: ${row.status}`]),
        ...(row.shape === undefined ? [] : [`shape: ${row.shape}`]),
        ...(row.latencyMs === undefined ? [] : [`latency: ${row.latencyMs} ms`]),
        ...(row.violations ?? []).map((v) => `sl-violation: ${v}`),
        ...(row.note ? [`NOTE: ${row.note}`] : []),
      ];
      if (observed.length > 0) out.push(`      <system-out>${xmlEscape(observed.join('\n'))}</system-out>`);
      out.push('    </testcase>');
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>', '');
  return out.join('\n');
}
