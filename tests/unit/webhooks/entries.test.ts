// The two builds of `jelou-external-support/webhooks`: the same API, and a Web-standard one free of Node.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { inspect } from 'node:util';
import * as nodeEntry from '../../../src/webhooks/node';
import * as webEntry from '../../../src/webhooks/index';

const SRC = path.resolve(__dirname, '../../../src');

/** Every source file an entry reaches through relative run-time imports (`import type` erases). */
function reachable(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const source = readFileSync(file, 'utf8');
  for (const [, spec] of source.matchAll(/^(?:import|export) (?!type )[^;]*?from '(\.{1,2}\/[^']+)'/gm)) {
    reachable(path.resolve(path.dirname(file), String(spec).replace(/\.js$/, '.ts')), seen);
  }
  return seen;
}

describe('webhooks entries', () => {
  it('export the same names from the Node and the Web-standard build', () => {
    expect(Object.keys(nodeEntry).sort()).toEqual(Object.keys(webEntry).sort());
    expect(Object.keys(webEntry).sort()).toEqual(
      [
        'JELOU_EVENT_NAMES',
        'WebhookVerificationError',
        'createJelouWebhooks',
        'defaultDedupeKey',
        'memoryStore',
        'redisStore',
        'signJelouPayload',
        'toFetchHandler',
        'toNodeHandler',
        'verifyJelouSignature',
      ].sort(),
    );
  });

  it('keep the Web-standard build free of Buffer and node: imports', () => {
    const files = [...reachable(path.join(SRC, 'webhooks', 'index.ts'))];
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const code = readFileSync(file, 'utf8').replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '');
      expect([path.relative(SRC, file), /\bBuffer\b/.test(code) || /from 'node:/.test(code)]).toEqual([
        path.relative(SRC, file),
        false,
      ]);
    }
  });

  it('never import the client, the root entry or generated code other than the webhook tables', () => {
    for (const entry of ['index.ts', 'node.ts']) {
      for (const file of reachable(path.join(SRC, 'webhooks', entry))) {
        const relative = path.relative(SRC, file);
        expect(relative).toMatch(/^(webhooks\/|spec\/webhook-events\.ts$|generated\/webhook-events\.ts$)/);
      }
    }
  });

  it('show no signing secret in errors, inspect output or JSON', async () => {
    const secret = 'canary-secret-never-shown-9d1f';
    const outputs: string[] = [];
    for (const { verifyJelouSignature, createJelouWebhooks, WebhookVerificationError } of [nodeEntry, webEntry]) {
      const hooks = createJelouWebhooks({
        secret: [secret, `${secret}-previous`],
        auth: { type: 'bearer', token: `${secret}-token` },
      });
      outputs.push(inspect(hooks, { depth: 10, showHidden: true }), JSON.stringify(hooks));
      const results = [
        await verifyJelouSignature('{}', 'sha256=' + '0'.repeat(64), secret),
        await verifyJelouSignature({}, 'x', secret),
      ];
      outputs.push(JSON.stringify(results));
      const failures = [
        await hooks.verifyAndReceive({ body: '{}', headers: { 'x-jelou-signature': 'bad' } }).catch((e: unknown) => e),
        await hooks
          .verifyAndReceive({ body: '{}', headers: { 'x-jelou-signature': `sha256=${'0'.repeat(64)}` } })
          .catch((e: unknown) => e),
        new WebhookVerificationError('bad_auth'),
      ];
      const tooFew = (() => {
        try {
          createJelouWebhooks({ secret: ['', undefined] });
        } catch (error) {
          return error;
        }
        return undefined;
      })();
      for (const error of [...failures, tooFew]) {
        expect(error).toBeInstanceOf(Error);
        outputs.push(
          String(error),
          (error as Error).stack ?? '',
          inspect(error, { showHidden: true, depth: 10 }),
          JSON.stringify(error),
        );
      }
    }
    const text = outputs.join('\n');
    expect(text).toContain('mismatch');
    expect(text).not.toContain(secret);
  });
});
