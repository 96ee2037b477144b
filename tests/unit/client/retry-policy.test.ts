import {
  DEFAULT_MAX_RETRIES,
  DEFAULT_TIMEOUT_MS,
  INITIAL_RETRY_DELAY_MS,
  MAX_RETRY_AFTER_MS,
  MAX_RETRY_DELAY_MS,
  RETRY_JITTER,
  RETRYABLE_STATUSES,
  backoffDelayMs,
  isRetryableStatus,
  retryAfterMs,
  retryDelayMs,
  shouldRetryResponse,
} from '../../../src/client/retry-policy.js';

const NOW = Date.parse('2025-01-01T12:00:00Z');
const now = (): number => NOW;

describe('retry policy constants', () => {
  it('sends 3 attempts of at most 30 s each by default', () => {
    expect(DEFAULT_MAX_RETRIES).toBe(2);
    expect(DEFAULT_TIMEOUT_MS).toBe(30_000);
  });

  it('backs off from 500 ms up to 8 s with 25% jitter and honours Retry-After up to 60 s', () => {
    expect(INITIAL_RETRY_DELAY_MS).toBe(500);
    expect(MAX_RETRY_DELAY_MS).toBe(8_000);
    expect(RETRY_JITTER).toBe(0.25);
    expect(MAX_RETRY_AFTER_MS).toBe(60_000);
  });

  it('lists 408, 409 and 429 as the retryable statuses below 500', () => {
    expect([...RETRYABLE_STATUSES].sort()).toEqual([408, 409, 429]);
  });
});

describe('backoffDelayMs', () => {
  it('doubles from 500 ms and caps at 8000 ms when the jitter is 0', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => backoffDelayMs(n, () => 0))).toEqual([
      500, 1000, 2000, 4000, 8000, 8000, 8000,
    ]);
  });

  it('cuts each wait by 25% when the jitter is at its maximum', () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelayMs(n, () => 1))).toEqual([375, 750, 1500, 3000, 6000, 6000]);
  });

  it('cuts in proportion to the random value', () => {
    expect(backoffDelayMs(2, () => 0.5)).toBe(875);
  });

  it('stays between 75% and 100% of the base with Math.random', () => {
    for (let i = 0; i < 100; i++) {
      const delay = backoffDelayMs(1);
      expect(delay).toBeGreaterThanOrEqual(375);
      expect(delay).toBeLessThanOrEqual(500);
    }
  });
});

describe('retryAfterMs', () => {
  const headers = (init: Record<string, string>): Headers => new Headers(init);

  it('returns undefined when the server asked for nothing', () => {
    expect(retryAfterMs(headers({}), now)).toBeUndefined();
  });

  it('reads Retry-After in seconds', () => {
    expect(retryAfterMs(headers({ 'Retry-After': '1' }), now)).toBe(1000);
    expect(retryAfterMs(headers({ 'Retry-After': ' 2.5 ' }), now)).toBe(2500);
    expect(retryAfterMs(headers({ 'Retry-After': '0' }), now)).toBe(0);
  });

  it('reads Retry-After as an HTTP date relative to now', () => {
    expect(retryAfterMs(headers({ 'Retry-After': new Date(NOW + 5_000).toUTCString() }), now)).toBe(5_000);
  });

  it('ignores an HTTP date in the past', () => {
    expect(retryAfterMs(headers({ 'Retry-After': new Date(NOW - 5_000).toUTCString() }), now)).toBeUndefined();
  });

  it('reads retry-after-ms in milliseconds, fractions included', () => {
    expect(retryAfterMs(headers({ 'retry-after-ms': '250.5' }), now)).toBe(250.5);
  });

  it('prefers retry-after-ms over Retry-After', () => {
    expect(retryAfterMs(headers({ 'retry-after-ms': '300', 'Retry-After': '7' }), now)).toBe(300);
  });

  it('falls back to Retry-After when retry-after-ms cannot be read', () => {
    expect(retryAfterMs(headers({ 'retry-after-ms': 'soon', 'Retry-After': '7' }), now)).toBe(7_000);
  });

  it.each(['soon', '-1', '', '0x10', 'Infinity', '1e3'])('ignores the unreadable Retry-After %j', (value) => {
    expect(retryAfterMs(headers({ 'Retry-After': value }), now)).toBeUndefined();
  });

  it('ignores a negative retry-after-ms', () => {
    expect(retryAfterMs(headers({ 'retry-after-ms': '-5' }), now)).toBeUndefined();
  });

  it('honours exactly 60 s but nothing longer', () => {
    expect(retryAfterMs(headers({ 'Retry-After': '60' }), now)).toBe(60_000);
    expect(retryAfterMs(headers({ 'Retry-After': '60.001' }), now)).toBeUndefined();
    expect(retryAfterMs(headers({ 'retry-after-ms': '60001' }), now)).toBeUndefined();
    expect(retryAfterMs(headers({ 'Retry-After': new Date(NOW + 120_000).toUTCString() }), now)).toBeUndefined();
  });
});

describe('retryDelayMs', () => {
  it('uses the wait the server asked for', () => {
    expect(retryDelayMs(1, new Headers({ 'Retry-After': '3' }), () => 0, now)).toBe(3_000);
  });

  it('uses the backoff when the server asked for nothing usable', () => {
    expect(retryDelayMs(3, new Headers({ 'Retry-After': '120' }), () => 0, now)).toBe(2_000);
    expect(retryDelayMs(3, new Headers(), () => 1, now)).toBe(1_500);
  });

  it('uses the backoff when there is no response', () => {
    expect(retryDelayMs(2, undefined, () => 0, now)).toBe(1_000);
  });
});

describe('shouldRetryResponse', () => {
  const response = (status: number, init: Record<string, string> = {}) => ({ status, headers: new Headers(init) });

  it.each([408, 409, 429, 500, 501, 502, 503, 504, 599])('retries %i', (status) => {
    expect(isRetryableStatus(status)).toBe(true);
    expect(shouldRetryResponse(response(status))).toBe(true);
  });

  it.each([200, 201, 204, 304, 400, 401, 403, 404, 405, 410, 422, 499])('does not retry %i', (status) => {
    expect(isRetryableStatus(status)).toBe(false);
    expect(shouldRetryResponse(response(status))).toBe(false);
  });

  it('does not retry a 503 carrying x-should-retry: false', () => {
    expect(shouldRetryResponse(response(503, { 'x-should-retry': 'false' }))).toBe(false);
  });

  it('retries a 400 carrying x-should-retry: true', () => {
    expect(shouldRetryResponse(response(400, { 'x-should-retry': 'TRUE' }))).toBe(true);
  });

  it('ignores an x-should-retry value other than true or false', () => {
    expect(shouldRetryResponse(response(503, { 'x-should-retry': 'maybe' }))).toBe(true);
    expect(shouldRetryResponse(response(400, { 'x-should-retry': '1' }))).toBe(false);
  });
});

describe('shouldRetryResponse for an operation that is not idempotent', () => {
  const response = (status: number, init: Record<string, string> = {}) => ({ status, headers: new Headers(init) });

  it('does not retry a 500 carrying x-should-retry: true (the server may have acted)', () => {
    expect(shouldRetryResponse(response(500, { 'x-should-retry': 'true' }), false)).toBe(false);
  });

  it('retries 408, 429 and 503, where the server cannot have acted', () => {
    for (const status of [408, 429, 503]) expect(shouldRetryResponse(response(status), false)).toBe(true);
    for (const status of [409, 500, 502, 504]) expect(shouldRetryResponse(response(status), false)).toBe(false);
  });
});
