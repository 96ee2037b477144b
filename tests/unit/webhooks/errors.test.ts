// The webhooks entry's errors belong to the SDK's one hierarchy (by brand, without importing src/errors/).
import { inspect } from 'node:util';
import { JelouError, ValidationError } from '../../../src/index';
import * as nodeEntry from '../../../src/webhooks/node';
import * as webEntry from '../../../src/webhooks/index';

describe('webhooks errors', () => {
  it.each([
    ['node', nodeEntry],
    ['web', webEntry],
  ])('a WebhookVerificationError of the %s build is a JelouError and keeps its reason', async (_, entry) => {
    const hooks = entry.createJelouWebhooks({ secret: 's' });
    const error = await hooks
      .verifyAndReceive({ body: '{}', headers: { 'x-jelou-signature': `sha256=${'0'.repeat(64)}` } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(entry.WebhookVerificationError);
    expect(error).toBeInstanceOf(JelouError);
    expect(error).not.toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ name: 'WebhookVerificationError', reason: 'mismatch' });
  });

  it.each([
    ['node', nodeEntry],
    ['web', webEntry],
  ])(
    'bad input to the %s build is a ValidationError (and a TypeError) naming the field, never the value',
    async (_, entry) => {
      const noSecret = (() => {
        try {
          entry.createJelouWebhooks({ secret: ['', undefined] });
        } catch (error) {
          return error;
        }
        return undefined;
      })();
      const verifyNoSecret = await entry
        .verifyJelouSignature('{}', `sha256=${'0'.repeat(64)}`, '')
        .catch((e: unknown) => e);
      const signObject = await entry
        .signJelouPayload({ a: 'secret-body-value' } as never, 'k')
        .catch((e: unknown) => e);
      for (const [error, field] of [
        [noSecret, 'secret'],
        [verifyNoSecret, 'secret'],
        [signObject, 'body'],
      ] as const) {
        expect(error).toBeInstanceOf(TypeError);
        expect(error).toBeInstanceOf(ValidationError);
        expect(error).toBeInstanceOf(JelouError);
        expect(error).toMatchObject({ name: 'ValidationError', field });
        expect((error as Error).message).toMatch(new RegExp(`^Invalid ${field}: `));
        expect(`${inspect(error, { showHidden: true })}${JSON.stringify(error)}`).not.toContain('secret-body-value');
      }
    },
  );
});
