// Starts one Prism for the whole contract run; its URL reaches the test workers through the environment.
import { startPrism, type PrismServer } from '../../support/prism.js';

declare global {
  var __JELOU_PRISM__: PrismServer | undefined;
}

export default async function globalSetup(): Promise<void> {
  const server = await startPrism({ mode: 'mock' });
  globalThis.__JELOU_PRISM__ = server;
  process.env.JELOU_MOCK_URL = server.url;
}
