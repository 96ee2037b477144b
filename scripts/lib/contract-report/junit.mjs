// The report as JUnit XML, for CI systems.
import { totalsOf } from './rows.mjs';
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
