import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { ApiPromise, type ApiResult } from '../../../src/client/api-promise';

interface Data {
  brainId: string;
}

function resultOf(data: Data = { brainId: 'BRAIN_ID' }): ApiResult<Data> {
  return {
    data,
    response: new Response(null, { status: 200, headers: { 'x-request-id': 'req-1' } }),
    body: { brainId: data.brainId, extra: true },
    requestId: 'req-1',
  };
}

// Jest gives each test file its own copy of `process`, whose listeners never hear Node's unhandledRejection (jest
// reports those itself). So the unhandled-rejection checks run in a child Node process, which loads
// src/api-promise.ts transpiled to CommonJS, listens on its real `process`, runs the scenario and lets a few
// event-loop turns pass before printing what it heard.
const API_PROMISE_JS = ts.transpileModule(
  readFileSync(path.resolve(__dirname, '..', '..', '..', 'src', 'client', 'api-promise.ts'), 'utf8'),
  {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  },
).outputText;

/** Runs `scenario` (JavaScript with `ApiPromise` in scope) in a child process; returns the messages of every unhandled rejection. */
function unhandledRejectionsOf(scenario: string): string[] {
  const script = `
    const seen = [];
    process.on('unhandledRejection', (reason) => { seen.push(reason instanceof Error ? reason.message : String(reason)); });
    const { ApiPromise } = ((exports) => { ${API_PROMISE_JS}; return exports; })({});
    (async () => { ${scenario} })().then(() => {
      let turns = 0;
      const turn = () => (turns++ < 5 ? setImmediate(turn) : process.stdout.write(JSON.stringify(seen)));
      setImmediate(turn);
    });
  `;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })) as string[];
}

describe('ApiPromise', () => {
  it('resolves to the data when awaited', async () => {
    const result = resultOf();
    await expect(new ApiPromise(Promise.resolve(result))).resolves.toBe(result.data);
    expect(await new ApiPromise(Promise.resolve(result))).toStrictEqual({ brainId: 'BRAIN_ID' });
  });

  it('gives the whole result with withResponse', async () => {
    const result = resultOf();
    const whole = await new ApiPromise(Promise.resolve(result)).withResponse();
    expect(whole).toBe(result);
    expect(whole.requestId).toBe('req-1');
    expect(whole.body).toStrictEqual({ brainId: 'BRAIN_ID', extra: true });
  });

  it('gives the response with asResponse', async () => {
    const result = resultOf();
    const response = await new ApiPromise(Promise.resolve(result)).asResponse();
    expect(response).toBe(result.response);
    expect(response.status).toBe(200);
  });

  it('rejects every view with the error of the underlying promise', async () => {
    const error = new Error('boom');
    const promise = new ApiPromise<Data>(Promise.reject(error));
    await expect(promise).rejects.toBe(error);
    await expect(promise.withResponse()).rejects.toBe(error);
    await expect(promise.asResponse()).rejects.toBe(error);
  });

  it('passes the data to then and resolves to what the callback returns', async () => {
    const promise = new ApiPromise<Data>(Promise.resolve(resultOf({ brainId: 'B1' })));
    await expect(promise.then((data) => `${data.brainId}!`)).resolves.toBe('B1!');
  });

  it('calls the rejection callback of then, and not the fulfilment one, when the call fails', async () => {
    const error = new Error('boom');
    const onFulfilled = jest.fn();
    const recovered = await new ApiPromise<Data>(Promise.reject(error)).then(onFulfilled, (reason) => reason);
    expect(recovered).toBe(error);
    expect(onFulfilled).not.toHaveBeenCalled();
  });

  it('recovers with catch and passes the data through catch on success', async () => {
    const error = new Error('boom');
    await expect(new ApiPromise<Data>(Promise.reject(error)).catch((reason) => reason)).resolves.toBe(error);
    const onRejected = jest.fn();
    const result = resultOf();
    await expect(new ApiPromise(Promise.resolve(result)).catch(onRejected)).resolves.toBe(result.data);
    expect(onRejected).not.toHaveBeenCalled();
  });

  it('runs finally on success and keeps the data', async () => {
    const onFinally = jest.fn();
    const result = resultOf();
    await expect(new ApiPromise(Promise.resolve(result)).finally(onFinally)).resolves.toBe(result.data);
    expect(onFinally).toHaveBeenCalledTimes(1);
    expect(onFinally).toHaveBeenCalledWith();
  });

  it('runs finally on failure and keeps the rejection', async () => {
    const onFinally = jest.fn();
    const error = new Error('boom');
    await expect(new ApiPromise<Data>(Promise.reject(error)).finally(onFinally)).rejects.toBe(error);
    expect(onFinally).toHaveBeenCalledTimes(1);
  });

  it('is a Promise', () => {
    const promise = new ApiPromise(Promise.resolve(resultOf()));
    expect(promise).toBeInstanceOf(Promise);
    expect(promise).toBeInstanceOf(ApiPromise);
  });

  it('derives plain Promises from then, catch and finally', async () => {
    const promise = new ApiPromise(Promise.resolve(resultOf()));
    const derived = [promise.then(), promise.catch(), promise.finally(), promise.asResponse()];
    for (const item of derived) {
      expect(Object.getPrototypeOf(item)).toBe(Promise.prototype);
      expect(item).not.toBeInstanceOf(ApiPromise);
    }
    await Promise.all(derived);
  });

  it('names Promise as its species, so even the built-in then derives a plain Promise', async () => {
    expect(ApiPromise[Symbol.species]).toBe(Promise);
    const promise = new ApiPromise(Promise.resolve(resultOf()));
    const derived = Promise.prototype.then.call(promise, () => 'done');
    expect(Object.getPrototypeOf(derived)).toBe(Promise.prototype);
    await expect(derived).resolves.toBe('done');
  });

  it('works with Promise.all and Promise.race', async () => {
    const result = resultOf();
    await expect(Promise.all([new ApiPromise(Promise.resolve(result))])).resolves.toEqual([result.data]);
    await expect(Promise.race([new ApiPromise(Promise.resolve(result))])).resolves.toBe(result.data);
  });

  it('gives the same result to withResponse and await on one instance without running the call twice', async () => {
    let runs = 0;
    const result = resultOf();
    const call = async (): Promise<ApiResult<Data>> => {
      runs += 1;
      await Promise.resolve();
      return result;
    };
    const promise = new ApiPromise(call());
    const whole = await promise.withResponse();
    const data = await promise;
    const again = await promise.withResponse();
    const response = await promise.asResponse();
    expect(runs).toBe(1);
    expect(whole).toBe(result);
    expect(again).toBe(result);
    expect(data).toBe(whole.data);
    expect(response).toBe(whole.response);
  });

  it('does not report an unhandled rejection when a rejected ApiPromise is never awaited', () => {
    expect(unhandledRejectionsOf(`new ApiPromise(Promise.reject(new Error('never awaited')));`)).toEqual([]);
  });

  it('does not report an unhandled rejection when only withResponse of a rejected ApiPromise is handled', () => {
    const scenario = `
      const promise = new ApiPromise(Promise.reject(new Error('boom')));
      await promise.withResponse().catch(() => undefined);
    `;
    expect(unhandledRejectionsOf(scenario)).toEqual([]);
  });

  it('does not report an unhandled rejection when only the awaited view of a rejected ApiPromise is handled', () => {
    const scenario = `
      const promise = new ApiPromise(Promise.reject(new Error('boom')));
      try { await promise; } catch {}
    `;
    expect(unhandledRejectionsOf(scenario)).toEqual([]);
  });

  // Guards the three tests above: the child does hear a rejection nobody handles.
  it('reports an unhandled rejection of a plain promise in the same harness, so the checks above can fail', () => {
    expect(unhandledRejectionsOf(`Promise.reject(new Error('plain'));`)).toEqual(['plain']);
  });
});
