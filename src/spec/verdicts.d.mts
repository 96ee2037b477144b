// Types of verdicts.mjs for TypeScript importers (the CLI's `jelou doctor`); the runner uses the JSDoc in the file.

/** The possible verdicts. */
export declare const VERDICTS: readonly ['A', 'B', 'both', 'neither', 'untested'];

/** One answered request of a run. */
export interface Observation {
  /** operationId */
  operation: string;
  /** e.g. `GET /v1/external-support/{projectId}` (no host, no secrets) */
  request: string;
  status?: number | undefined;
  /** the parsed body (read by the judges only; never copied out) */
  body?: unknown;
  /** Prism's `sl-violations`, as `location: message` */
  violations?: string[] | undefined;
  /** the project id of the path, when there is one */
  projectId?: string | undefined;
  /** what the case did, when it matters: `apiKey`, `basic`, `afterClose`, `unsigned`, `basePath:/jelouapi`… */
  tag?: string | undefined;
}

export interface Evidence {
  request: string;
  status: number | undefined;
  /** `flat`, `envelope`, `error` or `none` */
  shape: string;
  violationKinds: string[];
  /** what the body showed for this discrepancy */
  saw: string;
}

export interface Verdict {
  id: string;
  topic: string;
  verdict: 'A' | 'B' | 'both' | 'neither' | 'untested';
  a?: string;
  b?: string;
  evidence: Evidence[];
  suggestion?: string;
  why?: string;
}

/** An `x-jelou-discrepancies` entry of the spec (only the fields the judge reads). */
export interface DiscrepancyEntry {
  id: string;
  topic?: string;
  variants?: { says?: string }[];
  live?: { testable?: boolean; how?: string };
}

/** Which documented shape a body has. */
export declare function shapeOf(body: unknown): 'flat' | 'envelope' | 'error' | 'none';

/** A verdict for every discrepancy: what the observations support, or `untested` when none bears on it. */
export declare function judgeDiscrepancies(
  discrepancies: readonly DiscrepancyEntry[],
  observations: readonly Observation[],
): Verdict[];

/** The verdicts as terminal lines, untested ones summed up at the end. */
export declare function renderVerdicts(verdicts: readonly Verdict[]): string;
