// The operations of a bundled OpenAPI document: one walk over paths × methods for every script that needs it.
// No dependencies, so the contract runner can load it before the spec is even read.

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** Every operation with an operationId, in document order: `{ operationId, method, path, operation, item }`. */
export function operationsOf(spec) {
  return Object.entries(spec.paths ?? {}).flatMap(([path, item]) =>
    HTTP_METHODS.filter((method) => item?.[method]?.operationId).map((method) => ({
      operationId: item[method].operationId,
      method: method.toUpperCase(),
      path,
      operation: item[method],
      item,
    })),
  );
}
