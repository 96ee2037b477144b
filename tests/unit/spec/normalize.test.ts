import { normalize } from '../../../src/spec/normalize';
import { ENVELOPE, FLAT } from '../../support/fake-fetch';

describe('normalize of a flat body', () => {
  it('gives the body itself as data, with shape flat and no envelope', () => {
    const result = normalize(FLAT, true);
    expect(result).toStrictEqual({ data: FLAT, shape: 'flat', envelope: undefined });
    expect(result.data).toBe(FLAT);
  });

  it('keeps every property the server sent, unknown ones included (tolerant reader)', () => {
    const body = { ...FLAT, description: 'new in the spec', tenant: { id: 't' } };
    expect(normalize(body, true).data).toStrictEqual(body);
  });

  it('keeps optional fields of any type as sent, as the schema check has already run', () => {
    const body = { ...FLAT, authType: 'oauth2' };
    expect(normalize(body, true).data).toHaveProperty('authType', 'oauth2');
  });

  it('treats a body with data as flat when the operation documents no envelope', () => {
    const body = { data: 1, other: 2 };
    expect(normalize(body, false)).toStrictEqual({ data: body, shape: 'flat', envelope: undefined });
  });

  it('passes a body that is not an object through as flat', () => {
    expect(normalize(undefined, true)).toStrictEqual({ data: undefined, shape: 'flat', envelope: undefined });
    expect(normalize([1], true).shape).toBe('flat');
  });
});

describe('normalize of an envelope', () => {
  it('takes data as the result and keeps the envelope fields apart', () => {
    const result = normalize(ENVELOPE, true);
    expect(result.shape).toBe('envelope');
    expect(result.data).toBe(ENVELOPE.data);
    expect(result.envelope).toStrictEqual({
      message: ENVELOPE.message,
      statusMessage: ENVELOPE.statusMessage,
      status: ENVELOPE.status,
    });
  });

  it('keeps unknown fields of both the envelope and its data', () => {
    const body = { ...ENVELOPE, traceId: 't-1', data: { ...ENVELOPE.data, tenant: 'acme' } };
    const result = normalize(body, true);
    expect(result.data).toStrictEqual({ ...ENVELOPE.data, tenant: 'acme' });
    expect(result.envelope).toHaveProperty('traceId', 't-1');
  });

  it('gives an empty envelope for an envelope holding only data', () => {
    expect(normalize({ data: FLAT }, true)).toStrictEqual({ data: FLAT, shape: 'envelope', envelope: {} });
  });

  it('never puts data in the envelope fields', () => {
    expect(normalize(ENVELOPE, true).envelope).not.toHaveProperty('data');
  });
});
