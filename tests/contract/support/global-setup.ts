// Starts one Prism for the whole contract run: the mock of the spec, or (JELOU_CONTRACT_TARGET=live) a validating
// proxy in front of JELOU_BASE_URL. Its URL reaches the test workers through the environment.
import { SPEC_FILE } from '../../support/spec';
import { startPrism, type PrismServer } from '../../support/prism';
import { contractTarget } from './prism-url';

declare global {
  var __JELOU_PRISM__: PrismServer | undefined;
}

/** The live API's default base URL (the rendered docs' `/jelouapi`). */
const DEFAULT_LIVE_BASE_URL = 'https://gateway.jelou.ai/jelouapi';

export default async function globalSetup(): Promise<void> {
  const server =
    contractTarget() === 'live'
      ? await startPrism({ mode: 'proxy', upstream: process.env.JELOU_BASE_URL ?? DEFAULT_LIVE_BASE_URL }, SPEC_FILE)
      : await startPrism({ mode: 'mock' }, SPEC_FILE);
  globalThis.__JELOU_PRISM__ = server;
  process.env.JELOU_PRISM_URL = server.url;
}
