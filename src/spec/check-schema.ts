// A small JSON Schema checker for the compact schema data in src/generated/validators.ts. It implements exactly the
// keywords the generator lets through (scripts/lib/validators.mjs refuses any other), with ajv's wording, so an
// issue reads the same as the contract suite's. Formats are not checked here: the client is a tolerant reader.

/** One problem found in a body: where (a JSON pointer, `/` for the root), and what. */
export interface SchemaIssue {
  readonly path: string;
  readonly message: string;
}

/** A compact schema as the generator writes it; `$ref` names a key of the `defs` it is checked with. */
export interface Schema {
  type?: string | readonly string[];
  required?: readonly string[];
  properties?: Readonly<Record<string, Schema>>;
  additionalProperties?: Schema | boolean;
  items?: Schema;
  enum?: readonly unknown[];
  const?: unknown;
  oneOf?: readonly Schema[];
  anyOf?: readonly Schema[];
  allOf?: readonly Schema[];
  not?: Schema;
  if?: Schema;
  then?: Schema;
  else?: Schema;
  minLength?: number;
  maxLength?: number;
  minProperties?: number;
  maxProperties?: number;
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  $ref?: string;
}

type Defs = Readonly<Record<string, Schema>>;

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function hasType(value: unknown, type: string): boolean {
  const actual = typeOf(value);
  if (type === 'integer') return Number.isInteger(value);
  return actual === type;
}

function equal(a: unknown, b: unknown): boolean {
  return a === b || (typeof a === 'object' && a !== null && JSON.stringify(a) === JSON.stringify(b));
}

const patterns = new Map<string, RegExp>();
function regex(source: string): RegExp {
  let compiled = patterns.get(source);
  if (compiled === undefined) patterns.set(source, (compiled = new RegExp(source, 'u')));
  return compiled;
}

// Escapes a property name as a JSON pointer token (RFC 6901).
const token = (name: string): string =>
  name.includes('~') || name.includes('/') ? name.replace(/~/g, '~0').replace(/\//g, '~1') : name;

/** Checks `value` against `schema`; pushes every issue found onto `issues`. Returns whether it is valid. */
export function checkSchema(schema: Schema, value: unknown, defs: Defs, issues: SchemaIssue[] = [], at = ''): boolean {
  const before = issues.length;
  const path = at === '' ? '/' : at;
  const fail = (message: string): void => void issues.push({ path, message });

  if (schema.$ref !== undefined) {
    const target = defs[schema.$ref];
    if (target === undefined) fail(`refers to a missing schema ${schema.$ref}`);
    else checkSchema(target, value, defs, issues, at);
  }
  if (schema.type !== undefined) {
    const types = typeof schema.type === 'string' ? [schema.type] : schema.type;
    if (!types.some((type) => hasType(value, type))) fail(`must be ${types.join(',')}`);
  }
  if (schema.enum !== undefined && !schema.enum.some((item) => equal(item, value))) {
    fail('must be equal to one of the allowed values');
  }
  if ('const' in schema && !equal(schema.const, value)) fail('must be equal to constant');

  if (typeof value === 'string') {
    const length = [...value].length;
    if (schema.minLength !== undefined && length < schema.minLength) {
      fail(`must NOT have fewer than ${schema.minLength} characters`);
    }
    if (schema.maxLength !== undefined && length > schema.maxLength) {
      fail(`must NOT have more than ${schema.maxLength} characters`);
    }
    if (schema.pattern !== undefined && !regex(schema.pattern).test(value)) {
      fail(`must match pattern "${schema.pattern}"`);
    }
  } else if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) fail(`must be >= ${schema.minimum}`);
    if (schema.maximum !== undefined && value > schema.maximum) fail(`must be <= ${schema.maximum}`);
  } else if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems) {
      fail(`must NOT have fewer than ${schema.minItems} items`);
    }
    if (schema.maxItems !== undefined && value.length > schema.maxItems) {
      fail(`must NOT have more than ${schema.maxItems} items`);
    }
    if (schema.items !== undefined) {
      for (let index = 0; index < value.length; index++) {
        checkSchema(schema.items, value[index], defs, issues, `${at}/${index}`);
      }
    }
  } else if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record);
    for (const name of schema.required ?? []) {
      if (record[name] === undefined) fail(`must have required property '${name}'`);
    }
    if (schema.minProperties !== undefined && keys.length < schema.minProperties) {
      fail(`must NOT have fewer than ${schema.minProperties} properties`);
    }
    if (schema.maxProperties !== undefined && keys.length > schema.maxProperties) {
      fail(`must NOT have more than ${schema.maxProperties} properties`);
    }
    const properties = schema.properties ?? {};
    for (const key of keys) {
      const own = Object.hasOwn(properties, key) ? properties[key] : undefined;
      const child = `${at}/${token(key)}`;
      if (own !== undefined) checkSchema(own, record[key], defs, issues, child);
      else if (schema.additionalProperties === false) fail('must NOT have additional properties');
      else if (typeof schema.additionalProperties === 'object') {
        checkSchema(schema.additionalProperties, record[key], defs, issues, child);
      }
    }
  }

  for (const branch of schema.allOf ?? []) checkSchema(branch, value, defs, issues, at);
  if (schema.anyOf !== undefined) {
    const found: SchemaIssue[] = [];
    if (!schema.anyOf.some((branch) => checkSchema(branch, value, defs, found, at))) {
      issues.push(...found);
      fail('must match a schema in anyOf');
    }
  }
  if (schema.oneOf !== undefined) {
    const found: SchemaIssue[] = [];
    const matches = schema.oneOf.filter((branch) => checkSchema(branch, value, defs, found, at)).length;
    if (matches !== 1) {
      if (matches === 0) issues.push(...found);
      fail('must match exactly one schema in oneOf');
    }
  }
  if (schema.not !== undefined && checkSchema(schema.not, value, defs, [], at)) fail('must NOT be valid');
  if (schema.if !== undefined) {
    const branch = checkSchema(schema.if, value, defs, [], at) ? schema.then : schema.else;
    const name = branch === schema.then ? 'then' : 'else';
    if (branch !== undefined && !checkSchema(branch, value, defs, issues, at)) fail(`must match "${name}" schema`);
  }
  return issues.length === before;
}
