// The operation table: one data-only row per operationId, read by the client's generic `execute`
// (src/spec/operations.ts gives it its types). Everything the client needs to know about an operation that the
// spec says: method, path, path parameters, host, credentials, whether repeating it is harmless, and the schema
// nodes its body and 2xx responses are checked with (scripts/lib/validators.mjs; they name ./validators.ts' defs).
import { operationsOf } from './operations.mjs';
import { compileOperations } from './validators.mjs';

/** The operation extension that says whether sending an operation twice is harmless. */
export const IDEMPOTENT_EXTENSION = 'x-jelou-idempotent';
/** The security scheme of requests signed with the integration's signing secret (no API key). */
export const SIGNATURE_SCHEME = 'jelouSignature';

// RFC 9110 section 9.2.2: PUT and DELETE (and the safe methods) are idempotent; POST is not. PATCH is not in general,
// but this API's PATCH sets fields to the values sent, so it defaults to idempotent like PUT; a spec that says
// otherwise wins through the extension.
const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'DELETE']);

function securityOf(spec, operation) {
  const requirements = operation.security ?? spec.security ?? [];
  const schemes = requirements.flatMap((requirement) => Object.keys(requirement));
  if (schemes.includes(SIGNATURE_SCHEME)) return 'signature';
  return schemes.length === 0 ? 'none' : 'gateway';
}

function idempotentOf(where, method, operation) {
  const declared = operation[IDEMPOTENT_EXTENSION];
  if (declared === undefined) return IDEMPOTENT_METHODS.has(method);
  if (typeof declared !== 'boolean') throw new Error(`${where}: ${IDEMPOTENT_EXTENSION} must be true or false`);
  return declared;
}

function pathParamsOf(where, path) {
  const names = [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]);
  if (new Set(names).size !== names.length) throw new Error(`${where}: a path parameter appears twice`);
  return names;
}

// A 2xx schema with a `data` property, optional or required (directly, or in an allOf/oneOf/anyOf branch, through $refs) may be an
// envelope: at run time, a body that has `data` is then read as one. (A `not` is not looked into: the flat integration
// says `not: {required: [data]}`.)
function hasEnvelope(spec, schema, seen = new Set()) {
  if (schema === null || typeof schema !== 'object') return false;
  if (typeof schema.$ref === 'string') {
    const name = schema.$ref.replace('#/components/schemas/', '');
    if (seen.has(name)) return false;
    seen.add(name);
    return hasEnvelope(spec, spec.components?.schemas?.[name], seen);
  }
  if (schema.properties?.data !== undefined || schema.required?.includes('data')) return true;
  return [...(schema.allOf ?? []), ...(schema.oneOf ?? []), ...(schema.anyOf ?? [])].some((branch) =>
    hasEnvelope(spec, branch, seen),
  );
}

/** The table's rows, in path order. */
export function operationRows(spec) {
  const { nodes } = compileOperations(spec);
  return operationsOf(spec).map(({ operationId, method, path, operation, item }) => {
    const where = `${method} ${path} (${operationId})`;
    const responses = {};
    let envelope = false;
    for (const [status, response] of Object.entries(operation.responses ?? {})) {
      const schema = response.content?.['application/json']?.schema;
      if (!/^2\d\d$/.test(status) || !schema) continue;
      responses[status] = nodes[operationId].responses[status];
      envelope ||= hasEnvelope(spec, schema);
    }
    const body = operation.requestBody?.content?.['application/json']?.schema;
    return {
      operationId,
      row: {
        method,
        path,
        pathParams: pathParamsOf(where, path),
        server: (operation.servers ?? item?.servers) ? 'messages' : 'gateway',
        security: securityOf(spec, operation),
        idempotent: idempotentOf(where, method, operation),
        // A body the client builds itself (CLIENT_BUILT_BODIES) is only checked to be an object at run time.
        body: body ? (nodes[operationId]?.body ?? 'object') : null,
        bodyRequired: Boolean(body && operation.requestBody.required),
        responses,
        envelope,
      },
    };
  });
}

// What a row of the written table leaves out, because src/spec/operations.ts knows it: the path parameters (read
// from the path) and every field that has its usual value.
const USUAL = { body: null, bodyRequired: false, server: 'gateway', security: 'gateway', envelope: false };

/** The source (without banner) of src/generated/operations.ts. */
export function operationsSource(spec) {
  const rows = operationRows(spec)
    .map(({ operationId, row }) => {
      const written = Object.fromEntries(
        Object.entries(row).filter(([key, value]) => key !== 'pathParams' && USUAL[key] !== value),
      );
      return `  ${operationId}: ${JSON.stringify(written)},`;
    })
    .join('\n');
  return [
    '/** Every operation of the spec: method, path template, whether repeating it is harmless, the schema nodes of its',
    ' * body and 2xx responses (names refer to ./validators.ts), and, when not the usual (no body, the gateway host',
    " * with the gateway's credentials, no envelope), its body, host, credentials and whether it may be an envelope.",
    ' * A function, so the table is parsed and built on first use, not when the package is imported. */',
    `export const operations = () =>\n  ({\n${rows}\n  }) as const;`,
  ].join('\n');
}
