// jsdom has no fetch: specs answer for the API with only what fetchJson reads.
type Reply = Pick<Response, 'ok' | 'status' | 'statusText' | 'headers' | 'text'>;

export const jsonReply = (status: number, body?: unknown): Response => {
  const fake: Reply = {
    ok: status >= 200 && status < 300,
    status,
    statusText: String(status),
    headers: new Headers({ 'Content-Type': 'application/json' }),
    text: async () => (body === undefined ? '' : JSON.stringify(body)),
  };
  return fake as Response;
};

export const createFetchMock = () => jest.fn<ReturnType<typeof fetch>, [RequestInfo | URL, RequestInit?]>();
