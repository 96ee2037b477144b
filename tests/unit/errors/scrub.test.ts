// Scrubbing by structure: a secret the client never saw is still hidden when a body field names it.
import { inspect } from 'node:util';
import { createExternalSupportClient, ResponseValidationError } from '../../../src/index';

const NEW_SECRET = 'whsec-new-0123456789abcdef';

function clientAnswering(body: unknown) {
  return createExternalSupportClient({
    auth: { apiKey: 'api-key-for-tests' },
    maxRetries: 0,
    fetch: async () =>
      new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } }),
  });
}

describe('scrubError', () => {
  it('hides a new signing secret in a create response that failed validation, by the field name', async () => {
    const client = clientAnswering({ signingSecret: NEW_SECRET, unexpected: true });
    const error = await client
      .createIntegration('PROJECT_ID', { webhookUrl: 'https://panel.example.com/jelou' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    const body = (error as ResponseValidationError).body as Record<string, unknown>;
    expect(body.signingSecret).toBe('***');
    expect(body.unexpected).toBe(true);
    for (const rendering of [String(error), inspect(error, { depth: 10 }), JSON.stringify(error)]) {
      expect(rendering).not.toContain(NEW_SECRET);
    }
  });

  it('keeps fields whose names only look alike (authType, tokenCount)', async () => {
    const client = clientAnswering({ authType: 'bearer', tokenCount: 'three', unexpected: true });
    const error = (await client.getIntegration('PROJECT_ID').catch((e: unknown) => e)) as ResponseValidationError;
    expect(error.body).toMatchObject({ authType: 'bearer', tokenCount: 'three' });
  });
});
