// The typed view of the generated operation table, with each row's schema nodes turned into checks.
import { operations } from '../generated/operations.js';
import { defs } from '../generated/validators.js';
import { checkSchema, type Schema, type SchemaIssue, type SchemaNode } from './check-schema.js';
import type { OperationId } from './types.js';

/** Which host an operation goes to: the API gateway, or the messages host of `sendMessage`. */
export type Server = 'gateway' | 'messages';
/** Which credentials an operation sends: the gateway's (API key or Basic), a body signature, or none. */
export type Security = 'gateway' | 'signature' | 'none';

/** A validator: `undefined` when the value is valid, else the issues found. */
export type Check = (value: unknown) => SchemaIssue[] | undefined;

/** One row of the operation table, as the client's `execute` reads it. */
export interface Operation {
  readonly operationId: OperationId;
  readonly method: string;
  /** The path template, e.g. `/v1/external-support/{projectId}`. */
  readonly path: string;
  /** The path parameter names, in the order they appear in the template (and in the method's arguments). */
  readonly pathParams: readonly string[];
  /** The template's text around its parameters: `pathParams.length + 1` parts. */
  readonly pathParts: readonly string[];
  readonly server: Server;
  readonly security: Security;
  /** Whether sending it twice is harmless: idempotent operations get the full retry policy. */
  readonly idempotent: boolean;
  /** The request body's check, when it takes a body. */
  readonly body: Check | undefined;
  /** Whether the body must be given. */
  readonly bodyRequired: boolean;
  /** The 2xx body checks by status. */
  readonly responses: Readonly<Record<string, Check>>;
  /** Whether a 2xx body may be an envelope `{ message, statusMessage, status, data }`. */
  readonly envelope: boolean;
}

function check(schema: Schema, shared: Readonly<Record<string, SchemaNode>>): Check {
  return (value) => {
    const issues = checkSchema(schema, value, shared);
    return issues.length === 0 ? undefined : issues;
  };
}

/** A row as the generator writes it: fields with their usual value are left out. */
interface Row {
  readonly method: string;
  readonly path: string;
  readonly idempotent: boolean;
  readonly body?: Schema;
  readonly bodyRequired?: boolean;
  readonly server?: Server;
  readonly security?: Security;
  readonly responses: Readonly<Record<string, Schema>>;
  readonly envelope?: boolean;
}

function resolve(operationId: OperationId, row: Row, shared: Readonly<Record<string, SchemaNode>>): Operation {
  return {
    operationId,
    method: row.method,
    path: row.path,
    pathParams: [...row.path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1] ?? ''),
    pathParts: row.path.split(/\{[^}]+\}/),
    server: row.server ?? 'gateway',
    security: row.security ?? 'gateway',
    idempotent: row.idempotent,
    body: row.body === undefined ? undefined : check(row.body, shared),
    bodyRequired: row.bodyRequired ?? false,
    responses: Object.fromEntries(
      Object.entries(row.responses).map(([status, schema]) => [status, check(schema, shared)]),
    ),
    envelope: row.envelope ?? false,
  };
}

let table: Readonly<Record<OperationId, Operation>> | undefined;

/** Every operation of the spec, by operationId: built on first use, so importing the package builds nothing. */
export function operationTable(): Readonly<Record<OperationId, Operation>> {
  if (table === undefined) {
    const rows = operations() as Readonly<Record<OperationId, Row>>;
    const shared = defs() as unknown as Readonly<Record<string, SchemaNode>>;
    table = Object.fromEntries(
      (Object.keys(rows) as OperationId[]).map((id) => [id, resolve(id, rows[id], shared)]),
    ) as Readonly<Record<OperationId, Operation>>;
  }
  return table;
}
