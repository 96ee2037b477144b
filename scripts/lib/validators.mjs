// Compiles the spec's 2xx response schemas into standalone validator code (ajv, JSON Schema 2020-12).
// The output imports nothing, so the package's only run-time dependency stays openapi-fetch.
import Ajv2020 from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { operationsOf } from './operations.mjs';

const SCHEMA_ID = 'jelou-external-support';

/** `validateGetIntegration200`: the export name of one operation's validator for one status. */
export function validatorName(operationId, status) {
  return `validate${operationId[0].toUpperCase()}${operationId.slice(1)}${status}`;
}

// Keywords that only annotate: dropped before compiling, so the generated code does not carry the spec's prose.
const ANNOTATIONS = new Set(['description', 'summary', 'title', 'example', 'examples', 'externalDocs', 'deprecated']);
const isAnnotation = (key) => ANNOTATIONS.has(key) || key.startsWith('x-');

/**
 * Rewrites `#/components/schemas/X` into `<base>#/$defs/X` so the schemas stand alone as JSON Schema, and drops
 * annotations. Property names are kept even when they look like annotations (a property may be called `title`).
 */
function toJsonSchemaRefs(node, base = '', inProperties = false) {
  if (Array.isArray(node)) return node.map((item) => toJsonSchemaRefs(item, base));
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key]) => inProperties || !isAnnotation(key))
      .map(([key, value]) =>
        key === '$ref' && typeof value === 'string'
          ? [key, value.replace('#/components/schemas/', `${base}#/$defs/`)]
          : [key, toJsonSchemaRefs(value, base, !inProperties && (key === 'properties' || key === '$defs'))],
      ),
  );
}

/** Every (operationId, 2xx status, JSON schema) of the spec, in path order. */
export function successResponses(spec) {
  return operationsOf(spec).flatMap(({ operationId, operation }) =>
    Object.entries(operation.responses ?? {})
      .map(([status, response]) => ({ operationId, status, schema: response.content?.['application/json']?.schema }))
      .filter(({ status, schema }) => /^2\d\d$/.test(status) && schema),
  );
}

/** Returns the validator module's source for a bundled spec. */
export function validatorsSource(spec) {
  const ajv = new Ajv2020({
    code: { source: true, esm: true, lines: true },
    allErrors: true,
    // OpenAPI adds keywords (example, x-*, discriminator...) that are annotations here.
    strict: false,
    // Formats are annotations at run time: the client is tolerant of, say, a date without seconds.
    // The contract suite validates formats with its own, independent validator.
    validateFormats: false,
  });
  ajv.addSchema({ $id: SCHEMA_ID, $defs: toJsonSchemaRefs(spec.components?.schemas ?? {}) });
  const exports = {};
  for (const { operationId, status, schema } of successResponses(spec)) {
    const name = validatorName(operationId, status);
    ajv.addSchema({ $id: name, ...toJsonSchemaRefs(schema, SCHEMA_ID) });
    exports[name] = name;
  }
  const code = standaloneCode(ajv, exports);
  if (/\brequire\(|^import /m.test(code)) {
    throw new Error('Generated validators import a run-time helper; adjust the ajv options so they stand alone.');
  }
  return code;
}
