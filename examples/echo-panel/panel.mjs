// @ts-check
// An external support panel in one file: receives Jelou's events with toNodeHandler (signature and auth header
// verified, duplicates dropped), keeps the open conversations in memory, and answers each text message of the end
// user through sendMessage. The answer is an echo, standing in for a human agent. See README.md.
//
//   JELOU_SIGNING_SECRET   the integration's signing secret: verifies deliveries and signs the replies
//   JELOU_WEBHOOK_AUTH_TYPE, JELOU_WEBHOOK_TOKEN   the auth header the integration makes Jelou send
//                          (bearer | api_key | basic | none; basic takes user:password)
//   JELOU_MESSAGES_BASE_URL  where replies go (default https://chatbot.jelou.ai)
//   PORT, HOST             where the panel listens (default 3000 on 127.0.0.1)
import http from 'node:http';
import { createExternalSupportClient } from 'jelou-external-support';
import { createJelouWebhooks, memoryStore, toNodeHandler } from 'jelou-external-support/webhooks';

const env = process.env;
const secret = env.JELOU_SIGNING_SECRET;
if (!secret) {
  console.error('echo-panel: set JELOU_SIGNING_SECRET (the integration signing secret)');
  process.exit(2);
}

/** The auth header Jelou sends with each delivery, as the integration's authType says. */
function webhookAuth() {
  const type = env.JELOU_WEBHOOK_AUTH_TYPE ?? 'none';
  const token = env.JELOU_WEBHOOK_TOKEN ?? '';
  if (type === 'none' || type === 'no_auth') return { type: 'none' };
  if (!token) throw new Error(`JELOU_WEBHOOK_AUTH_TYPE=${type} needs JELOU_WEBHOOK_TOKEN`);
  if (type === 'bearer') return { type: 'bearer', token };
  if (type === 'api_key') return { type: 'api_key', key: token };
  if (type === 'basic') return { type: 'basic', credentials: token };
  throw new Error(`JELOU_WEBHOOK_AUTH_TYPE must be bearer, api_key, basic or none, not ${type}`);
}

// Replies need only the signing secret (read from JELOU_SIGNING_SECRET by the client).
const client = createExternalSupportClient();

/** @type {Map<string, { botId: string, userId: string, conversationId?: string, startedAt: number, echoed: number }>} */
const open = new Map();

const hooks = createJelouWebhooks({
  secret: [secret, env.JELOU_SIGNING_SECRET_PREVIOUS],
  auth: webhookAuth(),
  dedupe: { store: memoryStore() },
});

// The conversation events' payloads are cut off in every copy of Jelou's pages: only timestamp and project_id are
// certain, so every other field is read with care.
hooks.on('conversation.start', (event) => {
  if (!event.room_id || !event.bot?.id || !event.contact?.id) return;
  open.set(event.room_id, {
    botId: event.bot.id,
    userId: event.contact.id,
    conversationId: event.conversation?.id,
    startedAt: Date.now(),
    echoed: 0,
  });
  console.log(`conversation started: room ${event.room_id} (${open.size} open)`);
});

hooks.on('conversation.close', (event) => {
  if (event.room_id) open.delete(event.room_id);
  console.log(`conversation closed: room ${event.room_id} (${open.size} open)`);
});

hooks.on('message.text', async (event) => {
  // A message can come before its conversation.start reached us (or after a restart): the event has the ids.
  const conversation = open.get(event.room_id) ?? {
    botId: event.bot.id,
    userId: event.contact.id,
    conversationId: event.conversation?.id,
    startedAt: Date.now(),
    echoed: 0,
  };
  open.set(event.room_id, conversation);
  const text = event.value.content.body;
  const sent = await client.sendMessage(event.project_id, {
    roomId: event.room_id,
    botId: conversation.botId,
    userId: conversation.userId,
    message: { type: 'text', body: `Echo: ${text}` },
  });
  conversation.echoed += 1;
  console.log(`room ${event.room_id}: "${text}" -> echoed (message ${sent.id})`);
});

hooks.onUnknown((_body, info) => console.log(`an event this panel does not handle: ${info.name ?? 'unnamed'}`));
// A failed reply answers 500, so Jelou may deliver the message again; dedupe lets the retry run.
hooks.onError((error) => {
  // Handlers' failures come together in an AggregateError: print each.
  const causes = error instanceof AggregateError ? error.errors : [error];
  for (const cause of causes) console.error(`echo-panel: ${cause instanceof Error ? cause.message : String(cause)}`);
});

const server = http.createServer(toNodeHandler(hooks, { path: '/webhooks/jelou' }));
server.listen(Number(env.PORT ?? 3000), env.HOST ?? '127.0.0.1', () => {
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  // The first line says where to deliver: scripts and tests read it.
  console.log(`echo-panel listening on http://${env.HOST ?? '127.0.0.1'}:${address.port}/webhooks/jelou`);
});
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
