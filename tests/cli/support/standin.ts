// The stand-in Jelou as the CLI tests use it: canary credentials, an integration whose signing secret and webhook
// token are canaries, closed after each test.
import { startJelouStandin, type JelouStandin, type StandinOptions } from '../../support/jelou-standin';
import { CANARY } from './cli';

export const PROJECT = 'cli-project';

/** Starts a stand-in that knows the canary API key and client credentials. */
export function startStandin(options: StandinOptions = {}): Promise<JelouStandin> {
  return startJelouStandin({
    projectId: PROJECT,
    apiKey: CANARY.apiKey,
    basic: { clientId: CANARY.clientId, clientSecret: CANARY.clientSecret },
    integration: { authType: 'bearer', authorization: CANARY.webhookToken },
    signingSecret: CANARY.signingSecret,
    ...options,
  });
}

/** The CLI's environment for a stand-in: credentials only through variables. */
export function standinEnv(
  standin: JelouStandin,
  extra: Record<string, string | undefined> = {},
): Record<string, string | undefined> {
  return {
    JELOU_API_KEY: CANARY.apiKey,
    JELOU_SIGNING_SECRET: CANARY.signingSecret,
    JELOU_BASE_URL: standin.url,
    JELOU_MESSAGES_BASE_URL: standin.messagesUrl,
    ...extra,
  };
}
