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
 * and builds no path or message (the fast path for valid bodies). Returns whether it is valid.
 */
export function checkSchema(schema: Schema, value: unknown, defs: Defs, issues?: SchemaIssue[], at = ''): boolean {
  let valid = true;
  // Records a problem; true when the caller should stop at once (fast path).
  const fail = (message: string): boolean => {
    valid = false;
    issues?.push({ path: at === '' ? '/' : at, message });
    return issues === undefined;
  };
  // Checks a part of the value; true when the caller should stop at once.
  const sub = (part: Schema, of: unknown, where: () => string, into = issues): boolean => {
    if (checkSchema(part, of, defs, into, into === undefined ? at : where())) return false;
    valid = false;
    return into === undefined;
  };
  const here = (): string => at;

  if (schema.$ref !== undefined) {
    const target = defs[schema.$ref];
    if (target === undefined ? fail(`refers to a missing schema ${schema.$ref}`) : sub(target, value, here))
      return false;
  }
  if (schema.type !== undefined) {
    const types = typeof schema.type === 'string' ? [schema.type] : schema.type;
    if (!types.some((type) => hasType(value, type)) && fail(`must be ${types.join(',')}`)) return false;
  }
  if (schema.enum !== undefined && !schema.enum.some((item) => equal(item, value))) {
    if (fail('must be equal to one of the allowed values')) return false;
  }
  if ('const' in schema && !equal(schema.const, value) && fail('must be equal to constant')) return false;

  if (typeof value === 'string') {
    const length = schema.minLength === undefined && schema.maxLength === undefined ? 0 : [...value].length;
    if (length < (schema.minLength ?? 0) && fail(`must NOT have fewer than ${schema.minLength} characters`))
      return false;
    if (length > (schema.maxLength ?? Infinity) && fail(`must NOT have more than ${schema.maxLength} characters`)) {
      return false;
    }
    if (schema.pattern !== undefined && !regex(schema.pattern).test(value)) {
      if (fail(`must match pattern "${schema.pattern}"`)) return false;
    }
  } else if (typeof value === 'number') {
    if (value < (schema.minimum ?? -Infinity) && fail(`must be >= ${schema.minimum}`)) return false;
    if (value > (schema.maximum ?? Infinity) && fail(`must be <= ${schema.maximum}`)) return false;
  } else if (Array.isArray(value)) {
    if (value.length < (schema.minItems ?? 0) && fail(`must NOT have fewer than ${schema.minItems} items`))
      return false;
    if (value.length > (schema.maxItems ?? Infinity) && fail(`must NOT have more than ${schema.maxItems} items`)) {
      return false;
    }
    const { items } = schema;
    if (items !== undefined) {
      for (let index = 0; index < value.length; index++) {
        if (sub(items, value[index], () => `${at}/${index}`)) return false;
      }
    }
  } else if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    for (const name of schema.required ?? []) {
      if (record[name] === undefined && fail(`must have required property '${name}'`)) return false;
    }
    if (schema.minProperties !== undefined || schema.maxProperties !== undefined) {
      const count = Object.keys(record).length;
      if (count < (schema.minProperties ?? 0) && fail(`must NOT have fewer than ${schema.minProperties} properties`)) {
        return false;
      }
      if (
        count > (schema.maxProperties ?? Infinity) &&
        fail(`must NOT have more than ${schema.maxProperties} properties`)
      ) {
        return false;
      }
    }
    const properties = schema.properties ?? {};
    const extra = schema.additionalProperties;
    for (const key of Object.keys(record)) {
      const own = Object.hasOwn(properties, key) ? properties[key] : undefined;
      const child = (): string => `${at}/${token(key)}`;
      if (own !== undefined) {
        if (sub(own, record[key], child)) return false;
      } else if (extra === false) {
        if (fail('must NOT have additional properties')) return false;
      } else if (typeof extra === 'object' && sub(extra, record[key], child)) return false;
    }
  }

  for (const branch of schema.allOf ?? []) if (sub(branch, value, here)) return false;
  // Branches are tried quietly; their issues are reported only when no branch matched.
  const tried = (branches: readonly Schema[]): { matches: number; found: SchemaIssue[] } => {
    const found: SchemaIssue[] = [];
    const matches = branches.filter((branch) => checkSchema(branch, value, defs, issues && found, at)).length;
    return { matches, found };
  };
  if (schema.anyOf !== undefined) {
    const { matches, found } = tried(schema.anyOf);
    if (matches === 0) {
      issues?.push(...found);
      if (fail('must match a schema in anyOf')) return false;
    }
  }
  if (schema.oneOf !== undefined) {
    const { matches, found } = tried(schema.oneOf);
    if (matches === 0) issues?.push(...found);
    if (matches !== 1 && fail('must match exactly one schema in oneOf')) return false;
  }
  if (schema.not !== undefined && checkSchema(schema.not, value, defs) && fail('must NOT be valid')) return false;
  if (schema.if !== undefined) {
    const matched = checkSchema(schema.if, value, defs);
    const branch = matched ? schema.then : schema.else;
    if (branch !== undefined && !checkSchema(branch, value, defs, issues, at)) {
      if (fail(`must match "${matched ? 'then' : 'else'}" schema`)) return false;
    }
  }
  return valid;
}
