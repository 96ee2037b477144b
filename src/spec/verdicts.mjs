// @ts-check
// "Which docs are true": a verdict for each `x-jelou-discrepancies` entry of the spec, from what a live run saw.
//
// Plain JavaScript with no dependencies and no test-runner imports, so `npm run contract` (scripts/contract.mjs,
// from a fresh clone before any build) and the CLI's `jelou doctor` (src/cli/commands/doctor.ts imports this file;
// esbuild bundles it into the bin; `verdicts.d.mts` types it for tsc) use the same judge. Input: the discrepancies of the spec and a list of
// observations (one per answered request: operation, request, status, body, violations). Output: one verdict per
// discrepancy — `A` (the first variant holds), `B` (the second), `both`, `neither`, or `untested` — with the evidence
// and, where the evidence is conclusive, the spec change it suggests.
//
// Bodies are read here and never copied into the verdicts: an evidence line says what was seen ("top-level
// `signingSecret`"), never a value that could be a secret.

/** The possible verdicts. */
export const VERDICTS = Object.freeze(['A', 'B', 'both', 'neither', 'untested']);

/**
 * @typedef {object} Observation One answered request of a run.
 * @property {string} operation operationId
 * @property {string} request e.g. `GET /v1/external-support/{projectId}` (no host, no secrets)
 * @property {number} [status]
 * @property {unknown} [body] the parsed body (read here only; never copied out)
 * @property {string[]} [violations] Prism's `sl-violations`, as `location: message`
 * @property {string} [projectId] the project id of the path, when there is one
 * @property {string} [tag] what the case did, when it matters: `apiKey`, `basic`, `afterClose`, `unsigned`,
 *   `authTypeChange`, `basePath:/jelouapi`...
 */

/**
 * @typedef {object} Evidence
 * @property {string} request
 * @property {number | undefined} status
 * @property {string} shape `flat`, `envelope`, `error` or `none`
 * @property {string[]} violationKinds the distinct locations of Prism's violations (`response.body`...)
 * @property {string} saw what the body showed for this discrepancy
 */

/**
 * @typedef {object} Verdict
 * @property {string} id
 * @property {string} topic
 * @property {'A' | 'B' | 'both' | 'neither' | 'untested'} verdict
 * @property {string} [a] what variant A says
 * @property {string} [b] what variant B says
 * @property {Evidence[]} evidence
 * @property {string} [suggestion] the spec change the evidence supports, when conclusive
 * @property {string} [why] why the verdict is `untested`
 */

const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
const ok = (o) => o.status !== undefined && o.status >= 200 && o.status < 300;
const failed = (o) => o.status !== undefined && o.status >= 400;
const payload = (body) => (isObject(body) && isObject(body.data) ? body.data : body);
/** A 404 whose body is a router's "no such route" (`Cannot GET /…`, as text or in a JSON `message`). */
const routeMissing = (o) =>
  o.status === 404 &&
  (typeof o.body === 'string' ||
    (isObject(o.body) && typeof o.body.message === 'string' && o.body.message.startsWith('Cannot ')));

/** Which documented shape a body has. */
export function shapeOf(body) {
  if (body === undefined) return 'none';
  if (!isObject(body)) return 'none';
  if ('data' in body) return 'envelope';
  if ('error' in body || 'validationError' in body) return 'error';
  return 'flat';
}

function evidence(o, saw) {
  const kinds = [...new Set((o.violations ?? []).map((v) => v.split(':')[0] ?? v))];
  return { request: o.request, status: o.status, shape: shapeOf(o.body), violationKinds: kinds, saw };
}

/**
 * A judge reads the observations and returns, for each one that bears on the discrepancy, which variant it supports
 * (`A`, `B`, `both` for "consistent with both", `neither`) and what it saw.
 * @typedef {(observations: Observation[]) => { supports: 'A' | 'B' | 'both' | 'neither', evidence: Evidence }[]} Judge
 */

/** @type {Record<string, Judge>} */
const JUDGES = {
  'base-path': (all) =>
    all
      .filter((o) => o.operation === 'getIntegration' && o.tag?.startsWith('basePath:') && o.status !== undefined)
      .map((o) => {
        const answered = ok(o) || (failed(o) && isObject(o.body) && !routeMissing(o));
        const onJelouapi = o.tag === 'basePath:/jelouapi';
        const saw = `${answered ? 'answered' : 'no such path'} under ${o.tag?.slice(9)}`;
        return { supports: answered === onJelouapi ? 'A' : 'B', evidence: evidence(o, saw) };
      }),
  'auth-scheme': (all) =>
    all
      .filter((o) => o.operation === 'getIntegration' && (o.tag === 'apiKey' || o.tag === 'basic') && o.status)
      .filter((o) => ok(o) || o.status === 401)
      .map((o) => {
        const accepted = ok(o);
        const isKey = o.tag === 'apiKey';
        return {
          supports: accepted === isKey ? 'A' : 'B',
          evidence: evidence(
            o,
            `${isKey ? 'x-api-key alone' : 'Basic alone'} ${accepted ? 'accepted' : 'refused (401)'}`,
          ),
        };
      }),
  'response-shape': (all) =>
    all
      .filter((o) => ['getIntegration', 'updateIntegration', 'createIntegration'].includes(o.operation) && ok(o))
      .map((o) => {
        const shape = shapeOf(o.body);
        const flat = shape === 'flat' && isObject(o.body) && 'brainId' in o.body;
        return {
          supports: shape === 'envelope' ? 'B' : flat ? 'A' : 'neither',
          evidence: evidence(
            o,
            shape === 'envelope' ? '`data` envelope' : flat ? 'top-level brainId, no data' : 'neither shape',
          ),
        };
      }),
  'envelope-missing-fields': (all) =>
    all
      .filter((o) => o.operation === 'getIntegration' && ok(o) && shapeOf(o.body) === 'envelope')
      .map((o) => {
        const data = payload(o.body);
        const has = isObject(data) && 'id' in data && 'authType' in data;
        return {
          supports: has ? 'A' : 'B',
          evidence: evidence(o, has ? 'data.id and data.authType present' : 'data without id/authType'),
        };
      }),
  'regenerate-shape': (all) =>
    all
      .filter((o) => o.operation === 'regenerateSigningSecret' && ok(o))
      .map((o) => {
        const top = isObject(o.body) && 'signingSecret' in o.body;
        const inData = isObject(o.body) && isObject(o.body.data) && 'signingSecret' in o.body.data;
        return {
          supports: top ? 'A' : inData ? 'B' : 'neither',
          evidence: evidence(o, top ? 'top-level signingSecret' : inData ? 'data.signingSecret' : 'no signingSecret'),
        };
      }),
  'signing-secret-visibility': (all) =>
    all
      .filter((o) => o.operation === 'regenerateSigningSecret' && ok(o))
      .map((o) => {
        const has = isObject(payload(o.body)) && 'signingSecret' in /** @type {object} */ (payload(o.body));
        return {
          supports: has ? 'B' : 'A',
          evidence: evidence(o, has ? 'signingSecret in the regenerate answer' : 'no signingSecret'),
        };
      }),
  'brain-id-value': (all) =>
    all
      .filter((o) => o.operation === 'getIntegration' && ok(o) && o.projectId !== undefined)
      .filter((o) => isObject(payload(o.body)) && typeof payload(o.body).brainId === 'string')
      .map((o) => {
        const same = payload(o.body).brainId === o.projectId;
        return {
          supports: same ? 'A' : 'B',
          evidence: evidence(o, same ? 'brainId equals the projectId' : 'brainId differs from the projectId'),
        };
      }),
  'update-body': (all) =>
    all
      .filter((o) => o.operation === 'updateIntegration' && o.tag === 'authTypeChange' && o.status !== undefined)
      .filter((o) => ok(o) || o.status === 400 || o.status === 422)
      .map((o) => ({
        supports: ok(o) ? 'B' : 'A',
        evidence: evidence(o, ok(o) ? 'authType + authorization accepted' : 'authType refused'),
      })),
  'delete-message-text': (all) =>
    all
      .filter((o) => o.operation === 'deleteIntegration' && ok(o))
      .filter((o) => isObject(o.body) && Array.isArray(o.body.message) && typeof o.body.message[0] === 'string')
      .map((o) => {
        const period = /** @type {string} */ (o.body.message[0]).trim().endsWith('.');
        return {
          supports: period ? 'B' : 'A',
          evidence: evidence(o, period ? 'message ends with a period' : 'message without a final period'),
        };
      }),
  'conversation-samples': (all) =>
    all
      .filter((o) => ['getConversation', 'startConversation', 'closeConversation'].includes(o.operation) && ok(o))
      .map((o) => {
        const data = isObject(o.body) && 'data' in o.body;
        const error = isObject(o.body) && isObject(o.body.error);
        return {
          supports: data ? 'B' : error ? 'A' : 'neither',
          evidence: evidence(o, data ? 'success envelope with data' : error ? 'error object in a 2xx body' : 'neither'),
        };
      }),
  'close-reason': (all) =>
    all
      .filter((o) => o.operation === 'getConversation' && o.tag === 'afterClose' && ok(o))
      .filter((o) => isObject(payload(o.body)) && typeof payload(o.body).endedReason === 'string')
      .map((o) => {
        const reason = String(payload(o.body).endedReason);
        const documented = reason === 'closed_by_operator';
        return {
          supports: documented ? 'B' : 'neither',
          // An enum-like value, not a secret: shown so a person can judge an undocumented one.
          evidence: evidence(o, `endedReason ${/^[A-Za-z_]{1,40}$/.test(reason) ? reason : '(not an identifier)'}`),
        };
      }),
  'error-body': (all) =>
    all
      .filter((o) => failed(o) && isObject(o.body))
      .map((o) => {
        const b = /** @type {Record<string, unknown>} */ (o.body);
        // Variant A also documents `{message: "Authentication failed"}` alone for a 401.
        const bare401 = o.status === 401 && typeof b.message === 'string' && Object.keys(b).length === 1;
        const hybrid = (Array.isArray(b.message) && b.statusMessage === 'failed' && b.status === 0) || bare401;
        const jelou = typeof b.message === 'string' && isObject(b.error);
        return {
          supports: hybrid && !jelou ? 'A' : jelou ? 'B' : 'neither',
          evidence: evidence(
            o,
            hybrid
              ? bare401
                ? 'a 401 with only a message string'
                : 'message[], statusMessage failed, status 0'
              : jelou
                ? 'message string with error{}'
                : 'another error shape',
          ),
        };
      }),
  'response-auth-type': (all) =>
    all
      .filter((o) => o.operation === 'getIntegration' && ok(o))
      .filter((o) => isObject(payload(o.body)) && typeof payload(o.body).authType === 'string')
      .map((o) => {
        const inEnum = ['bearer', 'api_key', 'basic', 'no_auth'].includes(payload(o.body).authType);
        return {
          supports: inEnum ? 'both' : 'B',
          evidence: evidence(o, inEnum ? 'authType inside the enum' : 'authType outside the enum'),
        };
      }),
  'time-formats': (all) =>
    all
      .filter((o) => ['getIntegration', 'getConversation'].includes(o.operation) && ok(o) && isObject(payload(o.body)))
      .flatMap((o) => {
        const data = payload(o.body);
        const value = ['createdAt', 'startAt', 'updatedAt'].map((k) => data[k]).find((v) => v !== undefined);
        if (value === undefined) return [];
        const iso = typeof value === 'string' && !Number.isNaN(Date.parse(value));
        const ms = typeof value === 'number';
        return [
          {
            supports: iso ? 'B' : ms ? 'A' : 'neither',
            evidence: evidence(o, iso ? 'ISO 8601 date string' : ms ? 'number' : 'another format'),
          },
        ];
      }),
  'signature-input': (all) =>
    all
      .filter((o) => o.operation === 'sendMessage' && o.tag !== 'unsigned' && ok(o))
      .map((o) => ({ supports: 'both', evidence: evidence(o, 'compact body, signed over the bytes sent, accepted') })),
  'signature-scope-wording': (all) => {
    const signed = all.filter((o) => o.operation === 'sendMessage' && o.tag !== 'unsigned' && ok(o));
    const unsigned = all.filter((o) => o.operation === 'sendMessage' && o.tag === 'unsigned' && failed(o));
    if (signed.length === 0 || unsigned.length === 0) return [];
    return [...signed, ...unsigned].map((o) => ({
      supports: 'both',
      evidence: evidence(o, o.tag === 'unsigned' ? 'refused without the signature' : 'accepted with it'),
    }));
  },
};

/** What to change in the spec when a verdict is conclusive, by discrepancy and verdict. */
const SUGGESTIONS = {
  'base-path': {
    A: 'Keep `/jelouapi` first in `servers`; mark `/platform` as unverified.',
    B: 'Put `/platform` first in `servers`.',
  },
  'auth-scheme': {
    A: 'Keep `apiKey` as the documented scheme; mark `basicAuth` as not accepted.',
    B: 'Make `basicAuth` the documented scheme; mark `apiKey` as not accepted.',
    both: 'Keep both schemes as alternatives.',
  },
  'response-shape': {
    A: 'Make the flat object the 200 schema of the integration operations; keep the envelope as tolerated.',
    B: 'Make the envelope the 200 schema; keep the flat object as tolerated.',
  },
  'envelope-missing-fields': {
    A: 'Add `id` and `authType` to `IntegrationData`.',
    B: 'Keep `IntegrationData` without `id` and `authType`.',
  },
  'regenerate-shape': {
    A: 'Make `RegeneratedSecretFlat` the documented answer.',
    B: 'Make `RegeneratedSecretEnvelope` the documented answer.',
  },
  'signing-secret-visibility': {
    A: 'Drop `signingSecret` from the regenerate answer.',
    B: 'Keep `signingSecret` required in the regenerate answer.',
  },
  'brain-id-value': {
    A: 'Describe `brainId` as the project id.',
    B: 'Describe `brainId` as an id of its own, distinct from the project id.',
  },
  'update-body': {
    A: 'Drop `authType` and `authorization` from `IntegrationChanges`.',
    B: 'Keep `authType` and `authorization` in `IntegrationChanges`.',
  },
  'delete-message-text': {
    A: 'Make the prose example (no period) the first delete example.',
    B: 'Make the OpenAPI example (with a period) the first delete example.',
  },
  'conversation-samples': {
    B: 'Keep the success envelopes of the conversation operations; drop `x-jelou-guess` where the body was seen.',
  },
  'close-reason': { B: 'Keep `closed_by_operator` as the documented `endedReason` after a close through the API.' },
  'error-body': {
    A: 'Make the hybrid `{message[], statusMessage: failed, status: 0, error}` the first error example.',
    B: 'Make `{message: string, error, validationError}` the first error example.',
  },
  'response-auth-type': { B: 'Type `authType` in responses as a plain string.' },
  'time-formats': { B: 'Keep REST dates as `date-time` strings.' },
};

/**
 * A verdict for every discrepancy: what the observations support, or `untested` when none bears on it.
 * @param {readonly { id: string, topic?: string, variants?: { says?: string }[], live?: { testable?: boolean, how?: string } }[]} discrepancies
 *   the spec's `x-jelou-discrepancies`
 * @param {readonly Observation[]} observations
 * @returns {Verdict[]}
 */
export function judgeDiscrepancies(discrepancies, observations) {
  return discrepancies.map((entry) => {
    const base = {
      id: entry.id,
      topic: entry.topic ?? entry.id,
      ...(entry.variants?.[0]?.says ? { a: entry.variants[0].says } : {}),
      ...(entry.variants?.[1]?.says ? { b: entry.variants[1].says } : {}),
    };
    const judge = JUDGES[entry.id];
    const findings = judge === undefined ? [] : judge(observations);
    if (findings.length === 0) {
      const why =
        judge === undefined
          ? entry.live?.testable === false
            ? `not testable by requests: ${entry.live.how ?? 'see the spec'}`
            : 'no request of the contract run can show it'
          : `no request of this run bore on it${entry.live?.how ? ` (${entry.live.how})` : ''}`;
      return { ...base, verdict: /** @type {const} */ ('untested'), evidence: [], why };
    }
    const supports = new Set(findings.map((f) => f.supports));
    /** @type {'A' | 'B' | 'both' | 'neither'} */
    let verdict;
    if (supports.has('neither')) verdict = 'neither';
    else if ((supports.has('A') && supports.has('B')) || (supports.size === 1 && supports.has('both')))
      verdict = 'both';
    else verdict = supports.has('A') ? 'A' : 'B';
    const suggestion = SUGGESTIONS[entry.id]?.[verdict];
    return { ...base, verdict, evidence: findings.map((f) => f.evidence), ...(suggestion ? { suggestion } : {}) };
  });
}

/** The verdicts as terminal lines, untested ones summed up at the end. */
export function renderVerdicts(verdicts) {
  const tested = verdicts.filter((v) => v.verdict !== 'untested');
  const lines = ['Which docs are true (x-jelou-discrepancies):'];
  for (const v of tested) {
    lines.push(`  ${v.id}: ${v.verdict}`);
    for (const e of v.evidence) {
      const kinds = e.violationKinds.length ? `, violations: ${e.violationKinds.join(', ')}` : '';
      lines.push(`      ${e.request} → ${e.status ?? 'no answer'} ${e.shape}: ${e.saw}${kinds}`);
    }
    if (v.suggestion) lines.push(`      suggests: ${v.suggestion}`);
  }
  const untested = verdicts.filter((v) => v.verdict === 'untested').map((v) => v.id);
  if (untested.length > 0) lines.push(`  untested (${untested.length}): ${untested.join(', ')}`);
  return lines.join('\n');
}
