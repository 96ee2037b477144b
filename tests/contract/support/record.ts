// What each contract case observed, for the report: written as JSON lines next to jest's own pass/fail.
import { appendFileSync } from 'node:fs';

/** Which documented 200 shape a body had, if any. */
export type ObservedShape = 'flat' | 'envelope' | 'undocumented' | 'none';

/** One row of the contract report, as the test saw it (pass/fail comes from jest). */
export interface CaseRecord {
  /** operationId, or a cross-cutting name such as `coverage`. */
  operation: string;
  /** What the case checks, short. */
  case: string;
  /** What the spec says should happen. */
  expected: string;
  /** What happened. */
  got: string;
  /** HTTP status of the final response, when there was one. */
  status?: number;
  /** Which documented shape the 200 body had. */
  shape?: ObservedShape;
  /** Every `sl-violations` entry Prism reported, as `location: message`. */
  violations?: string[];
  /** Time from sending to the parsed result, in ms. */
  latencyMs?: number;
  /** Anything a person must act on (e.g. values to restore by hand). */
  note?: string;
  /**
   * `spec` for checks of the spec against Prism without the client: reported, but they do not count as an
   * operation's contract coverage (a new operation must get client cases).
   */
  kind?: 'spec';
  /**
   * What the live run saw, for the verdicts on `x-jelou-discrepancies` (src/spec/verdicts.mjs):
   * one entry per answered request. `body` is read by the runner and never written to a report.
   */
  evidence?: EvidenceRecord[];
}

/** One answered request of a live case (see {@link CaseRecord.evidence}). */
export interface EvidenceRecord {
  /** `METHOD /path template`, no host and no ids that could be secrets. */
  request: string;
  status?: number;
  body?: unknown;
  violations?: string[];
  projectId?: string;
  /** What the case did, when it matters to a verdict (`apiKey`, `basic`, `afterClose`, `basePath:/jelouapi`...). */
  tag?: string;
}

/** Where records go; the contract runner sets it. Without it (plain `jest`), records are dropped. */
export const RECORDS_ENV = 'JELOU_CONTRACT_RECORDS';

/** Records what the running test observed. Call it before asserting, so a failing case still has its row. */
export function record(entry: CaseRecord): void {
  const file = process.env[RECORDS_ENV];
  if (!file) return;
  const { currentTestName, testPath } = expect.getState();
  const line = JSON.stringify({ ...entry, test: currentTestName ?? '', file: testPath ?? '' });
  appendFileSync(file, `${line}\n`);
}

/** The `sl-violations` header of a Prism response, flattened to `location: message` strings. */
export function violationsOf(headers: Headers): string[] {
  const header = headers.get('sl-violations');
  if (!header) return [];
  try {
    const parsed = JSON.parse(header) as { location?: string[]; message?: string }[];
    return parsed.map((v) => `${(v.location ?? []).join('.')}: ${v.message ?? ''}`);
  } catch {
    return [header];
  }
}
