import { KnownSecrets } from '../../../src/errors/known-secrets.js';

describe('KnownSecrets', () => {
  it('lists what was added, once each, ignoring blanks and non-strings', () => {
    const secrets = new KnownSecrets().add('a-secret', '', '  ', undefined, 42, 'a-secret');
    expect(secrets.list()).toStrictEqual(['a-secret']);
  });

  it('registers the values of sensitive headers, and the token inside Authorization: Bearer T', () => {
    const secrets = new KnownSecrets().headers({
      Authorization: 'Bearer tok-123',
      'x-client-secret': 's3',
      'x-service-key': 'k9',
      'x-trace': 'not-a-secret',
      accept: 'application/json',
    });
    expect(secrets.list()).toStrictEqual(['Bearer tok-123', 'tok-123', 's3', 'k9']);
  });

  it('registers a header whose value is an authorization scheme, whatever its name', () => {
    expect(new KnownSecrets().headers({ 'x-upstream': 'Basic QWxhZGRpbg==' }).list()).toContain('QWxhZGRpbg==');
  });

  it("counts its parent's values as its own, and a child never changes the parent", () => {
    const client = new KnownSecrets().add('client-key');
    const call = new KnownSecrets(client).add('call-secret');
    expect(call.list()).toStrictEqual(['client-key', 'call-secret']);
    expect(client.list()).toStrictEqual(['client-key']);
  });

  it('keeps fixed values forever and only the latest 32 values resolved per request', () => {
    const secrets = new KnownSecrets().add('signing-secret');
    for (let i = 0; i < 40; i++) secrets.seen(`rotated-${i}`);
    const list = secrets.list();
    expect(list).toContain('signing-secret');
    expect(list).toContain('rotated-39');
    expect(list).toContain('rotated-8');
    expect(list).not.toContain('rotated-7');
    expect(list).toHaveLength(33);
  });
});
