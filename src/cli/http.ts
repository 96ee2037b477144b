// The CLI's own HTTP: POSTing exact bytes with exact headers (trigger, forward, replay), timed.
import { CliFailure, Interrupted, UsageError } from './errors.js';

/** Headers a forwarder must not copy: they describe one connection, not the message (RFC 9110 §7.6.1). */
export const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'te',
  'upgrade',
  'proxy-connection',
  'trailer',
  'host',
  'content-length',
]);

/** A target URL (http or https), or a usage error naming the flag. */
export function targetUrl(value: string, flag: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`${flag} must be an absolute http(s) URL, not ${value}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`${flag} must be http or https`);
  return url;
}

/** What came back. */
export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  ms: number;
}

/** Time limit of one POST. */
export const POST_TIMEOUT_MS = 30_000;

/** POSTs the bytes as they are; a connection failure is a CliFailure naming the URL. */
export async function postBytes(
  url: URL,
  headers: Record<string, string>,
  body: Uint8Array,
  signal: AbortSignal,
): Promise<Answer> {
  const started = performance.now();
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers,
      body: body as Uint8Array<ArrayBuffer>,
      redirect: 'manual',
      signal: AbortSignal.any([signal, AbortSignal.timeout(POST_TIMEOUT_MS)]),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, text, ms: Math.round(performance.now() - started) };
  } catch (error) {
    if (signal.aborted) throw new Interrupted();
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new CliFailure(`POST ${url.href} failed: ${cause?.code ?? cause?.message ?? (error as Error).message}`);
  }
}
