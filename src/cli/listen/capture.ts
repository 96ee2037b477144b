// The JSON-lines capture of `jelou listen`, read back by `jelou replay`: one delivery a line, the body in base64 so
// that it is replayed byte for byte. The auth header is not written (it is a credential); replay adds it back from
// its own --auth-type/--auth-token-env. The file is created with mode 600.
import { randomBytes } from 'node:crypto';
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../errors.js';

/** One captured delivery. */
export interface CapturedDelivery {
  /** The capture's own id (`d_…`), for `replay --only`. */
  id: string;
  receivedAt: string;
  method: string;
  path: string;
  /** Lower-cased names; without the auth header and hop-by-hop headers. */
  headers: Record<string, string>;
  /** The exact bytes, base64. */
  body: string;
  event: string;
  /** `value.id` of a message event. */
  messageId?: string;
  verified: boolean;
  reason?: string;
  forwardedTo?: string;
}

/** A fresh capture id. */
export const captureId = (): string => `d_${randomBytes(6).toString('hex')}`;

/** Appends one delivery to the file (creating it and its folder, mode 600). */
export async function appendCapture(file: string, delivery: CapturedDelivery): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await appendFile(file, `${JSON.stringify(delivery)}\n`, { mode: 0o600 });
}

/** Every delivery of a capture file; a bad line is a usage error naming the line. */
export async function readCapture(file: string): Promise<CapturedDelivery[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new UsageError(`cannot read the capture file ${file}`);
  }
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, index) => {
      try {
        const value = JSON.parse(line) as CapturedDelivery;
        if (typeof value.id !== 'string' || typeof value.body !== 'string' || typeof value.headers !== 'object') {
          throw new Error('not a delivery');
        }
        return value;
      } catch {
        throw new UsageError(`${file}:${index + 1} is not a delivery captured by jelou listen`);
      }
    });
}
