// The conventions the client's operation table is built from: operationIds, idempotence, servers, security,
// sources. A change here is a change of the client's behaviour, so it is pinned.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readSpecYaml } from '../support/spec-yaml';
import { SPEC_FILE } from '../support/spec';
import { SOURCES_DIR } from './support/json-blocks';

interface Operation {
  operationId: string;
  description?: string;
  security?: Record<string, string[]>[];
  'x-jelou-idempotent'?: unknown;
  'x-jelou-sources'?: string[];
  requestBody?: unknown;
  responses: Record<string, unknown>;
}
type PathItem = Record<string, unknown> & { servers?: { url: string }[] };
const spec = readSpecYaml(SPEC_FILE) as {
  paths: Record<string, PathItem>;
  components: { securitySchemes: Record<string, Record<string, unknown>> };
  security: Record<string, string[]>[];
};
const METHODS = ['get', 'put', 'post', 'delete', 'patch'];
const operations = Object.entries(spec.paths).flatMap(([pathName, item]) =>
  METHODS.filter((method) => item[method]).map((method) => ({
    method: method.toUpperCase(),
    path: pathName,
    item,
    operation: item[method] as Operation,
  })),
);
const byId = (id: string) => operations.find((entry) => entry.operation.operationId === id);
const digest = readFileSync(path.join(SOURCES_DIR, 'jelou-api.md'), 'utf8');

describe('the operation table of the spec', () => {
  it.each([
    ['createIntegration', 'POST', '/v1/external-support/{projectId}', false],
    ['getIntegration', 'GET', '/v1/external-support/{projectId}', true],
    ['updateIntegration', 'PATCH', '/v1/external-support/{projectId}', true],
    ['deleteIntegration', 'DELETE', '/v1/external-support/{projectId}', true],
    ['regenerateSigningSecret', 'POST', '/v1/external-support/{projectId}/secret/regenerate', false],
    ['startConversation', 'POST', '/v1/external-support/{projectId}/conversations/start', false],
    ['closeConversation', 'POST', '/v1/external-support/{projectId}/conversations/close', true],
    ['getConversation', 'GET', '/v1/external-support/{projectId}/conversations/{conversationId}', true],
    ['sendMessage', 'POST', '/v1/external-support/webhook', false],
  ])('has %s as %s %s, x-jelou-idempotent: %s, and says why in its description', (id, method, pathName, idem) => {
    const entry = byId(id);
    expect(entry).toMatchObject({ method, path: pathName });
    expect(entry?.operation['x-jelou-idempotent']).toBe(idem);
    expect(entry?.operation.description).toContain(`**${idem ? 'Idempotent' : 'Not idempotent'}**`);
    expect(entry?.operation.description).toContain(`\`x-jelou-idempotent: ${String(idem)}\``);
  });

  it('has exactly the nine documented operations', () => {
    expect(operations).toHaveLength(9);
  });

  it('sends sendMessage to the messages host, signed, without the gateway credentials', () => {
    const send = byId('sendMessage');
    expect(send?.item.servers).toEqual([expect.objectContaining({ url: 'https://chatbot.jelou.ai' })]);
    expect(send?.operation.security).toEqual([{ jelouSignature: [] }]);
    expect(spec.components.securitySchemes.jelouSignature).toMatchObject({
      type: 'apiKey',
      in: 'header',
      name: 'X-Jelou-Signature',
    });
    expect(String(spec.components.securitySchemes.jelouSignature?.description)).toMatch(
      /sha256=<hex HMAC-SHA256 of the exact body bytes>.*`signingSecret`/s,
    );
  });

  it('keeps every other operation on the gateway, with the API key or HTTP Basic', () => {
    for (const entry of operations.filter((e) => e.operation.operationId !== 'sendMessage')) {
      expect(entry.item.servers).toBeUndefined();
      expect(entry.operation.security).toBeUndefined();
    }
    expect(spec.security).toEqual([{ apiKey: [] }, { basicAuth: [] }]);
  });

  it.each(operations.map((entry) => [entry.operation.operationId, entry.operation] as const))(
    '%s lists only documentation pages as its sources, each named in the digest of the pages',
    (_id, operation) => {
      const sources = operation['x-jelou-sources'] ?? [];
      expect(sources.length).toBeGreaterThan(0);
      for (const url of sources) {
        expect(url).toMatch(/^https:\/\/docs\.jelou\.ai\//);
        expect({ url, inDigest: digest.includes(url.replace(/\.md$/, '')) }).toEqual({ url, inDigest: true });
      }
    },
  );

  it.each(operations.map((entry) => [entry.operation.operationId, entry.operation] as const))(
    '%s documents a 2xx JSON body whose schema is a named component (the client derives its result type from it)',
    (_id, operation) => {
      const ok = operation.responses['200'] as { content?: Record<string, { schema?: { $ref?: string } }> };
      expect(ok.content?.['application/json']?.schema?.$ref).toMatch(/^#\/components\/schemas\/\w+$/);
    },
  );
});
