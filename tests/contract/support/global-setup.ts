// Starts one Prism for the whole contract run: the mock of the spec, or (JELOU_CONTRACT_TARGET=live) a validating
// proxy in front of JELOU_BASE_URL. Its URL reaches the test workers through the environment.
import { SPEC_FILE } from '../../support/spec';
import { startPrism, type PrismServer } from '../../support/prism';
import { contractTarget } from './prism-url';

/**
 * The live API's default base URL, as in src/options.ts (not imported: jest loads this file outside its module
 * mapper, where src/'s `.js` specifiers do not resolve).
 */
const DEFAULT_BASE_URL = 'https://gateway.jelou.ai/jelouapi';

declare global {
  var __JELOU_PRISM__: PrismServer | undefined;
}

export default async function globalSetup(): Promise<void> {
  const server =
    contractTarget() === 'live'
      ? await startPrism({ mode: 'proxy', upstream: process.env.JELOU_BASE_URL ?? DEFAULT_BASE_URL }, SPEC_FILE)
      : await startPrism({ mode: 'mock' }, SPEC_FILE);
  globalThis.__JELOU_PRISM__ = server;
  process.env.JELOU_PRISM_URL = server.url;
}
