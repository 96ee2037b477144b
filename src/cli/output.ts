// What the CLI prints: JSON for scripts (`--json`), a readable table otherwise; colours only on a terminal and never
// under NO_COLOR (https://no-color.org) or `--no-color`. Every line goes through `scrub`, which replaces the values
// of the credentials the CLI read from the environment: a secret that slips into a message is still never printed.
import type { Writable } from 'node:stream';

const REDACTED = '[redacted]';
/** Shorter values are not scrubbed: they would mangle ordinary text and are not credentials worth the name. */
const MIN_SECRET_LENGTH = 4;

/** Where the CLI writes, and how. */
export class Output {
  readonly json: boolean;
  readonly color: boolean;
  readonly #stdout: Writable;
  readonly #stderr: Writable;
  readonly #secrets = new Set<string>();

  constructor(options: { stdout: Writable; stderr: Writable; json: boolean; color: boolean }) {
    this.#stdout = options.stdout;
    this.#stderr = options.stderr;
    this.json = options.json;
    this.color = options.color;
  }

  /** Remembers a value that must never be printed (a credential, a signing secret, a webhook token). */
  secret(value: string | undefined): void {
    if (value !== undefined && value.length >= MIN_SECRET_LENGTH) this.#secrets.add(value);
  }

  /** Replaces every remembered secret in a text. */
  scrub(text: string): string {
    let out = text;
    for (const secret of this.#secrets) out = out.split(secret).join(REDACTED);
    return out;
  }

  /** One line on stdout. */
  line(text = ''): void {
    this.#stdout.write(`${this.scrub(text)}\n`);
  }

  /** One line on stderr (diagnostics, progress, errors). */
  info(text: string): void {
    this.#stderr.write(`${this.scrub(text)}\n`);
  }

  /** A value as one JSON line on stdout. */
  jsonLine(value: unknown): void {
    this.line(JSON.stringify(value));
  }

  /**
   * Prints a secret the user asked for (a new signing secret) on stdout, once: the only output that is not scrubbed.
   */
  revealSecret(value: string): void {
    this.#stdout.write(`${value}\n`);
  }

  /** A record as `--json` or a two-column table. */
  record(value: Record<string, unknown>): void {
    if (this.json) return this.jsonLine(value);
    this.table(Object.entries(value).map(([k, v]) => [this.dim(k), cell(v)]));
  }

  /** Rows as an aligned table (no header). */
  table(rows: readonly (readonly string[])[]): void {
    const widths: number[] = [];
    for (const row of rows) row.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, visibleLength(c))));
    for (const row of rows) {
      this.line(
        row
          .map((c, i) => (i === row.length - 1 ? c : c + ' '.repeat((widths[i] ?? 0) - visibleLength(c))))
          .join('  ')
          .trimEnd(),
      );
    }
  }

  green(text: string): string {
    return this.#paint(32, text);
  }
  red(text: string): string {
    return this.#paint(31, text);
  }
  yellow(text: string): string {
    return this.#paint(33, text);
  }
  dim(text: string): string {
    return this.#paint(2, text);
  }
  #paint(code: number, text: string): string {
    return this.color ? `\u001b[${code}m${text}\u001b[0m` : text;
  }
}

function cell(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;
function visibleLength(text: string): number {
  return text.replace(ANSI, '').length;
}

/** Whether to paint: a terminal, no NO_COLOR (any non-empty value), no `--no-color`. */
export function useColor(
  stream: { isTTY?: boolean },
  env: Readonly<Record<string, string | undefined>>,
  noColor: boolean,
): boolean {
  return stream.isTTY === true && !noColor && !env.NO_COLOR;
}
