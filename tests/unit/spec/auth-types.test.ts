import path from 'node:path';
import { readSpecYaml } from '../../support/spec-yaml';
import { AUTH_TYPES, AUTH_TYPES_NEEDING_CREDENTIAL, isAuthType } from '../../../src/spec/auth-types.js';
import type { AuthType } from '../../../src/spec/types.js';

interface SchemaNode {
  enum?: unknown[];
  if?: { properties?: { authType?: SchemaNode } };
}

// Read from the spec itself rather than from generated code, so the test fails even before regeneration.
const schemas = (
  readSpecYaml(path.resolve(__dirname, '..', '..', '..', 'openapi', 'openapi.yaml')) as {
    components: { schemas: Record<string, SchemaNode | undefined> };
  }
).components.schemas;

describe('AUTH_TYPES', () => {
  it('lists exactly the AuthType enum of the spec, in its order', () => {
    expect(schemas['AuthType']?.enum).toBeDefined();
    expect([...AUTH_TYPES]).toEqual(schemas['AuthType']?.enum);
  });
});

describe('AUTH_TYPES_NEEDING_CREDENTIAL', () => {
  it('matches the auth types for which IntegrationChanges requires authorization', () => {
    const needing = schemas['IntegrationChanges']?.if?.properties?.authType?.enum;
    expect(needing).toBeDefined();
    expect([...AUTH_TYPES_NEEDING_CREDENTIAL]).toEqual(needing);
  });

  it('leaves out no_auth', () => {
    expect(AUTH_TYPES_NEEDING_CREDENTIAL).not.toContain('no_auth');
  });
});

describe('isAuthType', () => {
  it.each(AUTH_TYPES)('accepts %s', (value) => {
    expect(isAuthType(value)).toBe(true);
  });

  it.each([
    ['a differently cased name', 'Bearer'],
    ['an unknown name', 'oauth2'],
    ['the empty string', ''],
    ['a name with spaces', ' bearer '],
    ['an inherited property name', 'toString'],
    ['undefined', undefined],
    ['null', null],
    ['a number', 1],
    ['an array holding a name', ['bearer']],
    ['a String object', Object('bearer')],
  ])('rejects %s', (_label, value) => {
    expect(isAuthType(value)).toBe(false);
  });

  it('narrows unknown to AuthType', () => {
    const value: unknown = 'basic';
    if (!isAuthType(value)) throw new Error('expected an AuthType');
    const narrowed: AuthType = value;
    expect(narrowed).toBe('basic');
    // @ts-expect-error: an auth type the spec does not define is not an AuthType.
    const wrong: AuthType = 'oauth2';
    expect(isAuthType(wrong)).toBe(false);
  });
});
