// @ts-check
// A stateful stand-in for Jelou's External Support API, for tests and local runs without internet: every operation
// of the gateway (under `/jelouapi` and `/platform`), the messages host's `POST /v1/external-support/webhook`
// (checked by `X-Jelou-Signature` over the raw body), both documented response shapes on demand, Jelou's error
// style, and signed event deliveries to a panel's webhook on loopback. Facts: ../../../shared/docs/jelou-api.md.
// Dependency-free CommonJS so jest (whose TypeScript transform compiles to CommonJS), plain node scripts and
// `scripts/standin.mjs` can all load it; types in jelou-standin.d.cts.
'use strict';
const nodeCrypto = require('node:crypto');
const http = require('node:http');
const { AUTHENTICATION_FAILED, SUCCESS, errorBody } = require('./jelou-standin/bodies.cjs');
const events = require('./jelou-standin/events.cjs');
const { deliver } = require('./jelou-standin/deliver.cjs');
const validate = require('./jelou-standin/validate.cjs');
const { MESSAGES_PATH, STANDIN_BASE_PATH, STANDIN_PLATFORM_PATH, classify } = require('./jelou-standin/routes.cjs');

/** Custom Channel's 20 s delivery budget (jelou-api.md §5); nothing is documented for External Support. */
const DEFAULT_DELIVERY_TIMEOUT_MS = 20_000;

/** Which shape each operation answers by default: GET the prose envelope, PATCH and create the OpenAPI flat one. */
const DEFAULT_SHAPES = Object.freeze({
  createIntegration: 'flat',
  getIntegration: 'envelope',
  updateIntegration: 'flat',
  deleteIntegration: 'envelope',
  regenerateSigningSecret: 'envelope',
  startConversation: 'envelope',
  closeConversation: 'envelope',
  getConversation: 'envelope',
  sendMessage: 'envelope',
});
const LEGACY_METHODS = /** @type {Record<string, string>} */ ({ GET: 'getIntegration', PATCH: 'updateIntegration' });

const newSecret = () => nodeCrypto.randomBytes(32).toString('hex');
const newId = () => nodeCrypto.randomBytes(12).toString('hex');
const now = () => new Date().toISOString();
const { integrationFieldErrors, conversationFieldErrors, messageFieldErrors } = validate;

/** @param {string} a @param {string} b */
function safeEqual(a, b) {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && nodeCrypto.timingSafeEqual(x, y);
}

/**
 * Starts the stand-in on 127.0.0.1 (a port picked by the OS unless `port` is given).
 * @param {import('./jelou-standin.cjs').StandinOptions} [options]
 * @returns {Promise<import('./jelou-standin.cjs').JelouStandin>}
 */
async function startJelouStandin(options = {}) {
  const projectId = options.projectId ?? 'PROJECT_ID';
  const basicEncoding = options.basicEncoding ?? 'encode';
  const deliveryTimeoutMs = options.deliveryTimeoutMs ?? DEFAULT_DELIVERY_TIMEOUT_MS;
  const log = options.log;
  const knownBots = options.bots ? new Set(options.bots) : undefined;
  const knownUsers = options.users ? new Set(options.users) : undefined;
  /** @type {Record<string, string>} */
  const shapes = { ...DEFAULT_SHAPES };
  const undocumented = new Set();
  /** @param {import('./jelou-standin.cjs').StandinShapes} next */
  const setShapes = (next) => Object.assign(shapes, next);
  setShapes(options.shapes ?? {});
  for (const name of options.undocumentedFor ?? []) undocumented.add(LEGACY_METHODS[name] ?? name);
  /** @param {string} operation */
  const shapeOf = (operation) => (undocumented.has(operation) ? 'undocumented' : (shapes[operation] ?? 'envelope'));

  /** @type {(import('./jelou-standin.cjs').StandinIntegration & { signingSecret: string }) | undefined} */
  let state;
  if (options.integration) {
    const seed = options.integration === true ? {} : options.integration;
    state = {
      id: 'INTEGRATION_ID',
      brainId: projectId,
      webhookUrl: 'https://my-system.com/webhook/jelou',
      authType: 'bearer',
      createdAt: '2026-01-15T10:30:00.000Z',
      updatedAt: '2026-01-15T10:30:00.000Z',
      ...seed,
      signingSecret: options.signingSecret ?? newSecret(),
    };
  }
  /** @param {string | undefined} target */
  const checkTarget = (target) => {
    if (target !== undefined && target !== 'webhookUrl') events.loopbackUrl(target);
    return target;
  };
  let deliverTo = checkTarget(options.deliverTo);
  let patchesDone = 0;
  /** @type {import('./jelou-standin.cjs').StandinRequest[]} */
  const requests = [];
  /** @type {import('./jelou-standin.cjs').StandinMessage[]} */
  const messages = [];
  /** @type {import('./jelou-standin.cjs').StandinDelivery[]} */
  const deliveries = [];
  /** @type {Map<string, import('./jelou-standin.cjs').StandinConversation>} */
  const conversations = new Map();
  /** @type {Set<Promise<unknown>>} */
  const pending = new Set();
  const shutdown = new AbortController();
  /** @type {Set<(message: import('./jelou-standin.cjs').StandinMessage | Error) => void>} */
  const messageWaiters = new Set();

  /**
   * @param {(message: import('./jelou-standin.cjs').StandinMessage) => boolean} [matches]
   * @returns {Promise<import('./jelou-standin.cjs').StandinMessage>}
   */
  function waitForMessage(matches = () => true, timeoutMs = 5000) {
    const found = messages.find(matches);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        messageWaiters.delete(waiter);
        reject(new Error(`no matching message reached the stand-in within ${timeoutMs} ms`));
      }, timeoutMs);
      /** @param {import('./jelou-standin.cjs').StandinMessage | Error} message an Error when the stand-in closes */
      const waiter = (message) => {
        if (!(message instanceof Error) && !matches(message)) return;
        clearTimeout(timer);
        messageWaiters.delete(waiter);
        if (message instanceof Error) reject(message);
        else resolve(message);
      };
      messageWaiters.add(waiter);
    });
  }

  for (const seed of options.conversations ?? []) {
    const conversation = newConversation(seed.botId, seed.userId, seed);
    if (seed.state === 'closed') closeState(conversation, seed.endedReason, seed.endAt);
  }

  /**
   * @param {string} botId @param {string} userId
   * @param {Partial<import('./jelou-standin.cjs').StandinConversation>} [extra]
   */
  function newConversation(botId, userId, extra = {}) {
    /** @type {import('./jelou-standin.cjs').StandinConversation} */
    const conversation = {
      id: newId(),
      roomId: `room-${newId()}`,
      botId,
      userId,
      userNames: `User ${userId}`,
      userReferenceId: `ref-${userId}`,
      state: 'active',
      startAt: now(),
      ...extra,
    };
    conversations.set(conversation.id, conversation);
    return conversation;
  }
  /** @param {import('./jelou-standin.cjs').StandinConversation} c */
  function closeState(c, reason = 'closed_by_operator', endAt = now()) {
    c.state = 'closed';
    c.endAt = endAt;
    c.endedReason = reason;
  }
  /** @param {string} botId @param {string} userId */
  const activeFor = (botId, userId) =>
    [...conversations.values()].find((c) => c.state === 'active' && c.botId === botId && c.userId === userId);

  /** @param {number} status @param {unknown} body @param {string} [reason] */
  const reply = (status, body, reason) => ({ status, body, reason });
  const notFoundIntegration = () =>
    reply(404, errorBody('INTEGRATION_NOT_FOUND', 'Integration not found'), 'no_integration');

  /** @param {import('./jelou-standin.cjs').StandinRequest} rec */
  function parseBody(rec) {
    if (rec.body.trim() === '') return { ok: true, value: undefined };
    try {
      return { ok: true, value: JSON.parse(rec.body) };
    } catch {
      return { ok: false, value: undefined };
    }
  }
  const badJson = () => reply(400, errorBody('BAD_REQUEST', 'The body is not valid JSON'), 'invalid_json');

  /** @param {import('node:http').IncomingHttpHeaders} headers */
  function gatewayAuthorized(headers) {
    const key = headers['x-api-key'];
    if (options.apiKey !== undefined && typeof key === 'string' && safeEqual(key, options.apiKey)) return true;
    if (options.basic === undefined || typeof headers.authorization !== 'string') return false;
    const token = Buffer.from(`${options.basic.clientId}:${options.basic.clientSecret}`).toString('base64');
    return safeEqual(headers.authorization, `Basic ${token}`);
  }

  /** Emits an event after the current answer is written; a failed delivery is recorded, never thrown. */
  function emit(/** @type {Record<string, unknown>} */ payload) {
    if (resolveTarget() === undefined) return;
    track(new Promise((resolve) => setImmediate(resolve)).then(() => send(payload, {})).catch(() => undefined));
  }
  /** @template T @param {Promise<T>} promise */
  function track(promise) {
    pending.add(promise);
    promise.finally(() => pending.delete(promise)).catch(() => undefined);
    return promise;
  }
  const resolveTarget = () => (deliverTo === 'webhookUrl' ? state?.webhookUrl : deliverTo);

  /** @param {'conversation.start' | 'conversation.close'} name @param {import('./jelou-standin.cjs').StandinConversation} c */
  const conversationEvent = (name, c) =>
    events.conversationEventPayload(name, c, projectId, options.conversationEventKey ?? 'event');

  // ---- operations ------------------------------------------------------------------------------------------

  /** @param {unknown} body */
  function createIntegration(body) {
    if (state) {
      return reply(409, errorBody('INTEGRATION_EXISTS', 'The project already has an integration'), 'exists');
    }
    const errors = integrationFieldErrors(body, true);
    if (errors) return reply(422, errorBody('UNPROCESSABLE_ENTITY', 'The fields sent are invalid', errors), 'invalid');
    const b = /** @type {Record<string, string>} */ (body);
    const at = now();
    state = {
      id: newId(),
      brainId: projectId,
      webhookUrl: b.webhookUrl ?? '',
      authType: b.authType ?? 'no_auth',
      createdAt: at,
      updatedAt: at,
      signingSecret: newSecret(),
    };
    if (b.authorization !== undefined) state.authorization = b.authorization;
    return reply(200, SUCCESS.createIntegration?.(shapeOf('createIntegration'), state, state.signingSecret));
  }

  /** @param {unknown} body */
  function updateIntegration(body) {
    if (!state) return notFoundIntegration();
    if (options.failPatchesAfter !== undefined && patchesDone >= options.failPatchesAfter) {
      return reply(500, errorBody('INTERNAL', 'Internal server error'), 'fail_patches_after');
    }
    const errors = integrationFieldErrors(body ?? {}, false);
    if (errors) return reply(400, errorBody('BAD_REQUEST', 'Invalid data format', errors), 'invalid');
    const b = /** @type {Record<string, string | undefined>} */ (body ?? {});
    if (b.webhookUrl !== undefined) state.webhookUrl = b.webhookUrl;
    if (b.authType !== undefined) state.authType = b.authType;
    if (b.authorization !== undefined) state.authorization = b.authorization;
    state.updatedAt = now();
    patchesDone += 1;
    return reply(200, SUCCESS.updateIntegration?.(shapeOf('updateIntegration'), state));
  }

  function regenerateSigningSecret() {
    if (!state) return notFoundIntegration();
    state.signingSecret = newSecret();
    return reply(
      200,
      SUCCESS.regenerateSigningSecret?.(shapeOf('regenerateSigningSecret'), state, state.signingSecret, now()),
    );
  }

  /** @param {unknown} body */
  function startConversation(body) {
    if (!state) return notFoundIntegration();
    const errors = conversationFieldErrors(body, 'start');
    if (errors) return reply(422, errorBody('UNPROCESSABLE_ENTITY', 'Bad Request', errors), 'invalid');
    const b = /** @type {Record<string, any>} */ (body);
    const unknown = unknownParty(b.botId, b.userId);
    if (unknown) return unknown;
    const existing = activeFor(b.botId, b.userId);
    // Not documented: a second start for the same bot and user answers the active conversation, emits nothing.
    if (existing) {
      return reply(200, SUCCESS.startConversation?.(shapeOf('startConversation'), existing), 'already_active');
    }
    /** @type {Partial<import('./jelou-standin.cjs').StandinConversation>} */
    const extra = {};
    if (b.initialMessage !== undefined) extra.initialMessage = b.initialMessage;
    if (b.metadata !== undefined) extra.metadata = b.metadata;
    if (b.assignment !== undefined) extra.assignment = b.assignment;
    const conversation = newConversation(b.botId, b.userId, extra);
    emit(conversationEvent('conversation.start', conversation));
    return reply(200, SUCCESS.startConversation?.(shapeOf('startConversation'), conversation));
  }

  /** @param {unknown} body */
  function closeConversation(body) {
    if (!state) return notFoundIntegration();
    const errors = conversationFieldErrors(body, 'close');
    if (errors) return reply(422, errorBody('UNPROCESSABLE_ENTITY', 'The fields sent are invalid', errors), 'invalid');
    const b = /** @type {Record<string, any>} */ (body);
    const unknown = unknownParty(b.botId, b.userId);
    if (unknown) return unknown;
    const conversation = activeFor(b.botId, b.userId);
    if (!conversation) {
      return reply(404, errorBody('CONVERSATION_NOT_FOUND', 'No active conversation'), 'no_active_conversation');
    }
    if (b.redirectPayload !== undefined) conversation.redirectPayload = b.redirectPayload;
    closeState(conversation);
    emit(conversationEvent('conversation.close', conversation));
    return reply(200, SUCCESS.closeConversation?.(shapeOf('closeConversation'), conversation));
  }

  /** @param {string} botId @param {string} userId */
  function unknownParty(botId, userId) {
    if (knownBots && !knownBots.has(botId)) return reply(404, errorBody('BOT_NOT_FOUND', 'Bot not found'), 'bot');
    if (knownUsers && !knownUsers.has(userId)) return reply(404, errorBody('USER_NOT_FOUND', 'User not found'), 'user');
    return undefined;
  }

  /** @param {string} id */
  function getConversation(id) {
    const conversation = conversations.get(id);
    if (!conversation) return reply(404, errorBody('CONVERSATION_NOT_FOUND', 'Conversation not found'), 'unknown_id');
    return reply(200, SUCCESS.getConversation?.(shapeOf('getConversation'), conversation));
  }

  // ---- routing ---------------------------------------------------------------------------------------------

  /** @param {import('./jelou-standin.cjs').StandinRequest} rec @param {string[]} segments */
  function gateway(rec, segments) {
    if (!gatewayAuthorized(rec.headers)) return reply(401, AUTHENTICATION_FAILED, 'bad_credentials');
    const route = `Cannot ${rec.method} ${rec.url.split('?')[0]}`;
    if (rec.operation === undefined) return reply(404, errorBody('ROUTE_NOT_FOUND', route), 'no_route');
    /** @type {string[]} */
    let decoded;
    try {
      decoded = segments.map((s) => decodeURIComponent(s));
    } catch {
      return reply(404, errorBody('ROUTE_NOT_FOUND', route), 'bad_path_encoding');
    }
    if (decoded[0] !== projectId) return notFoundIntegration();
    const parsed = parseBody(rec);
    if (!parsed.ok) return badJson();
    switch (rec.operation) {
      case 'createIntegration':
        return createIntegration(parsed.value);
      case 'getIntegration':
        return state ? reply(200, SUCCESS.getIntegration?.(shapeOf('getIntegration'), state)) : notFoundIntegration();
      case 'updateIntegration':
        return updateIntegration(parsed.value);
      case 'deleteIntegration': {
        if (!state) return notFoundIntegration();
        state = undefined;
        return reply(200, SUCCESS.deleteIntegration?.(shapeOf('deleteIntegration')));
      }
      case 'regenerateSigningSecret':
        return regenerateSigningSecret();
      case 'startConversation':
        return startConversation(parsed.value);
      case 'closeConversation':
        return closeConversation(parsed.value);
      default:
        return getConversation(decoded[2] ?? '');
    }
  }

  /** @param {import('./jelou-standin.cjs').StandinRequest} rec */
  function messagesHost(rec) {
    if (rec.method !== 'POST') {
      return reply(404, errorBody('ROUTE_NOT_FOUND', `Cannot ${rec.method} ${MESSAGES_PATH}`), 'no_route');
    }
    // The gateway's credentials must never travel here (issue 9): a client that sends them is refused.
    if (!options.acceptGatewayCredentialsOnMessages) {
      if (rec.headers['x-api-key'] !== undefined || rec.headers.authorization !== undefined) {
        return reply(401, AUTHENTICATION_FAILED, 'gateway_credentials_sent');
      }
    }
    if (!state) return reply(401, AUTHENTICATION_FAILED, 'no_integration');
    const check = events.checkSignature(rec.rawBody, rec.headers['x-jelou-signature'], state.signingSecret);
    if (check !== 'ok') return reply(401, AUTHENTICATION_FAILED, check);
    const parsed = parseBody(rec);
    if (!parsed.ok) return badJson();
    const errors = messageFieldErrors(parsed.value);
    if (errors) return reply(400, errorBody('BAD_REQUEST', 'The fields sent are invalid', errors), 'invalid');
    const body = /** @type {Record<string, any>} */ (parsed.value);
    if (body.project_id !== projectId) return notFoundIntegration();
    const room = [...conversations.values()].find((c) => c.state === 'active' && c.roomId === body.room_id);
    const active = room !== undefined && room.botId === body.bot_id && room.userId === body.user_id;
    // The docs are silent on a message to a room that is not active: accepted and flagged unless told to refuse.
    if (!active && options.inactiveRooms === 'reject') {
      return reply(404, errorBody('ROOM_NOT_ACTIVE', 'No active conversation for this room'), 'room_not_active');
    }
    /** @type {import('./jelou-standin.cjs').StandinMessage} */
    const message = {
      id: body.value.id,
      type: body.value.type,
      content: body.value.content,
      projectId: body.project_id,
      roomId: body.room_id,
      botId: body.bot_id,
      userId: body.user_id,
      active,
      duplicate: messages.some((m) => m.id === body.value.id),
      body,
      rawBody: rec.rawBody,
      signature: String(rec.headers['x-jelou-signature']),
      receivedAt: now(),
    };
    if (active && room) message.conversationId = room.id;
    messages.push(message);
    for (const waiter of [...messageWaiters]) waiter(message);
    return reply(200, SUCCESS.sendMessage?.(shapeOf('sendMessage'), message.id));
  }

  const server = http.createServer((req, res) => {
    /** @type {Buffer[]} */
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks);
      const method = req.method ?? '';
      const url = req.url ?? '';
      const route = classify(method, url);
      /** @type {import('./jelou-standin.cjs').StandinRequest} */
      const rec = {
        method,
        url,
        headers: req.headers,
        body: rawBody.toString('utf8'),
        rawBody,
        host: /** @type {'gateway' | 'messages' | 'unknown'} */ (route.host),
        receivedAt: now(),
      };
      if (route.basePath !== undefined) rec.basePath = route.basePath;
      if (route.operation !== undefined) {
        rec.operation = /** @type {import('./jelou-standin.cjs').StandinOperation} */ (route.operation);
      }
      requests.push(rec);
      if (options.hold) return; // never answers: the request stays open until the client gives up or close()
      const handle = () => {
        if (route.host === 'messages') return messagesHost(rec);
        if (route.host === 'gateway') return gateway(rec, route.segments ?? []);
        return reply(404, errorBody('ROUTE_NOT_FOUND', `Cannot ${method} ${url.split('?')[0]}`), 'no_route');
      };
      Promise.resolve(options.intercept?.(rec, requests.length))
        .then((intercepted) => {
          if (intercepted === undefined) return handle();
          if (!('drop' in intercepted)) return { reason: 'intercepted', ...intercepted };
          // A connection that dies without an answer, before or after the stand-in acted on the request.
          if (intercepted.drop === 'after') rec.status = handle().status;
          rec.reason = `dropped_${intercepted.drop}`;
          req.socket.destroy();
          return undefined;
        })
        .catch((error) => reply(500, errorBody('INTERNAL', `stand-in failed: ${String(error)}`), 'standin_error'))
        .then((answer) => {
          if (answer !== undefined) {
            rec.status = answer.status;
            if (answer.reason !== undefined) rec.reason = answer.reason;
          }
          const outcome = rec.status === undefined ? 'no answer' : String(rec.status);
          log?.(`${method} ${url.split('?')[0]} -> ${outcome}${rec.reason ? ` (${rec.reason})` : ''}`);
          if (answer === undefined) return;
          const headers = { ...('headers' in answer ? answer.headers : {}) };
          if (answer.body === undefined) return void res.writeHead(answer.status, headers).end();
          const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
          if (typeof answer.body !== 'string') headers['content-type'] ??= 'application/json; charset=utf-8';
          res.writeHead(answer.status, headers).end(text);
        });
    });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve(undefined));
  });
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  const origin = `http://127.0.0.1:${port}`;

  // ---- deliveries ------------------------------------------------------------------------------------------

  /**
   * @param {unknown} event
   * @param {import('./jelou-standin.cjs').StandinDeliverOptions} opts
   * @returns {Promise<import('./jelou-standin.cjs').StandinDeliveryResult>}
   */
  function send(event, opts) {
    const to = opts.to ?? resolveTarget();
    if (to === undefined) throw new Error('no delivery target: start the stand-in with deliverTo, or pass { to }');
    const context = { to, basicEncoding, timeoutMs: deliveryTimeoutMs, signal: shutdown.signal };
    /** @type {import('./jelou-standin.cjs').StandinDelivery | undefined} */
    let made;
    const record = (/** @type {import('./jelou-standin.cjs').StandinDelivery} */ d) => deliveries.push((made = d));
    const sending = deliver(event, opts, { ...context, integration: state, record });
    const line = () => log?.(`event ${made?.event ?? '?'} -> ${to}: ${made?.status ?? made?.error ?? 'not sent'}`);
    sending.then(line, line);
    return sending;
  }

  /** @param {import('./jelou-standin.cjs').StandinMessageInput} input */
  function messageEvent(input) {
    const active = [...conversations.values()].filter((c) => c.state === 'active');
    const conversation =
      (input.conversationId !== undefined ? conversations.get(input.conversationId) : undefined) ??
      (input.roomId !== undefined ? active.find((c) => c.roomId === input.roomId) : undefined) ??
      (input.roomId === undefined && active.length === 1 ? active[0] : undefined);
    const roomId = input.roomId ?? conversation?.roomId;
    const botId = input.botId ?? conversation?.botId;
    const userId = input.userId ?? conversation?.userId;
    if (roomId === undefined || botId === undefined || userId === undefined) {
      throw new Error('deliverMessage needs roomId, botId and userId, or one active conversation to take them from');
    }
    const conversationId = input.conversationId ?? conversation?.id;
    const names = { contactName: conversation?.userNames };
    return events.messageEventPayload(input, { projectId, roomId, botId, userId, conversationId, ...names });
  }

  /** @param {import('./jelou-standin.cjs').StandinStartInput} input */
  function startProgrammatically(input) {
    const answer = startConversation(input);
    if (answer.status !== 200) throw new Error(`startConversation: ${answer.status} ${JSON.stringify(answer.body)}`);
    const c = activeFor(input.botId, input.userId);
    if (!c) throw new Error('startConversation: no active conversation after start');
    return { ...c };
  }

  /** @param {import('./jelou-standin.cjs').StandinCloseInput} input */
  function closeProgrammatically(input) {
    const c = activeFor(input.botId, input.userId);
    const answer = closeConversation(input);
    if (answer.status !== 200 || !c) {
      throw new Error(`closeConversation: ${answer.status} ${JSON.stringify(answer.body)}`);
    }
    return { ...c };
  }

  async function waitForDeliveries() {
    while (pending.size > 0) await Promise.allSettled([...pending]);
  }

  let closing;
  return {
    url: `${origin}${STANDIN_BASE_PATH}`,
    platformUrl: `${origin}${STANDIN_PLATFORM_PATH}`,
    messagesUrl: origin,
    origin,
    port,
    projectId,
    requests,
    messages,
    deliveries,
    integration() {
      if (!state) throw new Error('the stand-in has no integration (none created yet, or deleted)');
      const integration = { ...state };
      Reflect.deleteProperty(integration, 'signingSecret');
      return integration;
    },
    hasIntegration: () => state !== undefined,
    signingSecret: () => state?.signingSecret,
    conversations: () => [...conversations.values()].map((c) => ({ ...c })),
    conversation(id) {
      const c = conversations.get(id);
      return c && { ...c };
    },
    setShapes,
    setDeliverTo(target) {
      deliverTo = checkTarget(target);
    },
    startConversation: startProgrammatically,
    closeConversation: closeProgrammatically,
    deliver: (event, opts = {}) => track(send(event, opts)),
    deliverMessage(input, opts = {}) {
      const payload = messageEvent(input);
      return track(send(payload, opts)).then((result) => ({ ...result, event: payload }));
    },
    messageEvent,
    waitForDeliveries,
    waitForMessage,
    close() {
      closing ??= (async () => {
        shutdown.abort();
        for (const waiter of [...messageWaiters])
          waiter(new Error('the stand-in closed before a matching message came'));
        await waitForDeliveries();
        await new Promise((resolve) => {
          server.close(() => resolve(undefined));
          server.closeAllConnections();
        });
      })();
      return closing;
    },
  };
}

const { signJelouBody } = events;
// Shorthand properties only, so Node's ESM loader sees every name (`import { startJelouStandin } from '….cjs'`).
module.exports = {
  startJelouStandin,
  signJelouBody,
  STANDIN_BASE_PATH,
  STANDIN_PLATFORM_PATH,
  MESSAGES_PATH,
  DEFAULT_SHAPES,
};
