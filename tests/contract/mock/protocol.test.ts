// What the mock says about requests outside the spec: no undocumented call goes unnoticed.
import { prismUrl } from '../support/prism-url';
import { record } from '../support/record';

describe('calls outside the spec', () => {
  it.each([
    ['GET', '/v1/external-support'],
    ['GET', '/v1/external-support/PROJECT_ID/unknown'],
    ['PUT', '/v1/external-support/PROJECT_ID'],
    ['DELETE', '/v1/external-support/PROJECT_ID/conversations/CONVERSATION_ID'],
  ])('%s %s is not answered as a documented operation', async (method, path) => {
    const response = await fetch(`${prismUrl()}${path}`, { method, headers: { 'x-api-key': 'k' } });
    record({
      operation: 'undocumented',
      case: `${method} ${path}`,
      expected: '404 or 405 from the mock',
      got: String(response.status),
      status: response.status,
    });
    expect([404, 405]).toContain(response.status);
  });

  it('serves the spec paths without the /jelouapi base path of the servers', async () => {
    const response = await fetch(`${prismUrl()}/v1/external-support/PROJECT_ID`, { headers: { 'x-api-key': 'k' } });
    record({
      operation: 'base path',
      case: 'mock without /jelouapi',
      expected: '200',
      got: String(response.status),
      status: response.status,
    });
    expect(response.status).toBe(200);
  });
});
