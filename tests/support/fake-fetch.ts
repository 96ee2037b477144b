// An injected fetch that records what the client sends and answers from a function: no global mocks.

/** A request as the fake fetch saw it, body already read. */
export interface SeenRequest {
  method: string;
  url: string;
  headers: Headers;
  body: string;
}

/** A fetch double plus what it saw. */
export interface FakeFetch {
  fetch: (request: Request) => Promise<Response>;
  requests: SeenRequest[];
}

/** A JSON response, as a server would send it. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

/** A fetch that answers each request with `answer(request, attempt)` (attempt counts from 1). */
export function fakeFetch(answer: (request: SeenRequest, attempt: number) => Response | Promise<Response>): FakeFetch {
  const requests: SeenRequest[] = [];
  return {
    requests,
    async fetch(request) {
      const seen = { method: request.method, url: request.url, headers: request.headers, body: await request.text() };
      requests.push(seen);
      return answer(seen, requests.length);
    },
  };
}

/** The documented flat 200 body. */
export const FLAT = {
  id: 'INTEGRATION_ID',
  brainId: 'BRAIN_ID',
  webhookUrl: 'https://my-system.com/webhook/jelou',
  authType: 'bearer',
  createdAt: '2023-11-07T05:31:56Z',
  updatedAt: '2023-11-07T05:31:56Z',
};

/** The documented envelope 200 body, carrying the same integration. */
export const ENVELOPE = {
  message: ['Integration retrieved successfully'],
  statusMessage: 'success',
  status: 1,
  data: {
    brainId: 'BRAIN_ID',
    webhookUrl: 'https://my-system.com/webhook/jelou',
    createdAt: '2023-11-07T05:31:56Z',
    updatedAt: '2023-11-07T05:31:56Z',
  },
};
