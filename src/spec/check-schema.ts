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

/**
 * Checks `value` against `schema`. With `issues`, pushes every issue found onto it; without, stops at the first one
 * (the fast path for valid bodies, which builds no paths or messages). Returns whether it is valid.
 */
export function checkSchema(schema: Schema, value: unknown, defs: Defs, issues?: SchemaIssue[], at = ''): boolean {
  if (issues === undefined) return isValid(schema, value, defs);
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
  if (schema.not !== undefined && isValid(schema.not, value, defs)) fail('must NOT be valid');
  if (schema.if !== undefined) {
    const branch = isValid(schema.if, value, defs) ? schema.then : schema.else;
    const name = branch === schema.then ? 'then' : 'else';
    if (branch !== undefined && !checkSchema(branch, value, defs, issues, at)) fail(`must match "${name}" schema`);
  }
  return issues.length === before;
}

// The same rules as checkSchema, answering only valid or not.
function isValid(schema: Schema, value: unknown, defs: Defs): boolean {
  if (schema.$ref !== undefined) {
    const target = defs[schema.$ref];
    if (target === undefined || !isValid(target, value, defs)) return false;
  }
  if (schema.type !== undefined) {
    if (typeof schema.type === 'string' ? !hasType(value, schema.type) : !schema.type.some((t) => hasType(value, t))) {
      return false;
    }
  }
  if (schema.enum !== undefined && !schema.enum.some((item) => equal(item, value))) return false;
  if ('const' in schema && !equal(schema.const, value)) return false;
  if (typeof value === 'string') {
    if (schema.minLength !== undefined || schema.maxLength !== undefined) {
      const length = [...value].length;
      if (length < (schema.minLength ?? 0) || length > (schema.maxLength ?? Infinity)) return false;
    }
    if (schema.pattern !== undefined && !regex(schema.pattern).test(value)) return false;
  } else if (typeof value === 'number') {
    if (value < (schema.minimum ?? -Infinity) || value > (schema.maximum ?? Infinity)) return false;
  } else if (Array.isArray(value)) {
    if (value.length < (schema.minItems ?? 0) || value.length > (schema.maxItems ?? Infinity)) return false;
    const items = schema.items;
    if (items !== undefined && !value.every((item) => isValid(items, item, defs))) return false;
  } else if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    if (schema.required !== undefined && !schema.required.every((name) => record[name] !== undefined)) return false;
    if (schema.minProperties !== undefined || schema.maxProperties !== undefined) {
      const count = Object.keys(record).length;
      if (count < (schema.minProperties ?? 0) || count > (schema.maxProperties ?? Infinity)) return false;
    }
    const properties = schema.properties ?? {};
    const extra = schema.additionalProperties;
    for (const key in record) {
      if (!Object.hasOwn(record, key)) continue;
      const own = Object.hasOwn(properties, key) ? properties[key] : undefined;
      if (own !== undefined) {
        if (!isValid(own, record[key], defs)) return false;
      } else if (extra === false || (typeof extra === 'object' && !isValid(extra, record[key], defs))) return false;
    }
  }
  if (schema.allOf !== undefined && !schema.allOf.every((branch) => isValid(branch, value, defs))) return false;
  if (schema.anyOf !== undefined && !schema.anyOf.some((branch) => isValid(branch, value, defs))) return false;
  if (schema.oneOf !== undefined && schema.oneOf.filter((branch) => isValid(branch, value, defs)).length !== 1) {
    return false;
  }
  if (schema.not !== undefined && isValid(schema.not, value, defs)) return false;
  if (schema.if !== undefined) {
    const branch = isValid(schema.if, value, defs) ? schema.then : schema.else;
    if (branch !== undefined && !isValid(branch, value, defs)) return false;
  }
  return true;
}
