import { checkSchema, type Schema, type SchemaIssue } from '../../../src/spec/check-schema';

const DEFS: Record<string, Schema> = {
  Kind: { type: 'string', enum: ['text', 'image'] },
  Message: {
    type: 'object',
    required: ['kind'],
    additionalProperties: false,
    properties: { kind: { $ref: 'Kind' }, url: { type: 'string', pattern: '^https://' }, size: { type: 'integer' } },
    if: { required: ['kind'], properties: { kind: { const: 'image' } } },
    then: { required: ['url'] },
  },
};

// The issues found, after checking that the fast path (no issues asked for) gives the same verdict.
function issues(schema: Schema, value: unknown): SchemaIssue[] {
  const found: SchemaIssue[] = [];
  const valid = checkSchema(schema, value, DEFS, found);
  expect(valid).toBe(found.length === 0);
  expect(checkSchema(schema, value, DEFS)).toBe(valid);
  return found;
}

describe('checkSchema', () => {
  it('accepts a valid value, reporting nothing', () => {
    expect(issues({ $ref: 'Message' }, { kind: 'text' })).toEqual([]);
    expect(issues({ $ref: 'Message' }, { kind: 'image', url: 'https://x.io/a.png', size: 3 })).toEqual([]);
  });

  it('reports a missing required property at the object', () => {
    expect(issues({ $ref: 'Message' }, {})).toContainEqual({
      path: '/',
      message: "must have required property 'kind'",
    });
  });

  it('reports a value outside an enum, pointing at it', () => {
    expect(issues({ $ref: 'Message' }, { kind: 'video' })).toEqual([
      { path: '/kind', message: 'must be equal to one of the allowed values' },
    ]);
  });

  it('reports an additional property when they are closed', () => {
    expect(issues({ $ref: 'Message' }, { kind: 'text', extra: 1 })).toContainEqual({
      path: '/',
      message: 'must NOT have additional properties',
    });
  });

  it('applies then when if matches, and says so', () => {
    expect(issues({ $ref: 'Message' }, { kind: 'image' })).toEqual([
      { path: '/', message: "must have required property 'url'" },
      { path: '/', message: 'must match "then" schema' },
    ]);
  });

  it('checks patterns, integers, lengths, sizes and bounds', () => {
    expect(issues({ $ref: 'Message' }, { kind: 'text', url: 'http://x' })).toEqual([
      { path: '/url', message: 'must match pattern "^https://"' },
    ]);
    expect(issues({ $ref: 'Message' }, { kind: 'text', size: 1.5 })).toEqual([
      { path: '/size', message: 'must be integer' },
    ]);
    expect(issues({ type: 'string', minLength: 2, maxLength: 3 }, 'a')[0]?.message).toBe(
      'must NOT have fewer than 2 characters',
    );
    expect(issues({ type: 'string', maxLength: 3 }, 'abcd')[0]?.message).toBe('must NOT have more than 3 characters');
    expect(issues({ type: 'object', minProperties: 1 }, {})[0]?.message).toBe('must NOT have fewer than 1 properties');
    expect(issues({ type: 'array', minItems: 1, items: { type: 'string' } }, [])[0]?.message).toBe(
      'must NOT have fewer than 1 items',
    );
    expect(issues({ type: 'number', minimum: 0, maximum: 1 }, 2)[0]?.message).toBe('must be <= 1');
  });

  it('points into arrays and escapes property names as JSON pointers', () => {
    expect(issues({ type: 'array', items: { type: 'string' } }, ['a', 2])).toEqual([
      { path: '/1', message: 'must be string' },
    ]);
    expect(issues({ type: 'object', properties: { 'a/b~c': { type: 'string' } } }, { 'a/b~c': 1 })).toEqual([
      { path: '/a~1b~0c', message: 'must be string' },
    ]);
  });

  it('tells oneOf, anyOf, allOf and not apart', () => {
    const one: Schema = { oneOf: [{ type: 'string' }, { type: 'string', minLength: 1 }] };
    expect(issues(one, 'x')).toEqual([{ path: '/', message: 'must match exactly one schema in oneOf' }]);
    expect(issues({ anyOf: [{ type: 'string' }, { type: 'number' }] }, true)).toContainEqual({
      path: '/',
      message: 'must match a schema in anyOf',
    });
    expect(issues({ allOf: [{ type: 'number' }, { minimum: 5 }] }, 3)).toEqual([
      { path: '/', message: 'must be >= 5' },
    ]);
    expect(issues({ not: { type: 'null' } }, null)).toEqual([{ path: '/', message: 'must NOT be valid' }]);
  });

  it('accepts any of several types, and null as a type', () => {
    expect(issues({ type: ['string', 'null'] }, null)).toEqual([]);
    expect(issues({ type: ['string', 'null'] }, 1)).toEqual([{ path: '/', message: 'must be string,null' }]);
  });

  it('keeps properties the schema does not name when they are open (tolerant reader)', () => {
    expect(issues({ type: 'object', properties: { a: { type: 'string' } } }, { a: 'x', b: 1 })).toEqual([]);
  });

  it('ignores inherited properties of the schema map, so __proto__ in a body is just a key', () => {
    const body = JSON.parse('{"__proto__": 1, "constructor": 2}') as unknown;
    expect(issues({ type: 'object', additionalProperties: false, properties: {} }, body)).toHaveLength(2);
  });
});
