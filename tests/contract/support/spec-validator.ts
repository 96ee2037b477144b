// An independent check of raw bodies against the spec: ajv (JSON Schema 2020-12) with formats enforced,
// compiled here from openapi/ — not the client's generated validators, so a bug in one is caught by the other.
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { loadSpec } from '../../support/spec';
import type { ObservedShape } from './record';

const SPEC_ID = 'spec';

function rewriteRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rewriteRefs);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => [
      key,
      key === '$ref' && typeof value === 'string'
        ? value.replace('#/components/schemas/', `${SPEC_ID}#/$defs/`)
        : rewriteRefs(value),
    ]),
  );
}

const spec = loadSpec();
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
ajv.addSchema({ $id: SPEC_ID, $defs: rewriteRefs(spec.components.schemas) as Record<string, unknown> });

/** Validates a body against a named component schema; returns the problems (empty when valid). */
export function problemsAgainst(schemaName: string, body: unknown): string[] {
  const validate = ajv.getSchema(`${SPEC_ID}#/$defs/${schemaName}`);
  if (!validate) throw new Error(`No schema ${schemaName} in the spec`);
  if (validate(body)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`);
}

// Compiled once per schema: ajv's own cache knows a schema by object identity, and every operation's cases pass
// the same response schemas again and again.
const compiled = new Map<string, ValidateFunction>();

/** Validates a body against any JSON schema of the spec (with `#/components/schemas` refs). */
export function problemsAgainstSchema(schema: unknown, body: unknown): string[] {
  const key = JSON.stringify(schema);
  const validate = compiled.get(key) ?? ajv.compile(rewriteRefs(schema) as object);
  compiled.set(key, validate);
  if (validate(body)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`);
}

/** Which documented 200 shape a raw body has, judged by the spec's own schemas. */
export function shapeOf(body: unknown): ObservedShape {
  if (body === undefined || body === '') return 'none';
  if (problemsAgainst('IntegrationFlat', body).length === 0) return 'flat';
  if (problemsAgainst('IntegrationEnvelope', body).length === 0) return 'envelope';
  return 'undocumented';
}
