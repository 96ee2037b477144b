// Stops the Prism started by global-setup, whatever the outcome of the tests.
export default async function globalTeardown(): Promise<void> {
  await globalThis.__JELOU_PRISM__?.stop();
  globalThis.__JELOU_PRISM__ = undefined;
}
