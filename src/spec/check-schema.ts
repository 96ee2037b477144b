// The run-time checker of the compact schema nodes that scripts/lib/validators.mjs compiles from the spec (the
// operation table holds each operation's nodes; src/generated/validators.ts the shared `defs` they name). Messages
// follow ajv's wording, so an issue reads like the contract suite's.
//
// A node is a string, the name of a `defs` entry or else a JSON type (`"string"`), or an object of (all optional):
//   t  JSON type(s)           r  required properties     p  properties' nodes       x  1: no other properties
//   i  every item's node      e  allowed values          o  oneOf: exactly one       a  allOf: every one
//   n  forbidden properties   m  minLength (strings) or minProperties (objects)      g  pattern (strings)
//   w  [A, values, B]: when property A is one of the values, property B is required
// Request bodies are compiled with all of these; 2xx responses only with the shape-telling ones (t r p i o a n):
// the client is a tolerant reader, and formats, patterns, enums and lengths are checked by the contract suite.

/** One problem found in a body: where (a JSON pointer, `/` for the root), and what. */
export interface SchemaIssue {
  readonly path: string;
  readonly message: string;
}

/** A compact schema node, as documented above: a name or type, or a node object. */
export type Schema = string | SchemaNode;

/** A compact schema node's object form. */
export interface SchemaNode {
  readonly t?: string | readonly string[];
  readonly r?: readonly string[];
  readonly p?: Readonly<Record<string, Schema>>;
  readonly x?: 1;
  readonly i?: Schema;
  readonly e?: readonly unknown[];
  readonly o?: readonly Schema[];
  readonly a?: readonly Schema[];
  readonly n?: readonly string[];
  readonly m?: number;
  readonly g?: string;
  readonly w?: readonly [string, readonly unknown[], string];
}

const patterns: Record<string, RegExp> = {};
// The node of a bare JSON type name (`"string"`), made once per name.
const typeNodes: Record<string, SchemaNode> = {};
// Types whose `typeof` is their JSON type: a property naming one of them is checked without a recursive call.
const TYPEOF_TYPES = new Set(['string', 'boolean', 'number']);

function typeMatches(t: string | readonly string[], value: unknown, type: string): boolean {
  if (typeof t === 'string') return t === type || (t === 'integer' && Number.isInteger(value));
  return t.some((one) => one === type || (one === 'integer' && Number.isInteger(value)));
}

// A JSON pointer token escapes `~` and `/` (RFC 6901).
function pointerToken(key: string): string {
  return key.includes('~') || key.includes('/') ? key.replace(/~/g, '~0').replace(/\//g, '~1') : key;
}

/**
 * Checks `value` against `schema`, whose names refer to `defs`; returns every issue found (none: valid), pushed
 * onto `issues` when given.
 */
export function checkSchema(
  schema: Schema,
  value: unknown,
  defs: Readonly<Record<string, SchemaNode>>,
  issues: SchemaIssue[] = [],
  at = '',
): SchemaIssue[] {
  // Runs on every response: no closure, no array or path string made unless an issue is reported or a child checked.
  const node: SchemaNode =
    typeof schema === 'string' ? (defs[schema] ?? (typeNodes[schema] ??= { t: schema })) : schema;
  const { t, r, p, x, i, e, o, a, n, m, g, w } = node;
  const type = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
  const where = at || '/';
  if (t !== undefined && !typeMatches(t, value, type)) {
    issues.push({ path: where, message: `must be ${String(t)}` });
    return issues;
  }
  if (e?.includes(value) === false) issues.push({ path: where, message: 'must be equal to one of the allowed values' });
  if (typeof value === 'string') {
    // Code points, not UTF-16 units: a string of `length` units has at least `length / 2` code points.
    if (m !== undefined && value.length < 2 * m && [...value].length < m) {
      issues.push({ path: where, message: `must NOT have fewer than ${m} characters` });
    }
    if (g !== undefined && !(patterns[g] ??= new RegExp(g, 'u')).test(value)) {
      issues.push({ path: where, message: `must match pattern "${g}"` });
    }
  } else if (Array.isArray(value)) {
    if (i !== undefined) value.forEach((item, index) => checkSchema(i, item, defs, issues, `${at}/${index}`));
  } else if (type === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record);
    if (m !== undefined && keys.length < m) {
      issues.push({ path: where, message: `must NOT have fewer than ${m} properties` });
    }
    if (r !== undefined) {
      for (const name of r) {
        if (record[name] === undefined) issues.push({ path: where, message: `must have required property '${name}'` });
      }
    }
    if (n !== undefined) {
      for (const name of n) {
        if (record[name] !== undefined) issues.push({ path: where, message: `must NOT have property '${name}'` });
      }
    }
    if (w?.[1].includes(record[w[0]]) && record[w[2]] === undefined) {
      issues.push({ path: where, message: `must have required property '${w[2]}'` });
    }
    for (const key of keys) {
      const child = p !== undefined && Object.hasOwn(p, key) ? p[key] : undefined;
      if (child !== undefined) {
        const item = record[key];
        // A plain `"string"`-like type that the value has: nothing more to check.
        if (
          typeof child === 'string' &&
          typeof item === child &&
          TYPEOF_TYPES.has(child) &&
          !Object.hasOwn(defs, child)
        ) {
          continue;
        }
        checkSchema(child, item, defs, issues, `${at}/${pointerToken(key)}`);
      } else if (x) {
        // Reported at the property itself, so a request body's refusal names the unknown key.
        issues.push({ path: `${at}/${pointerToken(key)}`, message: 'must NOT be an additional property' });
      }
    }
  }
  if (a !== undefined) for (const part of a) checkSchema(part, value, defs, issues, at);
  if (o !== undefined) {
    // Branches are tried quietly; their issues are reported only when no branch matched.
    const found: SchemaIssue[] = [];
    let matches = 0;
    for (const branch of o) {
      const before = found.length;
      if (checkSchema(branch, value, defs, found, at).length === before) matches++;
    }
    if (matches === 0) issues.push(...found);
    if (matches !== 1) issues.push({ path: where, message: 'must match exactly one schema in oneOf' });
  }
  return issues;
}
