// Type-level tests of the types derived from the spec (src/spec/types.ts): checked by `npm run typecheck`.
import type {
  EnvelopeOf,
  MergeBranches,
  OperationResult,
  PayloadOf,
  RequestBody,
  ResultOf,
} from '../../../src/spec/types';
import type { EnvelopeInfo, Integration, IntegrationChanges, IntegrationResponse } from '../../../src/index';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function expectType<T extends true>(): T | undefined {
  return undefined;
}

// A property required in every branch stays required; one missing or optional in a branch becomes optional.
type Merged = MergeBranches<{ a: string; b: number } | { a: string; c?: boolean }>;
expectType<Equal<Merged, { a: string; b?: number; c?: boolean }>>();
// A property typed differently in two branches gets the union of the types.
expectType<Equal<MergeBranches<{ a: string } | { a: number }>, { a: string | number }>>();

// The payload is the envelope's data, or the flat body itself.
expectType<Equal<PayloadOf<{ data: { x: 1 }; status: number } | { y: 2 }>, { x: 1 } | { y: 2 }>>();
expectType<Equal<ResultOf<{ data: { x: string } } | { x: string; extra?: number }>, { x: string; extra?: number }>>();
expectType<Equal<EnvelopeOf<{ data: 1; message?: string[] } | { flat: true }>, { message?: string[] }>>();

// The exported Integration is derived, never restated: both 200 shapes merged.
expectType<
  Equal<
    Integration,
    { brainId: string; webhookUrl: string; createdAt: string; id?: string; authType?: string; updatedAt?: string }
  >
>();
expectType<Equal<Integration, ResultOf<IntegrationResponse>>>();
expectType<Equal<Integration, OperationResult<'getIntegration'>>>();
expectType<Equal<Integration, OperationResult<'updateIntegration'>>>();
expectType<Equal<EnvelopeInfo, { message?: string[]; statusMessage?: string; status?: number }>>();

// Request bodies come from the spec too.
expectType<Equal<RequestBody<'updateIntegration'>, IntegrationChanges>>();
expectType<Equal<RequestBody<'getIntegration'>, undefined>>();
