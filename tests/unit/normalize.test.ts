import { normalizeIntegration } from '../../src/normalize';
import type { IntegrationResponse } from '../../src/spec-types';

const FLAT = {
  id: 'INTEGRATION_ID',
  brainId: 'BRAIN_ID',
  webhookUrl: 'https://my-system.com/webhook/jelou',
  authType: 'bearer',
  createdAt: '2023-11-07T05:31:56Z',
  updatedAt: '2023-11-08T06:00:00Z',
};

const DATA = {
  brainId: 'PROJECT_ID',
  webhookUrl: 'https://my-system.com/webhook/jelou-v2',
  createdAt: '2026-01-15T10:30:00.000Z',
  updatedAt: '2026-01-20T14:45:00.000Z',
};

const ENVELOPE = {
  message: ['Integration retrieved successfully'],
  statusMessage: 'success',
  status: 1,
  data: DATA,
};

/** Bodies the validator would not type exactly (extra or mistyped fields), passed as a validated body would be. */
function body(value: unknown): IntegrationResponse {
  return value as IntegrationResponse;
}

describe('normalizeIntegration of a flat body', () => {
  it('returns every field of a complete flat body, with shape flat and no envelope', () => {
    expect(normalizeIntegration(body(FLAT))).toStrictEqual({
      integration: {
        id: 'INTEGRATION_ID',
        brainId: 'BRAIN_ID',
        webhookUrl: 'https://my-system.com/webhook/jelou',
        authType: 'bearer',
        createdAt: '2023-11-07T05:31:56Z',
        updatedAt: '2023-11-08T06:00:00Z',
      },
      shape: 'flat',
      envelope: undefined,
    });
  });

  it('leaves out the optional fields the server did not send', () => {
    const { integration } = normalizeIntegration(
      body({
        brainId: 'BRAIN_ID',
        webhookUrl: 'https://my-system.com/webhook/jelou',
        createdAt: '2023-11-07T05:31:56Z',
      }),
    );
    expect(integration).toStrictEqual({
      brainId: 'BRAIN_ID',
      webhookUrl: 'https://my-system.com/webhook/jelou',
      createdAt: '2023-11-07T05:31:56Z',
    });
    expect('id' in integration).toBe(false);
    expect('authType' in integration).toBe(false);
    expect('updatedAt' in integration).toBe(false);
  });

  it('keeps each optional field on its own when only that one was sent', () => {
    const required = { brainId: 'B', webhookUrl: 'https://a.example/h', createdAt: '2024-01-01T00:00:00Z' };
    expect(Object.keys(normalizeIntegration(body({ ...required, id: 'I' })).integration).sort()).toEqual([
      'brainId',
      'createdAt',
      'id',
      'webhookUrl',
    ]);
    expect(normalizeIntegration(body({ ...required, authType: 'no_auth' })).integration).toStrictEqual({
      ...required,
      authType: 'no_auth',
    });
    expect(normalizeIntegration(body({ ...required, updatedAt: '2024-02-02T00:00:00Z' })).integration).toStrictEqual({
      ...required,
      updatedAt: '2024-02-02T00:00:00Z',
    });
  });

  it('drops unknown fields the server added', () => {
    const { integration } = normalizeIntegration(body({ ...FLAT, tenant: 'acme', secretToken: 'x', nested: { a: 1 } }));
    expect(Object.keys(integration).sort()).toEqual([
      'authType',
      'brainId',
      'createdAt',
      'id',
      'updatedAt',
      'webhookUrl',
    ]);
  });

  it('ignores optional fields whose value is not a string', () => {
    const { integration } = normalizeIntegration(
      body({ ...FLAT, id: 42, authType: { kind: 'bearer' }, updatedAt: null }),
    );
    expect(integration).toStrictEqual({
      brainId: 'BRAIN_ID',
      webhookUrl: 'https://my-system.com/webhook/jelou',
      createdAt: '2023-11-07T05:31:56Z',
    });
    expect('id' in integration).toBe(false);
    expect('authType' in integration).toBe(false);
    expect('updatedAt' in integration).toBe(false);
  });

  it('keeps an authType outside the documented enum, as the response schema types it as a plain string', () => {
    expect(normalizeIntegration(body({ ...FLAT, authType: 'oauth2' })).integration.authType).toBe('oauth2');
  });

  it('returns a new object rather than the body itself', () => {
    const flat = { ...FLAT };
    const { integration } = normalizeIntegration(body(flat));
    expect(integration).not.toBe(flat);
    expect(flat).toStrictEqual(FLAT);
  });
});

describe('normalizeIntegration of an envelope', () => {
  it('takes the integration from data and keeps the envelope fields apart', () => {
    expect(normalizeIntegration(body(ENVELOPE))).toStrictEqual({
      integration: {
        brainId: 'PROJECT_ID',
        webhookUrl: 'https://my-system.com/webhook/jelou-v2',
        createdAt: '2026-01-15T10:30:00.000Z',
        updatedAt: '2026-01-20T14:45:00.000Z',
      },
      shape: 'envelope',
      envelope: {
        message: ['Integration retrieved successfully'],
        statusMessage: 'success',
        status: 1,
      },
    });
  });

  it('does not report id or authType when data lacks them, as the documented envelope does', () => {
    const { integration } = normalizeIntegration(body(ENVELOPE));
    expect('id' in integration).toBe(false);
    expect('authType' in integration).toBe(false);
  });

  it('keeps id and authType when data carries them', () => {
    const { integration } = normalizeIntegration(body({ ...ENVELOPE, data: { ...DATA, id: 'I', authType: 'basic' } }));
    expect(integration).toStrictEqual({ ...DATA, id: 'I', authType: 'basic' });
  });

  it('gives an empty envelope info for an envelope holding only data', () => {
    const normalized = normalizeIntegration(body({ data: DATA }));
    expect(normalized.shape).toBe('envelope');
    expect(normalized.envelope).toStrictEqual({});
    expect(normalized.integration).toStrictEqual(DATA);
  });

  it('reports only the envelope fields that are present', () => {
    expect(normalizeIntegration(body({ status: 0, data: DATA })).envelope).toStrictEqual({ status: 0 });
    expect(normalizeIntegration(body({ statusMessage: '', data: DATA })).envelope).toStrictEqual({
      statusMessage: '',
    });
    expect(normalizeIntegration(body({ message: [], data: DATA })).envelope).toStrictEqual({ message: [] });
  });

  it('keeps neither the envelope fields in the integration nor data fields in the envelope info', () => {
    const { integration, envelope } = normalizeIntegration(body(ENVELOPE));
    expect(Object.keys(integration).sort()).toEqual(['brainId', 'createdAt', 'updatedAt', 'webhookUrl']);
    expect(Object.keys(envelope ?? {}).sort()).toEqual(['message', 'status', 'statusMessage']);
  });

  it('drops unknown fields of both the envelope and its data', () => {
    const normalized = normalizeIntegration(
      body({ ...ENVELOPE, traceId: 't-1', data: { ...DATA, tenant: 'acme', id: 7, authType: false } }),
    );
    expect(normalized.integration).toStrictEqual(DATA);
    expect(normalized.envelope).toStrictEqual({
      message: ['Integration retrieved successfully'],
      statusMessage: 'success',
      status: 1,
    });
  });

  it('treats a body with a top-level brainId and data as an envelope, taking the integration from data', () => {
    const normalized = normalizeIntegration(body({ ...FLAT, data: DATA }));
    expect(normalized.shape).toBe('envelope');
    expect(normalized.integration).toStrictEqual(DATA);
  });
});
