// Where the Prism started by global-setup listens, and in which mode.

/** `mock` (default) or `live` (a validating proxy in front of the real API). */
export type ContractTarget = 'mock' | 'live';

/** The contract target chosen with JELOU_CONTRACT_TARGET. */
export function contractTarget(): ContractTarget {
  return process.env.JELOU_CONTRACT_TARGET === 'live' ? 'live' : 'mock';
}

/** Base URL of the Prism mock or proxy, e.g. `http://127.0.0.1:43121`. */
export function prismUrl(): string {
  const url = process.env.JELOU_PRISM_URL;
  if (!url) throw new Error('JELOU_PRISM_URL is not set: run contract tests through jest (global-setup starts Prism).');
  return url;
}
