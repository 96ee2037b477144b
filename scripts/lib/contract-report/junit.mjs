// The report as JUnit XML, for CI systems.
import { testKeyOf } from './rows.mjs';
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

function observationsOf(row) {
  return [
    ...(row.status === undefined ? [] : [`status: ${row.status}`]),
    ...(row.shape === undefined ? [] : [`shape: ${row.shape}`]),
    ...(row.latencyMs === undefined ? [] : [`latency: ${row.latencyMs} ms`]),
    ...(row.violations ?? []).map((v) => `sl-violation: ${v}`),
    ...(row.note ? [`NOTE: ${row.note}`] : []),
  ];
}

/** The rows of one suite as testcases: one per jest test (its recorded cases together), one per check row. */
function testcasesOf(rows) {
  const groups = new Map();
  rows.forEach((row, index) => {
    const key = testKeyOf(row) ?? `\u0000row ${index}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  });
  return [...groups.values()].map((group) => {
    const [first] = group;
    const failing = group.find((row) => row.result === 'fail');
    const result = failing ? 'fail' : group.every((row) => row.result === 'skip') ? 'skip' : first.result;
    // A test that recorded nothing has only its describe block as case: its title makes the name unique.
    const single = first.recorded || first.case === 'coverage' ? first.case : `${first.case} › ${first.expected}`;
    const name = group.length === 1 ? single : first.test;
    const observed =
      group.length === 1
        ? observationsOf(first)
        : group.flatMap((row) => [`case: ${row.case} (${row.result})`, ...observationsOf(row).map((o) => `  ${o}`)]);
    const ms = group.reduce((sum, row) => sum + (row.ms ?? 0), 0);
    return { name, result, failing, first, observed, ms };
  });
}

/**
 * The report as JUnit XML: one testsuite per operation; one testcase per jest test (a test that recorded several
 * cases lists them in its system-out) and one per check of the report itself (coverage, run problems), so the
 * testcases add up to the report's totals.
 */
export function toJUnit(report) {
  const suites = new Map();
  for (const row of report.rows) suites.set(row.operation, [...(suites.get(row.operation) ?? []), row]);
  const cases = new Map([...suites].map(([operation, rows]) => [operation, testcasesOf(rows)]));
  const all = [...cases.values()].flat();
  const count = (list, result) => list.filter((c) => c.result === result).length;
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${xmlEscape(`jelou-external-support contract (${report.target})`)}" tests="${
      all.length
    }" failures="${count(all, 'fail')}" errors="0" skipped="${count(all, 'skip')}" time="${seconds(report.durationMs)}">`,
  ];
  for (const [operation, testcases] of cases) {
    const time = testcases.reduce((sum, c) => sum + c.ms, 0);
    out.push(
      `  <testsuite name="${xmlEscape(operation)}" tests="${testcases.length}" failures="${count(
        testcases,
        'fail',
      )}" errors="0" skipped="${count(testcases, 'skip')}" time="${seconds(time)}" timestamp="${xmlEscape(
        report.startedAt,
      )}">`,
    );
    for (const c of testcases) {
      out.push(
        `    <testcase classname="${xmlEscape(operation)}" name="${xmlEscape(c.name)}" time="${seconds(c.ms)}">`,
      );
      if (c.result === 'fail') {
        const row = c.failing;
        const detail = [`expected: ${row.expected}`, `got: ${row.got}`, ...(row.failure ? [row.failure] : [])];
        out.push(
          `      <failure message="${xmlEscape(row.failure ?? row.got)}" type="ContractFailure">${xmlEscape(
            detail.join('\n'),
          )}</failure>`,
        );
      }
      if (c.result === 'skip') out.push(`      <skipped message="${xmlEscape(c.first.got)}"/>`);
      if (c.observed.length > 0) out.push(`      <system-out>${xmlEscape(c.observed.join('\n'))}</system-out>`);
      out.push('    </testcase>');
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>', '');
  return out.join('\n');
}
