// The spec as a plain object for tests: parsed synchronously (so `test.each` tables can be built from it) with
// internal `$ref`s resolved. The spec is one file; an external $ref would be a mistake this loader reports.
import path from 'node:path';
import { readSpecYaml } from './spec-yaml';

/** The spec under test: openapi/openapi.yaml, or JELOU_CONTRACT_SPEC (the runner's tests point it at a broken copy). */
export const SPEC_FILE = process.env.JELOU_CONTRACT_SPEC
  ? path.resolve(process.env.JELOU_CONTRACT_SPEC)
  : path.resolve(__dirname, '..', '..', 'openapi', 'openapi.yaml');

/** Only what the tests read of an OpenAPI document. */
export interface SpecExample {
  summary?: string;
  value: unknown;
}
export interface SpecMedia {
  schema?: Record<string, unknown>;
  examples?: Record<string, SpecExample>;
}
export interface SpecResponse {
  description: string;
  content?: Record<string, SpecMedia>;
}
export interface SpecOperation {
  operationId: string;
  requestBody?: { content: Record<string, SpecMedia> };
  responses: Record<string, SpecResponse>;
}
export interface SpecDocument {
  paths: Record<string, Record<string, SpecOperation | unknown>>;
  components: { schemas: Record<string, Record<string, unknown>> } & Record<string, unknown>;
  [key: string]: unknown;
}

/** One operation with its HTTP method and path template. */
export interface OperationEntry {
  method: string;
  path: string;
  operation: SpecOperation;
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

function resolvePointer(root: unknown, ref: string): unknown {
  if (!ref.startsWith('#/')) throw new Error(`External $ref not supported in tests: ${ref}`);
  return ref
    .slice(2)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], root);
}

/** Replaces every `$ref` outside `components/schemas` by its target (schemas stay referenced for validators). */
function resolveRefs(node: unknown, root: unknown): unknown {
  if (Array.isArray(node)) return node.map((item) => resolveRefs(item, root));
  if (node === null || typeof node !== 'object') return node;
  const ref = (node as { $ref?: unknown }).$ref;
  if (typeof ref === 'string' && !ref.startsWith('#/components/schemas/')) {
    return resolveRefs(resolvePointer(root, ref), root);
  }
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, resolveRefs(value, root)]));
}

/** Reads and parses a spec file (default: openapi/openapi.yaml). */
export function loadSpec(file = SPEC_FILE): SpecDocument {
  const raw = readSpecYaml(file) as SpecDocument;
  return { ...raw, paths: resolveRefs(raw.paths, raw) as SpecDocument['paths'] };
}

/** Every operation of the spec, in document order. */
export function operationsOf(spec: SpecDocument): OperationEntry[] {
  return Object.entries(spec.paths).flatMap(([pathTemplate, item]) =>
    HTTP_METHODS.filter((method) => item[method]).map((method) => ({
      method: method.toUpperCase(),
      path: pathTemplate,
      operation: item[method] as SpecOperation,
    })),
  );
}

/** Each (status, example name, example value) documented for an operation's JSON responses. */
export function responseExamplesOf(operation: SpecOperation): { status: number; name: string; value: unknown }[] {
  return Object.entries(operation.responses).flatMap(([status, response]) =>
    Object.entries(response.content?.['application/json']?.examples ?? {}).map(([name, example]) => ({
      status: Number(status),
      name,
      value: example.value,
    })),
  );
}
