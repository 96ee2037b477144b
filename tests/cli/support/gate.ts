// Commands over the client methods of issue 9 (create, delete, regenerate, conversations, send) are tested once the
// client has them. Until then their tests are skipped locally, saying so, and fail under CI=true.
import { createExternalSupportClient } from '../../../src/index';

const METHODS = [
  'createIntegration',
  'deleteIntegration',
  'regenerateSigningSecret',
  'startConversation',
  'closeConversation',
  'getConversation',
  'sendMessage',
];

export function hasIssueNineMethods(): boolean {
  const client = createExternalSupportClient({ auth: { apiKey: 'gate' }, baseUrl: 'http://127.0.0.1:9' });
  return METHODS.every((m) => typeof (client as unknown as Record<string, unknown>)[m] === 'function');
}

/** `describe` when the methods exist (or under CI, where their absence must fail); a visible skip otherwise. */
export function issueNineGate(name: string, body: () => void): void {
  if (hasIssueNineMethods() || process.env.CI === 'true') {
    describe(name, body);
    return;
  }
  describe.skip(`${name} [skipped: the client has no issue-9 methods yet]`, body);
}
