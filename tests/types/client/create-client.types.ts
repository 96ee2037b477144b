// Type-level tests: checked by `npm run typecheck`; each @ts-expect-error fails the build if the line compiles.
import {
  AUTH_TYPES,
  createExternalSupportClient,
  type AuthType,
  type Integration,
  type IntegrationChanges,
  type IntegrationResult,
} from '../../../src/index';

declare const client: ReturnType<typeof createExternalSupportClient>;

export async function typeTests(): Promise<void> {
  const integration: Integration = await client.getIntegration('PROJECT_ID');
  const webhook: string = integration.webhookUrl;
  // @ts-expect-error updatedAt is optional: it may be absent
  const updated: string = integration.updatedAt;

  const result: IntegrationResult = await client.updateIntegration('p', { authType: 'no_auth' }).withResponse();
  const shape: 'flat' | 'envelope' = result.shape;

  // @ts-expect-error a wrong authType does not compile
  await client.updateIntegration('p', { authType: 'oauth2' });
  // @ts-expect-error a missing projectId does not compile
  await client.getIntegration();
  // @ts-expect-error a projectId must be a string
  await client.getIntegration(42);
  // @ts-expect-error changes are required for updateIntegration
  await client.updateIntegration('p');
  // @ts-expect-error unknown fields are not IntegrationChanges
  const typo: IntegrationChanges = { webhookURL: 'https://x.io' };
  // @ts-expect-error auth is either an API key or client credentials, with the right names
  createExternalSupportClient({ auth: { key: 'k' } });
  // @ts-expect-error timeout is a number of milliseconds
  createExternalSupportClient({ timeout: '30s' });

  // The result keeps the envelope fields apart, typed from the spec's envelope schema.
  const status: number | undefined = result.envelope?.status;
  // @ts-expect-error a property the spec does not declare is not typed (tests/scripts/spec-driven-package.test.ts adds one)
  void integration.newProperty;
  // client.raw is openapi-fetch typed with the spec's paths.
  const raw = await client.raw.GET('/v1/external-support/{projectId}', { params: { path: { projectId: 'p' } } });
  const rawBrainId: string | undefined = raw.data && ('data' in raw.data ? raw.data.data.brainId : raw.data.brainId);
  // @ts-expect-error an unknown path does not compile
  await client.raw.GET('/v1/nowhere');

  // fetch: the global one as is, a wrapper that passes init (and so the signal) on, or one that takes a Request only.
  createExternalSupportClient({ fetch: globalThis.fetch });
  createExternalSupportClient({ fetch: (request, init) => fetch(request, init) });
  createExternalSupportClient({ fetch: async (request: Request) => new Response(request.url) });

  // Issue 9's methods: results derived from the spec, inputs typed.
  const { signingSecret } = await client.createIntegration('p', { webhookUrl: 'https://x.io/h', authType: 'no_auth' });
  const secret: string = signingSecret;
  const next: string = (await client.regenerateSigningSecret('p')).signingSecret;
  const conversation = await client.getConversation('p', 'c');
  const state: 'active' | 'closed' = conversation.state;
  const sent = await client.sendMessage('p', {
    roomId: 'r',
    botId: 'b',
    userId: 'u',
    message: { type: 'text', body: 'hi' },
  });
  const sentId: string = sent.id;
  const deleted = await client.deleteIntegration('p').withResponse();
  const inferred: 'deleted-by-earlier-attempt' | undefined = deleted.inferred;
  // @ts-expect-error a message type outside the five does not compile
  await client.sendMessage('p', { roomId: 'r', botId: 'b', userId: 'u', message: { type: 'sticker', body: 'x' } });
  const image = { roomId: 'r', botId: 'b', userId: 'u' };
  // @ts-expect-error an image needs its mimeType
  await client.sendMessage('p', { ...image, message: { type: 'image', url: 'https://x.io/a' } });
  // @ts-expect-error assignment.type is queue, operator or team
  await client.startConversation('p', { botId: 'b', userId: 'u', assignment: { type: 'desk', target: 'x' } });
  // @ts-expect-error createIntegration needs a webhookUrl
  await client.createIntegration('p', { authType: 'no_auth' });
  // @ts-expect-error getConversation needs the conversation id
  await client.getConversation('p');
  createExternalSupportClient({
    signingSecret: () => Promise.resolve('s'),
    messagesBaseUrl: 'https://chatbot.jelou.ai',
  });
  void [secret, next, state, sentId, inferred];

  // AUTH_TYPES holds exactly the AuthType members.
  const all: readonly AuthType[] = AUTH_TYPES;
  void [webhook, updated, shape, typo, all, status, rawBrainId];
}
