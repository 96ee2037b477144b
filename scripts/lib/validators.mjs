// Compiles the spec's request-body and 2xx response schemas into compact JSON Schema data for the client's small
// run-time checker (src/spec/check-schema.ts). Data, not code: nine operations' validators cost a few hundred bytes
// gzipped instead of ajv's standalone code, and the output imports nothing.
import { operationsOf } from './operations.mjs';

/** `validateGetIntegration200`: the export name of one operation's validator for one status. */
export function validatorName(operationId, status) {
  return `validate${operationId[0].toUpperCase()}${operationId.slice(1)}${status}`;
}

/** `validateUpdateIntegrationBody`: the export name of one operation's request-body validator. */
export function bodyValidatorName(operationId) {
  return validatorName(operationId, 'Body');
}

// Keywords the run-time checker implements. Any other keyword that constrains a value stops the generator, so a
// spec change can never be checked more loosely than it says without someone deciding so here.
const CHECKED = new Set([
  'type',
  'required',
  'properties',
  'additionalProperties',
  'items',
  'enum',
  'const',
  'oneOf',
  'anyOf',
  'allOf',
  'not',
  'if',
  'then',
  'else',
  'minLength',
  'maxLength',
  'minProperties',
  'maxProperties',
  'minItems',
  'maxItems',
  'minimum',
  'maximum',
  'pattern',
  '$ref',
]);
// Keywords that only annotate (or that the client leaves to the contract suite: `format`), dropped from the output.
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

const SCHEMA_MAPS = new Set(['properties']);
const REF_PREFIX = '#/components/schemas/';

/** A schema with annotations dropped and `$ref: '#/components/schemas/X'` turned into `$ref: 'X'`. */
function compact(node, where, refs) {
  if (Array.isArray(node)) return node.map((item, index) => compact(item, `${where}/${index}`, refs));
  if (node === null || typeof node !== 'object') return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (DROPPED.has(key) || key.startsWith('x-')) continue;
    if (!CHECKED.has(key))
      throw new Error(`${where}: schema keyword "${key}" is not supported by the run-time checker`);
    if (key === '$ref') {
      if (typeof value !== 'string' || !value.startsWith(REF_PREFIX)) throw new Error(`${where}: unsupported $ref`);
      const name = value.slice(REF_PREFIX.length);
      refs.add(name);
      out.$ref = name;
    } else if (key === 'enum' || key === 'const' || key === 'required') {
      out[key] = value;
    } else if (SCHEMA_MAPS.has(key)) {
      out[key] = Object.fromEntries(
        Object.entries(value).map(([name, schema]) => [name, compact(schema, `${where}/${key}/${name}`, refs)]),
      );
    } else {
      out[key] = compact(value, `${where}/${key}`, refs);
    }
  }
  return out;
}

/** Every (operationId, 2xx status, JSON schema) of the spec, in path order. */
export function successResponses(spec) {
  return operationsOf(spec).flatMap(({ operationId, operation }) =>
    Object.entries(operation.responses ?? {})
      .map(([status, response]) => ({ operationId, status, schema: response.content?.['application/json']?.schema }))
      .filter(({ status, schema }) => /^2\d\d$/.test(status) && schema),
  );
}

/** Every (operationId, JSON request-body schema) of the spec, in path order. */
export function requestBodies(spec) {
  return operationsOf(spec)
    .map(({ operationId, operation }) => ({
      operationId,
      schema: operation.requestBody?.content?.['application/json']?.schema,
    }))
    .filter(({ schema }) => schema);
}

/** Returns the validator module's source (without banner) for a bundled spec. */
export function validatorsSource(spec) {
  const refs = new Set();
  const exports = [];
  for (const { operationId, status, schema } of successResponses(spec)) {
    exports.push([validatorName(operationId, status), compact(schema, `${operationId} ${status}`, refs)]);
  }
  for (const { operationId, schema } of requestBodies(spec)) {
    exports.push([bodyValidatorName(operationId), compact(schema, `${operationId} requestBody`, refs)]);
  }
  // Only the component schemas reachable from an operation, each compacted once.
  const defs = {};
  const components = spec.components?.schemas ?? {};
  const pending = [...refs];
  while (pending.length > 0) {
    const name = pending.pop();
    if (name in defs) continue;
    if (!(name in components)) throw new Error(`$ref to missing schema ${name}`);
    const found = new Set();
    defs[name] = compact(components[name], `#/components/schemas/${name}`, found);
    pending.push(...found);
  }
  const sorted = Object.fromEntries(
    Object.keys(defs)
      .sort()
      .map((name) => [name, defs[name]]),
  );
  const lines = [
    '/** The component schemas the operations use, annotations dropped; `$ref` names a key of this object. */',
    `export const defs = ${JSON.stringify(sorted)};`,
    ...exports.map(([name, schema]) => `export const ${name} = ${JSON.stringify(schema)};`),
  ];
  return lines.join('\n');
}
