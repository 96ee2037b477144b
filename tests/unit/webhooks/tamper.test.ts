// ≥ 10,000 tampered deliveries from a fixed seed: not one may verify.
import { ENTRIES, PREVIOUS, SECRET, docsSign } from '../../support/webhooks';
import { sampleEvent } from '../../../src/testing/index';
import type { WebhookAuth } from '../../../src/webhooks/index';

/** mulberry32: a small seeded PRNG, so a failure replays. */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Ten thousand verifications per entry: a second or two alone, more than jest's default 5 s on a busy machine.
jest.setTimeout(30_000);

const AUTH: WebhookAuth = { type: 'bearer', token: 'tok-canary' };
const TAMPERS = [
  'flip a body byte',
  'flip a signature digit',
  'wrong secret',
  'truncated prefix',
  're-cased prefix',
  'extra whitespace',
  'empty body',
  'swapped auth header',
] as const;

function tampered(random: () => number, kind: (typeof TAMPERS)[number]) {
  const event = sampleEvent('message.text', { value: { id: `m-${random()}`, content: { body: `hello ${random()}` } } });
  const { body, signature } = docsSign(event);
  const bytes = new TextEncoder().encode(body);
  const at = (n: number) => Math.floor(random() * n);
  let headers: Record<string, string> = { authorization: 'Bearer tok-canary' };
  switch (kind) {
    case 'flip a body byte': {
      const i = at(bytes.length);
      bytes[i] = (bytes[i] ?? 0) ^ (1 << at(8));
      return { body: bytes, signature, headers };
    }
    case 'flip a signature digit': {
      const i = 7 + at(64);
      const digit = '0123456789abcdef'.replace(signature.charAt(i), '').charAt(at(15));
      return { body, signature: signature.slice(0, i) + digit + signature.slice(i + 1), headers };
    }
    case 'wrong secret':
      return { body, signature: docsSign(event, random() < 0.5 ? PREVIOUS : `${SECRET}x`).signature, headers };
    case 'truncated prefix':
      return { body, signature: signature.slice(1 + at(7)), headers };
    case 're-cased prefix':
      return { body, signature: (random() < 0.5 ? 'SHA256=' : 'Sha256=') + signature.slice(7), headers };
    case 'extra whitespace': {
      const i = at(signature.length + 1);
      return { body, signature: signature.slice(0, i) + ' \t'[at(2)] + signature.slice(i), headers };
    }
    case 'empty body':
      return { body: random() < 0.5 ? '' : new Uint8Array(0), signature, headers };
    case 'swapped auth header':
      headers = random() < 0.5 ? { 'x-api-key': 'tok-canary' } : { authorization: 'Basic tok-canary' };
      return { body, signature, headers };
  }
}

/** The 10,000 tampered deliveries (fixed seed), made once: every entry verifies the same ones. */
let deliveries: (ReturnType<typeof tampered> & { kind: (typeof TAMPERS)[number] })[] = [];
beforeAll(() => {
  const random = prng(0x1e10);
  deliveries = Array.from({ length: 10_000 }, (_, i) => {
    const kind = TAMPERS[i % TAMPERS.length] ?? 'empty body';
    return { kind, ...tampered(random, kind) };
  });
});

describe.each(ENTRIES)('tampered deliveries (%s entry)', (_runtime, { verifyJelouSignature }) => {
  it('accepts none of 10,000 tampered deliveries (fixed seed), and accepts the untampered ones', async () => {
    const accepted: string[] = [];
    const reasons = new Map<string, number>();
    expect(deliveries).toHaveLength(10_000);
    for (const [i, { kind, body, signature, headers }] of deliveries.entries()) {
      const result = await verifyJelouSignature(body, signature, [SECRET], { auth: AUTH, headers });
      if (result.ok) accepted.push(`${i}: ${kind}`);
      else reasons.set(result.reason, (reasons.get(result.reason) ?? 0) + 1);
    }
    expect(accepted).toEqual([]);
    expect([...reasons.keys()].sort()).toEqual([
      'bad_auth',
      'empty_body',
      'malformed_signature',
      'mismatch',
      'missing_auth',
    ]);
    const { body, signature } = docsSign(sampleEvent('message.text'));
    await expect(
      verifyJelouSignature(body, signature, SECRET, { auth: AUTH, headers: { authorization: 'Bearer tok-canary' } }),
    ).resolves.toMatchObject({ ok: true });
  });
});
