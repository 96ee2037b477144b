// Compiles the spec's request-body and 2xx response schemas into the compact schema nodes the client's small
// run-time checker reads (src/spec/check-schema.ts, where the node format is documented). Data, not code, shared:
// a component schema used by several operations is written once in `defs` and named by the nodes that use it.
//
// Two modes, because the client checks the two directions differently:
// - request bodies (`strict`): everything the spec says that the checker implements (types, required, closed
//   objects, enums and consts, patterns, minLength/minProperties, the `if required A with A in [...] then required B`
//   rule, oneOf, allOf, `not required`). A keyword it does not implement stops the generator, so a spec change can
//   never be checked more loosely than it says without someone deciding so here.
// - 2xx responses (`tolerant`): the client is a tolerant reader. It checks which documented shape a body has
//   (oneOf, and `not: {required: [data]}` for the flat shape), that the required fields are there, and that every
//   field the spec types has that JSON type. Formats, patterns, enums, consts, lengths and closed objects are left
//   to the contract suite (tests/contract, ajv over openapi/): a value Jelou adds to an enum must not break clients.
import { operationsOf } from './operations.mjs';

const TYPES = new Set(['string', 'number', 'integer', 'boolean', 'object', 'array', 'null']);
// Keywords that only annotate (`format` included: formats are the contract suite's), dropped in both modes.
const DROPPED = new Set([
  'description',
  'summary',
  'title',
  'example',
  'examples',
  'externalDocs',
  'deprecated',
  'format',
  'readOnly',
  'writeOnly',
  'default',
  'discriminator',
  'xml',
  '$comment',
  'contentMediaType',
  'contentEncoding',
]);
const REF_PREFIX = '#/components/schemas/';
const ANY = {};

const isAny = (node) => typeof node === 'object' && Object.keys(node).length === 0;
const primitive = (value) => value === null || ['string', 'number', 'boolean'].includes(typeof value);

/** The `properties` of a `not` or `if`/`then` part, which may only name properties (`{}`), not constrain them. */
function namesOnly(part, where) {
  for (const [name, schema] of Object.entries(part.properties ?? {})) {
    const constraining = Object.keys(schema).filter((key) => !DROPPED.has(key) && !key.startsWith('x-'));
    if (constraining.length > 0) throw new Error(`${where}: properties/${name} may not constrain here`);
  }
}

function only(part, keys, where) {
  const extra = Object.keys(part).filter((key) => !keys.includes(key) && !DROPPED.has(key) && !key.startsWith('x-'));
  if (extra.length > 0) throw new Error(`${where}: "${extra[0]}" is not supported by the run-time checker here`);
}

/**
 * A compiler of schemas into nodes. `node(schema, mode, where)` gives a schema's node; `defs()` the component
 * schemas the nodes named so far, by name (a name is suffixed `In` when the request's node differs from the
 * response's).
 */
export function createCompiler(spec) {
  const components = spec.components?.schemas ?? {};
  const defs = {};
  const compiled = new Map();

  function ref(value, mode, where) {
    if (typeof value !== 'string' || !value.startsWith(REF_PREFIX)) throw new Error(`${where}: unsupported $ref`);
    const name = value.slice(REF_PREFIX.length);
    if (TYPES.has(name)) throw new Error(`${where}: a component schema may not be named ${name}`);
    const key = `${mode} ${name}`;
    if (compiled.has(key)) {
      const done = compiled.get(key);
      if (done === undefined) throw new Error(`${where}: ${name} refers to itself, which the checker cannot follow`);
      return done;
    }
    if (!(name in components)) throw new Error(`${where}: $ref to missing schema ${name}`);
    compiled.set(key, undefined);
    const target = node(components[name], mode, `${REF_PREFIX}${name}`);
    let result = target;
    // A bare type or "anything" is written in place; anything bigger once, in defs.
    if (typeof target !== 'string' && !isAny(target)) {
      const json = JSON.stringify(target);
      result = [name, `${name}In`, `${name}Out`].find(
        (id) => defs[id] === undefined || JSON.stringify(defs[id]) === json,
      );
      defs[result] = target;
    }
    compiled.set(key, result);
    return result;
  }

  function node(schema, mode, where) {
    if (schema === true) return ANY;
    if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) {
      throw new Error(`${where}: a schema must be an object`);
    }
    if (schema.$ref !== undefined) {
      only(schema, ['$ref'], where);
      return ref(schema.$ref, mode, where);
    }
    const strict = mode === 'strict';
    const out = {};
    for (const [key, value] of Object.entries(schema)) {
      if (DROPPED.has(key) || key.startsWith('x-')) continue;
      const at = `${where}/${key}`;
      switch (key) {
        case 'type':
          if (![value].flat().every((type) => TYPES.has(type))) throw new Error(`${at}: JSON types expected`);
          out.t = value;
          break;
        case 'required':
          if (value.length > 0) out.r = value;
          break;
        case 'properties': {
          const properties = {};
          for (const [name, part] of Object.entries(value)) {
            const child = node(part, mode, `${at}/${name}`);
            // A tolerant reader has nothing to check in an untyped property; a closed object must still allow it.
            if (strict || !isAny(child)) properties[name] = child;
          }
          if (Object.keys(properties).length > 0) out.p = properties;
          break;
        }
        case 'additionalProperties':
          if (value === false) {
            if (strict) out.x = 1;
          } else if (value !== true && !isAny(node(value, mode, at))) {
            throw new Error(`${at}: only true, false or {} are supported by the run-time checker`);
          }
          break;
        case 'items':
          out.i = node(value, mode, at);
          break;
        case 'enum':
        case 'const': {
          const values = key === 'const' ? [value] : value;
          if (!values.every(primitive))
            throw new Error(`${at}: only strings, numbers, booleans and null are supported`);
          if (strict) out.e = values;
          break;
        }
        case 'oneOf':
        case 'allOf': {
          const parts = value.map((part, index) => node(part, mode, `${at}/${index}`));
          if (key === 'oneOf') out.o = parts;
          // An allOf part that checks nothing is left out; a oneOf branch that accepts anything is not.
          else if (parts.some((part) => !isAny(part))) out.a = parts.filter((part) => !isAny(part));
          break;
        }
        case 'not':
          // Only "must not have these properties", the flat shape's `not: {required: [data]}`.
          only(value, ['required', 'properties'], at);
          namesOnly(value, at);
          if (!Array.isArray(value.required) || value.required.length === 0)
            throw new Error(`${at}: required expected`);
          out.n = value.required;
          break;
        case 'minLength':
        case 'minProperties':
          if ('m' in out) throw new Error(`${at}: minLength and minProperties together are not supported`);
          if (strict) out.m = value;
          break;
        case 'pattern':
          if (strict) out.g = value;
          break;
        case 'if': {
          // Only "when property A is one of these values, property B is required".
          only(value, ['required', 'properties'], at);
          const [name, ...more] = value.required ?? [];
          const condition = value.properties?.[name] ?? {};
          only(condition, ['enum', 'const', 'type'], `${at}/properties/${name}`);
          const values = 'const' in condition ? [condition.const] : condition.enum;
          const then = schema.then ?? {};
          only(then, ['required', 'properties'], `${where}/then`);
          namesOnly(then, `${where}/then`);
          if (name === undefined || more.length > 0 || !Array.isArray(values) || then.required?.length !== 1) {
            throw new Error(`${at}: only "if required [A] with A in values, then required [B]" is supported`);
          }
          if (strict) out.w = [name, values, then.required[0]];
          break;
        }
        case 'then':
          if (!('if' in schema)) throw new Error(`${at}: then without if`);
          break;
        default:
          throw new Error(`${at}: schema keyword "${key}" is not supported by the run-time checker`);
      }
    }
    const keys = Object.keys(out);
    return keys.length === 1 && typeof out.t === 'string' ? out.t : out;
  }

  return {
    node,
    defs: () =>
      Object.fromEntries(
        Object.keys(defs)
          .sort()
          .map((name) => [name, defs[name]]),
      ),
  };
}

/** Every (operationId, 2xx status, JSON schema) of the spec, in path order. */
export function successResponses(spec) {
  return operationsOf(spec).flatMap(({ operationId, operation }) =>
    Object.entries(operation.responses ?? {})
      .map(([status, response]) => ({ operationId, status, schema: response.content?.['application/json']?.schema }))
      .filter(({ status, schema }) => /^2\d\d$/.test(status) && schema),
  );
}

/**
 * Request bodies the client builds itself from input it has checked field by field (sendMessage's wire body, mapped
 * from the caller's camelCase message in src/client/outgoing-message.ts): not compiled for the run-time check, which
 * could only repeat those checks. Tests check every body the client builds against the spec with ajv.
 */
export const CLIENT_BUILT_BODIES = new Set(['sendMessage']);

/** Every (operationId, JSON request-body schema) of the spec, in path order. */
export function requestBodies(spec) {
  return operationsOf(spec)
    .map(({ operationId, operation }) => ({
      operationId,
      schema: operation.requestBody?.content?.['application/json']?.schema,
    }))
    .filter(({ schema }) => schema);
}

/**
 * Every operation's nodes: `{ [operationId]: { body?: node, responses: { [status]: node } } }`, and the `defs` they
 * name. The operation table (scripts/lib/operations-table.mjs) writes the nodes in its rows.
 */
export function compileOperations(spec) {
  const compiler = createCompiler(spec);
  const nodes = {};
  for (const { operationId, status, schema } of successResponses(spec)) {
    nodes[operationId] ??= { responses: {} };
    nodes[operationId].responses[status] = compiler.node(schema, 'tolerant', `${operationId} ${status}`);
  }
  for (const { operationId, schema } of requestBodies(spec)) {
    if (CLIENT_BUILT_BODIES.has(operationId)) continue;
    nodes[operationId] ??= { responses: {} };
    nodes[operationId].body = compiler.node(schema, 'strict', `${operationId} requestBody`);
  }
  // A def named once is written where it is named instead: a name costs more than it saves until it is shared.
  const defs = compiler.defs();
  const uses = {};
  const count = (node) => mapNodes(node, (name) => ((uses[name] = (uses[name] ?? 0) + 1), name));
  for (const { body, responses } of Object.values(nodes)) [body, ...Object.values(responses)].forEach(count);
  Object.values(defs).forEach(count);
  const inline = (node) => mapNodes(node, (name) => (uses[name] === 1 ? inline(defs[name]) : name));
  for (const entry of Object.values(nodes)) {
    if (entry.body !== undefined) entry.body = inline(entry.body);
    for (const status of Object.keys(entry.responses)) entry.responses[status] = inline(entry.responses[status]);
  }
  const shared = {};
  for (const [name, node] of Object.entries(defs)) if (uses[name] > 1) shared[name] = inline(node);
  return { nodes, defs: shared };
}

// Calls `named(name)` for every def name in `node` (not for bare types), and gives back the node with each replaced
// by what it returned. Only node places are looked at: names in `r`, `n`, `e` and `w` are property names or values.
function mapNodes(node, named) {
  if (node === undefined) return undefined;
  if (typeof node === 'string') return TYPES.has(node) ? node : named(node);
  const out = { ...node };
  if (node.p) out.p = Object.fromEntries(Object.entries(node.p).map(([key, child]) => [key, mapNodes(child, named)]));
  if (node.i !== undefined) out.i = mapNodes(node.i, named);
  if (node.o) out.o = node.o.map((child) => mapNodes(child, named));
  if (node.a) out.a = node.a.map((child) => mapNodes(child, named));
  return out;
}

/** Returns the validator module's source (without banner) for a bundled spec: the shared `defs`. */
export function validatorsSource(spec) {
  return [
    "/** The component schemas the operation table's checks name (see src/spec/check-schema.ts for the format); a",
    ' * function, so they are parsed and built on first use, not when the package is imported. */',
    `export const defs = () => (${JSON.stringify(compileOperations(spec).defs)});`,
  ].join('\n');
}
