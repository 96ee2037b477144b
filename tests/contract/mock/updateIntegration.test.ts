// PATCH /v1/external-support/{projectId}: the standard contract, plus requests the client must never send.
import { ValidationError, type IntegrationChanges } from '../../../src/index';
import { contractClient } from '../support/contract-client';
import { describeOperationContract } from '../support/operation-contract';
import { record, violationsOf } from '../support/record';

describeOperationContract('updateIntegration');

describe('updateIntegration requests the client refuses', () => {
  const invalid: [string, IntegrationChanges][] = [
    ['an empty body', {}],
    ['an authType outside the enum', { authType: 'oauth2' as 'bearer', authorization: 'x' }],
    ['a webhookUrl that is not a URI', { webhookUrl: 'not a url' }],
    ['a webhookUrl that is not https', { webhookUrl: 'http://my-system.com/webhook' }],
    ['bearer without authorization', { authType: 'bearer' }],
  ];

  it.each(invalid)('refuses %s before sending, and Prism rejects it when sent past the client', async (label, body) => {
    const { client, sent } = contractClient();
    const refused = await client.updateIntegration('PROJECT_ID', body).catch((error: unknown) => error);
    // The same body, sent past the client's checks through the raw openapi-fetch client.
    const { response } = await client.raw.PATCH('/v1/external-support/{projectId}', {
      params: { path: { projectId: 'PROJECT_ID' } },
      body,
    });
    const violations = violationsOf(response.headers);
    record({
      operation: 'updateIntegration',
      case: `refuses ${label}`,
      expected: 'ValidationError, nothing sent; Prism: sl-violations',
      got: `${refused instanceof Error ? refused.name : 'sent'}; Prism ${response.status}, ${violations.length} violation(s)`,
      status: response.status,
      violations,
    });
    expect(refused).toBeInstanceOf(ValidationError);
    // Only the raw request reached Prism.
    expect(sent).toHaveLength(1);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(violations.some((v) => v.startsWith('request.body'))).toBe(true);
  });
});
