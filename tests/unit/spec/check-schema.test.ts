import { checkSchema, type Schema, type SchemaIssue, type SchemaNode } from '../../../src/spec/check-schema';

// Nodes as scripts/lib/validators.mjs writes them (see src/spec/check-schema.ts for the format).
const DEFS: Record<string, SchemaNode> = {
  Kind: { t: 'string', e: ['text', 'image'] },
  Url: { t: 'string', g: '^https://' },
  Message: {
    t: 'object',
    r: ['kind'],
    x: 1,
    p: { kind: 'Kind', url: 'Url', size: 'integer', tags: { t: 'array', i: 'string' } },
    w: ['kind', ['image'], 'url'],
  },
  Flat: { t: 'object', r: ['id'], n: ['data'], p: { id: 'string' } },
  Envelope: {
    t: 'object',
    r: ['data'],
    p: { status: 'integer', data: { t: 'object', r: ['id'], p: { id: 'string' } } },
  },
};

const issues = (schema: Schema, value: unknown): SchemaIssue[] => checkSchema(schema, value, DEFS);

describe('checkSchema', () => {
  it('accepts a valid value, reporting nothing', () => {
    expect(issues('Message', { kind: 'text' })).toEqual([]);
    expect(issues('Message', { kind: 'image', url: 'https://x.io/a.png', size: 3, tags: ['a'] })).toEqual([]);
  });

  it('pushes onto the list it is given', () => {
    const found: SchemaIssue[] = [{ path: '/x', message: 'earlier' }];
    expect(checkSchema('Message', {}, DEFS, found)).toBe(found);
    expect(found).toHaveLength(2);
  });

  it('reports a missing required property at the object', () => {
    expect(issues('Message', {})).toEqual([{ path: '/', message: "must have required property 'kind'" }]);
  });

  it('reports a value outside an enum, pointing at it', () => {
    expect(issues('Message', { kind: 'video' })).toEqual([
      { path: '/kind', message: 'must be equal to one of the allowed values' },
    ]);
  });

  it('reports an additional property when they are closed, at the property', () => {
    expect(issues('Message', { kind: 'text', extra: 1 })).toEqual([
      { path: '/extra', message: 'must NOT be an additional property' },
    ]);
  });

  it('requires a property when another one has one of the given values', () => {
    expect(issues('Message', { kind: 'image' })).toEqual([{ path: '/', message: "must have required property 'url'" }]);
  });

  it('checks patterns, integers and minimum lengths and sizes', () => {
    expect(issues('Message', { kind: 'text', url: 'http://x' })).toEqual([
      { path: '/url', message: 'must match pattern "^https://"' },
    ]);
    expect(issues('Message', { kind: 'text', size: 1.5 })).toEqual([{ path: '/size', message: 'must be integer' }]);
    expect(issues({ t: 'string', m: 2 }, 'a')).toEqual([
      { path: '/', message: 'must NOT have fewer than 2 characters' },
    ]);
    expect(issues({ t: 'string', m: 2 }, '😀😀')).toEqual([]);
    expect(issues({ t: 'object', m: 1 }, {})).toEqual([
      { path: '/', message: 'must NOT have fewer than 1 properties' },
    ]);
  });

  it('points into arrays and escapes property names as JSON pointers', () => {
    expect(issues('Message', { kind: 'text', tags: ['a', 2] })).toEqual([
      { path: '/tags/1', message: 'must be string' },
    ]);
    expect(issues({ t: 'object', p: { 'a/b~c': 'string' } }, { 'a/b~c': 1 })).toEqual([
      { path: '/a~1b~0c', message: 'must be string' },
    ]);
  });

  it('tells the documented shapes apart with oneOf and forbidden properties, reporting why none matched', () => {
    const shapes: Schema = { o: ['Flat', 'Envelope'] };
    expect(issues(shapes, { id: 'a' })).toEqual([]);
    expect(issues(shapes, { data: { id: 'a' }, status: 1 })).toEqual([]);
    expect(issues(shapes, { id: 'a', data: null })).toEqual([
      { path: '/', message: "must NOT have property 'data'" },
      { path: '/data', message: 'must be object' },
      { path: '/', message: 'must match exactly one schema in oneOf' },
    ]);
    expect(issues(shapes, { other: 1 })).toEqual([
      { path: '/', message: "must have required property 'id'" },
      { path: '/', message: "must have required property 'data'" },
      { path: '/', message: 'must match exactly one schema in oneOf' },
    ]);
    expect(issues({ o: ['string', { t: 'string', m: 1 }] }, 'x')).toEqual([
      { path: '/', message: 'must match exactly one schema in oneOf' },
    ]);
  });

  it('checks every allOf part', () => {
    expect(issues({ a: ['Flat', { p: { id: { t: 'string', m: 3 } } }] }, { id: 'ab' })).toEqual([
      { path: '/id', message: 'must NOT have fewer than 3 characters' },
    ]);
  });

  it('accepts any of several types, and null as a type', () => {
    expect(issues({ t: ['string', 'null'] }, null)).toEqual([]);
    expect(issues({ t: ['string', 'null'] }, 1)).toEqual([{ path: '/', message: 'must be string,null' }]);
    expect(issues('null', 0)).toEqual([{ path: '/', message: 'must be null' }]);
    expect(issues('object', [])).toEqual([{ path: '/', message: 'must be object' }]);
  });

  it('keeps properties the schema does not name when they are open (tolerant reader)', () => {
    expect(issues({ t: 'object', p: { a: 'string' } }, { a: 'x', b: 1 })).toEqual([]);
  });

  it('ignores inherited properties of the schema map, so __proto__ in a body is just a key', () => {
    const body = JSON.parse('{"__proto__": 1, "constructor": 2}') as unknown;
    expect(issues({ t: 'object', x: 1, p: {} }, body)).toHaveLength(2);
  });
});
