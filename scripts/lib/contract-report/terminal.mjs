// The report as a readable table and summaries in the terminal.
import { stripAnsi } from './rows.mjs';
// Terminal

const COLORS = { pass: '\u001b[32m', fail: '\u001b[31m', skip: '\u001b[33m', bold: '\u001b[1m', reset: '\u001b[0m' };

function cell(value) {
  return stripAnsi(value === undefined || value === null ? '' : String(value)).replace(/\s+/g, ' ');
}

/** A cell's text cut into lines of at most `width` characters, at spaces where it can: nothing is dropped. */
export function wrapCell(text, width) {
  if (text.length <= width) return [text];
  const lines = [];
  let rest = text;
  while (rest.length > width) {
    const space = rest.lastIndexOf(' ', width);
    const cut = space > width / 3 ? space : width;
    lines.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest) lines.push(rest);
  return lines;
}

/**
 * The rows as an aligned table. With `width` (a terminal's columns), the text columns share that width and a long
 * cell wraps onto more lines of its own column; without it (a pipe, a file, CI logs) every column is as wide as
 * its longest cell. Either way every cell is shown whole.
 */
export function renderTable(rows, { width, color = false } = {}) {
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
  let widths = natural;
  if (width !== undefined) {
    const operationWidth = Math.min(natural[0], 22);
    const fixed = operationWidth + natural[4] + natural[5] + gap * 5;
    const flexible = Math.max(30, width - fixed);
    // case, expected, got share what is left, each getting no more than it needs.
    widths = [operationWidth, 0, 0, 0, natural[4], natural[5]];
    let left = flexible;
    const wanted = [1, 2, 3].sort((a, b) => natural[a] - natural[b]);
    wanted.forEach((column, i) => {
      const share = Math.floor(left / (wanted.length - i));
      widths[column] = Math.max(Math.min(natural[column], share), Math.min(natural[column], 8));
      left -= widths[column];
    });
  }
  const lines = (values, result) => {
    const wrapped = values.map((value, i) => (i === 5 ? [value] : wrapCell(value, widths[i])));
    const height = Math.max(...wrapped.map((w) => w.length));
    return Array.from({ length: height }, (_, lineIndex) =>
      wrapped
        .map((parts, i) => {
          const part = parts[lineIndex] ?? '';
          const text = i === 5 ? part.padStart(widths[i]) : part.padEnd(widths[i]);
          return color && i === 4 && result && part ? `${COLORS[result]}${text}${COLORS.reset}` : text;
        })
        .join(' '.repeat(gap))
        .trimEnd(),
    ).join('\n');
  };
  const header = lines(headers);
  const rule = widths.map((w) => '─'.repeat(w)).join(' '.repeat(gap));
  return [
    color ? `${COLORS.bold}${header}${COLORS.reset}` : header,
    rule,
    ...cells.map((values, i) => lines(values, rows[i].result)),
  ].join('\n');
}

/** Each failing test (or run-level problem) once: its cases, the test's name, and why it failed. */
/** How many sl-violations a failure lists in the terminal (the JSON report keeps them all). */
const MAX_LISTED_VIOLATIONS = 5;

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
      // Prism's own words on what broke the spec: usually the most direct answer to "where".
      const violations = [...new Set(group.flatMap((row) => row.violations ?? []))]
        .slice(0, MAX_LISTED_VIOLATIONS)
        .map((v) => `\n      sl-violation: ${cell(v)}`)
        .join('');
      return `  ✗ ${cases}${where}\n      ${cell(first.failure ?? first.got)}${violations}`;
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
