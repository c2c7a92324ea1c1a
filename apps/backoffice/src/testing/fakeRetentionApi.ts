import type { LegalHoldChange } from '@vigie/contracts';
import { type createFetchMock, jsonReply } from './fakeFetch';
import { aLegalHold, aPolicy, aPreview, aRun } from './retentionFixtures';

type FetchMock = ReturnType<typeof createFetchMock>;
type Answer = Response | Promise<Response>;

/** What each retention endpoint answers in a spec; anything not given answers the fixtures. */
export interface RetentionRoutes {
  policy?: () => Answer;
  preview?: (until: string | null) => Answer;
  runs?: (page: string | null, perPage: string | null) => Answer;
  run?: (id: string) => Answer;
  startRun?: (body: unknown) => Answer;
  legalHolds?: () => Answer;
  placeHold?: (caseId: string, body: unknown) => Answer;
  liftHold?: (caseId: string, body: unknown) => Answer;
}

const HOLD_PATH = /^\/api\/v1\/cases\/([^/]+)\/legal-hold$/;
const RUN_PATH = /^\/api\/v1\/retention\/runs\/([^/]+)$/;

const holdChange = (caseId: string, legalHold: boolean, body: unknown): LegalHoldChange => ({
  caseId,
  legalHold,
  reason: typeof body === 'object' && body !== null && 'reason' in body ? String(body.reason) : '',
  at: '2026-11-20T10:00:00.000Z',
  by: { id: 'staff-dpo', name: 'Claire DPO' },
});

/** The retention API as specs fake it, over `fetch`. */
export const routeRetention = (fetchMock: FetchMock, routes: RetentionRoutes = {}) =>
  fetchMock.mockImplementation(async (input, init) => {
    const url = new URL(String(input), 'http://vigie.test');
    const method = init?.method ?? 'GET';
    const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    const { pathname, searchParams } = url;
    if (pathname === '/api/v1/retention/policy')
      return (routes.policy ?? (() => jsonReply(200, aPolicy())))();
    if (pathname === '/api/v1/retention/preview')
      return (routes.preview ?? (() => jsonReply(200, aPreview())))(searchParams.get('until'));
    if (pathname === '/api/v1/retention/runs' && method === 'POST')
      return (routes.startRun ?? (() => jsonReply(202, aRun({ status: 'running', finishedAt: null }))))(body);
    if (pathname === '/api/v1/retention/runs')
      return (routes.runs ?? (() => jsonReply(200, { data: [aRun()], total: 1 })))(
        searchParams.get('page'),
        searchParams.get('perPage'),
      );
    const run = RUN_PATH.exec(pathname);
    if (run)
      return (routes.run ?? ((id: string) => jsonReply(200, aRun({ id }))))(decodeURIComponent(run[1]));
    if (pathname === '/api/v1/retention/legal-holds')
      return (routes.legalHolds ?? (() => jsonReply(200, { data: [aLegalHold()], total: 1 })))();
    const hold = HOLD_PATH.exec(pathname);
    if (hold && method === 'POST')
      return (routes.placeHold ?? ((caseId: string, sent: unknown) => jsonReply(200, holdChange(caseId, true, sent))))(
        decodeURIComponent(hold[1]),
        body,
      );
    if (hold && method === 'DELETE')
      return (routes.liftHold ?? ((caseId: string, sent: unknown) => jsonReply(200, holdChange(caseId, false, sent))))(
        decodeURIComponent(hold[1]),
        body,
      );
    return jsonReply(404, { statusCode: 404, error: 'Not Found', message: 'No route' });
  });

export interface SeenRequest {
  method: string;
  path: string;
  search: URLSearchParams;
  body: unknown;
  headers: Headers;
}

/** Every request the page made, in order, read back for assertions. */
export const requestsOf = (fetchMock: FetchMock): SeenRequest[] =>
  fetchMock.mock.calls.map(([input, init]) => {
    const url = new URL(String(input), 'http://vigie.test');
    return {
      method: init?.method ?? 'GET',
      path: url.pathname,
      search: url.searchParams,
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
      headers: new Headers(init?.headers),
    };
  });

/** A 409 as the API answers it, with its domain code. */
export const conflict = (code: string) =>
  jsonReply(409, { statusCode: 409, error: 'Conflict', message: code, details: { code } });
