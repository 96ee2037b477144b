import type { ValidationError } from '../../../src/errors/validation-error.js';
import { refusal } from '../../support/refusal';
import { bodyError, checkIntegrationFields, validateProjectId } from '../../../src/client/validate-input.js';
import { operationTable } from '../../../src/spec/operations.js';

/** What updateIntegration does with its changes before sending: the hand-written rule, then the spec's schema. */
function validateChanges(changes: unknown): ReturnType<typeof checkIntegrationFields> {
  const fields = checkIntegrationFields(changes);
  const issue = operationTable().updateIntegration.body?.(fields)?.[0];
  if (issue !== undefined) throw bodyError(issue, 'changes');
  return fields;
}

const CANARY = 'canary-secret-123';

/** Runs `fn`, expecting a ValidationError for `field` whose message never quotes `CANARY`; returns it. */
function expectValidationError(fn: () => unknown, field: string): ValidationError {
  const error = refusal(fn);
  expect(error.field).toBe(field);
  expect(error.message).toBe(`Invalid ${field}: ${error.problem}`);
  expect(error.message).not.toContain(CANARY);
  expect(error.problem).not.toContain(CANARY);
  return error;
}

describe('validateProjectId', () => {
  it.each(['PROJECT_ID', 'a', 'a/b?c#d', ' padded ', 'proyecto-ñ', '%2F'])('returns %j unchanged', (id) => {
    expect(validateProjectId(id)).toBe(id);
  });

  it.each([
    ['a number', 42],
    ['undefined', undefined],
    ['null', null],
    ['a String object', Object(CANARY)],
  ])('rejects %s as not a string', (_label, id) => {
    expect(expectValidationError(() => validateProjectId(id), 'projectId').problem).toBe('must be a string');
  });

  it.each(['.', '..'])('rejects %j, which a URL would resolve as navigation instead of sending', (id) => {
    expect(expectValidationError(() => validateProjectId(id), 'projectId').problem).toMatch(/navigation/);
  });

  it.each(['...', '.hidden', 'a..b'])('accepts %j, which is an ordinary segment', (id) => {
    expect(validateProjectId(id)).toBe(id);
  });

  it.each([
    ['the empty string', ''],
    ['spaces', '   '],
    ['tabs and newlines', '\t\n'],
    ['a no-break space', '\u00a0'],
  ])('rejects %s as empty', (_label, id) => {
    expect(expectValidationError(() => validateProjectId(id), 'projectId').problem).toMatch(/empty/);
  });

  it.each([
    ['NUL', '\u0000'],
    ['a newline', '\n'],
    ['a carriage return', '\r'],
    ['unit separator', '\u001f'],
    ['DEL', '\u007f'],
    ['a C1 control', '\u0085'],
    ['APC', '\u009f'],
  ])('rejects an id containing %s without quoting it', (_label, control) => {
    const error = expectValidationError(() => validateProjectId(`${CANARY}${control}x`), 'projectId');
    expect(error.problem).toBe('must not contain control characters');
  });

  it('accepts characters just outside the control ranges', () => {
    expect(validateProjectId('\u0020\u007e\u00a0x')).toBe('\u0020\u007e\u00a0x');
  });
});

describe('validateChanges', () => {
  describe('the object', () => {
    class Changes {
      webhookUrl = 'https://my-system.com/webhook';
    }

    it.each([
      ['null', null],
      ['undefined', undefined],
      ['a string', 'https://my-system.com/webhook'],
      ['an array', [{ webhookUrl: 'https://my-system.com/webhook' }]],
      ['a class instance', new Changes()],
      ['a Map', new Map([['webhookUrl', 'https://my-system.com/webhook']])],
      ['a Date', new Date()],
    ])('rejects %s as not a plain object', (_label, changes) => {
      const error = expectValidationError(() => validateChanges(changes), 'changes');
      expect(error.message).toBe('Invalid changes: must be a plain object');
    });

    it('accepts an object without a prototype', () => {
      const changes = Object.assign(Object.create(null) as object, { authType: 'no_auth' });
      expect(validateChanges(changes)).toEqual({ authType: 'no_auth' });
    });

    it.each([
      ['an empty object', {}],
      [
        'an object whose fields are all undefined',
        { webhookUrl: undefined, authType: undefined, authorization: undefined },
      ],
    ])('rejects %s as setting nothing', (_label, changes) => {
      const error = expectValidationError(() => validateChanges(changes), 'changes');
      expect(error.problem).toBe('must NOT have fewer than 1 properties');
    });

    it.each(['webhookURL', 'auth_type', 'token', 'projectId', '__proto__'])(
      'rejects the unknown key %s by name',
      (key) => {
        const changes = JSON.parse(JSON.stringify({ authType: 'no_auth' })) as Record<string, unknown>;
        Object.defineProperty(changes, key, { value: CANARY, enumerable: true });
        const error = expectValidationError(() => validateChanges(changes), key);
        expect(error.problem).toBe('must NOT be an additional property');
      },
    );

    it('drops an unknown key whose value is undefined', () => {
      expect(validateChanges({ authType: 'no_auth', webhookURL: undefined })).toEqual({ authType: 'no_auth' });
    });

    it('returns a new object with only the defined fields and leaves the argument alone', () => {
      const changes = { webhookUrl: 'https://my-system.com/webhook', authType: undefined, authorization: CANARY };
      const before = { ...changes };
      const result = validateChanges(changes);
      expect(result).not.toBe(changes);
      expect(result).toStrictEqual({ webhookUrl: 'https://my-system.com/webhook', authorization: CANARY });
      expect(Object.keys(result)).toEqual(['webhookUrl', 'authorization']);
      expect(changes).toStrictEqual(before);
      result.authorization = 'changed';
      expect(changes.authorization).toBe(CANARY);
    });

    it('reads each field once, so a getter cannot change a value after it was checked', () => {
      let reads = 0;
      const changes = {
        get webhookUrl() {
          reads += 1;
          return reads === 1 ? 'https://my-system.com/webhook' : 'http://127.0.0.1/';
        },
      };
      expect(validateChanges(changes)).toEqual({ webhookUrl: 'https://my-system.com/webhook' });
      expect(reads).toBe(1);
    });
  });

  describe('webhookUrl', () => {
    it.each([
      'https://my-system.com/webhook/jelou-v2',
      'https://8.8.8.8/hook',
      'https://[2001:4860:4860::8888]/hook',
      'https://[64:ff9b::808:808]/hook',
      'https://[2002:808:808::]/hook',
    ])('accepts %s and returns it unchanged', (webhookUrl) => {
      expect(validateChanges({ webhookUrl })).toEqual({ webhookUrl });
    });

    it.each([
      ['https://MY-SYSTEM.com:8443/hook?token=abc#frag', 'https://my-system.com:8443/hook?token=abc#frag'],
      ['https://example.com\\@127.0.0.1/h', 'https://example.com/@127.0.0.1/h'],
      ['https://my-system.com', 'https://my-system.com/'],
      ['https://my-system.com/a/../hook', 'https://my-system.com/hook'],
    ])('sends %s as its normalized href %s', (webhookUrl, href) => {
      expect(validateChanges({ webhookUrl })).toEqual({ webhookUrl: href });
    });

    it.each(['https://usr7:pw9@example.com/h', 'https://usr7@my-system.com/hook', 'https://:pw9@my-system.com/'])(
      'refuses the user info of %s without quoting it',
      (webhookUrl) => {
        const error = expectValidationError(() => validateChanges({ webhookUrl }), 'webhookUrl');
        expect(error.message).not.toMatch(/usr7|pw9/);
        expect(error.problem).toContain('user info');
      },
    );

    it.each([
      ['NAT64 of loopback', '[64:ff9b::7f00:1]'],
      ['NAT64 of cloud metadata', '[64:ff9b::a9fe:a9fe]'],
      ['NAT64 of a private address, dotted', '[64:ff9b::10.0.0.1]'],
      ['local-use NAT64', '[64:ff9b:1::808:808]'],
      ['6to4 of loopback', '[2002:7f00:1::]'],
      ['6to4 of cloud metadata', '[2002:a9fe:a9fe::1]'],
      ['IPv4-translated loopback', '[::ffff:0:7f00:1]'],
      ['IPv4-translated private, dotted', '[::ffff:0:192.168.1.1]'],
      ['IPv4-mapped metadata', '[::ffff:169.254.169.254]'],
    ])('refuses the IPv6 form %s (%s)', (_label, host) => {
      expectValidationError(() => validateChanges({ webhookUrl: `https://${host}/h` }), 'webhookUrl');
    });

    it.each([
      ['a number', 443],
      ['null', null],
      ['a URL object', new URL(`https://my-system.com/hook?token=${CANARY}`)],
    ])('rejects %s as not a string', (_label, webhookUrl) => {
      expectValidationError(() => validateChanges({ webhookUrl }), 'webhookUrl');
    });

    it.each([
      ['a relative URL', `/webhook?token=${CANARY}`],
      ['a bare host', `my-system.com/webhook?token=${CANARY}`],
      ['the empty string', ''],
      ['an https: URL with no host', 'https://'],
    ])('rejects %s as not an absolute URL', (_label, webhookUrl) => {
      const error = expectValidationError(() => validateChanges({ webhookUrl }), 'webhookUrl');
      expect(error.message).toBe('Invalid webhookUrl: must be an absolute https: URL');
    });

    it.each([
      `http://my-system.com/webhook?token=${CANARY}`,
      `HTTP://my-system.com/webhook?token=${CANARY}`,
      `ftp://my-system.com/${CANARY}`,
      `wss://my-system.com/${CANARY}`,
      `javascript:alert('${CANARY}')`,
      `mailto:${CANARY}@my-system.com`,
    ])('rejects a URL that is not https: (%s)', (webhookUrl) => {
      const error = expectValidationError(() => validateChanges({ webhookUrl }), 'webhookUrl');
      expect(error.message).toBe('Invalid webhookUrl: must be an absolute https: URL');
    });

    it('accepts an upper-case HTTPS scheme', () => {
      expect(validateChanges({ webhookUrl: 'HTTPS://my-system.com/' })).toEqual({
        webhookUrl: 'https://my-system.com/',
      });
    });

    it.each([
      'localhost',
      'localhost.',
      'api.localhost',
      '127.0.0.1',
      '2130706433',
      '0x7f.1',
      '10.1.2.3',
      '169.254.169.254',
      '192.168.0.10',
      '[::1]',
      '[::ffff:127.0.0.1]',
      '[fd00::1]',
    ])('rejects a host Jelou cannot reach (%s), saying why', (host) => {
      const error = expectValidationError(
        () => validateChanges({ webhookUrl: `https://${host}/webhook?token=${CANARY}` }),
        'webhookUrl',
      );
      expect(error.problem).toMatch(/^must be a public HTTPS URL/);
      expect(error.problem).toMatch(/Jelou/);
      expect(error.message).not.toContain(`${host}/webhook`);
    });

    it.each([
      ['a space', ` https://my-system.com/hook?token=${CANARY}`],
      ['an inner space', `https://my-system.com/ho ok?token=${CANARY}`],
      ['a tab', `https://my-system.com/hook?token=${CANARY}\t`],
      ['a newline', `https://my-system.com/hook\n?token=${CANARY}`],
      ['a no-break space', `https://my-system.com/hook\u00a0?token=${CANARY}`],
      ['NUL', `https://my-system.com/hook\u0000?token=${CANARY}`],
      ['DEL', `https://my-system.com/hook\u007f?token=${CANARY}`],
      ['a C1 control', `https://my-system.com/hook\u0085?token=${CANARY}`],
    ])('rejects a URL containing %s', (_label, webhookUrl) => {
      const error = expectValidationError(() => validateChanges({ webhookUrl }), 'webhookUrl');
      expect(error.problem).toBe('must not contain whitespace or control characters');
    });
  });

  describe('authType', () => {
    it.each(['bearer', 'api_key', 'basic'])('accepts %s with an authorization', (authType) => {
      expect(validateChanges({ authType, authorization: CANARY })).toEqual({ authType, authorization: CANARY });
    });

    it('accepts no_auth alone', () => {
      expect(validateChanges({ authType: 'no_auth' })).toEqual({ authType: 'no_auth' });
    });

    it.each([
      ['an unknown name', CANARY],
      ['a differently cased name', 'Bearer'],
      ['the empty string', ''],
      ['a number', 1],
      ['null', null],
    ])('rejects %s, listing the allowed values', (_label, authType) => {
      const error = expectValidationError(() => validateChanges({ authType, authorization: CANARY }), 'authType');
      expect(error.problem).toMatch(/^must be (string|equal to one of the allowed values)$/);
    });
  });

  describe('authorization', () => {
    it.each(['bearer', 'api_key', 'basic'])('is required when authType is %s', (authType) => {
      const error = expectValidationError(
        () => validateChanges({ webhookUrl: `https://my-system.com/hook?token=${CANARY}`, authType }),
        'authorization',
      );
      expect(error.problem).toBe('is required');
    });

    it('is required when it is given as undefined with a credential auth type', () => {
      expectValidationError(() => validateChanges({ authType: 'bearer', authorization: undefined }), 'authorization');
    });

    it('may be sent alone, to rotate the credential', () => {
      expect(validateChanges({ authorization: CANARY })).toEqual({ authorization: CANARY });
    });

    it('may be sent with no_auth', () => {
      expect(validateChanges({ authType: 'no_auth', authorization: CANARY })).toEqual({
        authType: 'no_auth',
        authorization: CANARY,
      });
    });

    it.each([
      ['the empty string', ''],
      ['a number', 123],
      ['null', null],
      ['a String object', Object(CANARY)],
      ['an array', [CANARY]],
    ])('rejects %s', (_label, authorization) => {
      const error = expectValidationError(
        () => validateChanges({ authType: 'bearer', authorization }),
        'authorization',
      );
      expect(error.problem).toMatch(/^must (be string|NOT have fewer than 1 characters)$/);
    });
  });
});
