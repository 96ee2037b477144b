// What every measurement sends and answers: one integration, the flat shape of a 200 from the spec's example.
export const PROJECT_ID = 'PROJECT_ID';
export const API_KEY = 'bench-key-0123456789';
export const PATH = '/v1/external-support/{projectId}';
export const FLAT = {
  id: 'INTEGRATION_ID',
  brainId: 'BRAIN_ID',
  webhookUrl: 'https://my-system.com/webhook/jelou',
  authType: 'bearer',
  createdAt: '2023-11-07T05:31:56Z',
  updatedAt: '2023-11-07T05:31:56Z',
};
export const FLAT_TEXT = JSON.stringify(FLAT);

/** An in-memory `fetch`: a fresh 200 JSON Response per call, nothing on the network. */
export async function inMemoryFetch() {
  return new Response(FLAT_TEXT, { status: 200, headers: { 'content-type': 'application/json' } });
}
