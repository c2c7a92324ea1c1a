import { render } from '@testing-library/react';
import type { CaseDetail, StaffRole } from '@vigie/contracts';
import { AdminContext, type AuthProvider, memoryStore, Notification } from 'react-admin';
import { createI18nProvider } from '../i18n/i18nProvider';
import { type SeenRequest, requestsOf } from './fakeRetentionApi';
import { createDataProvider } from '../providers/dataProvider';
import { aUserHistory, CAMILLE, JULIE } from './caseFixtures';
import { type createFetchMock, jsonReply } from './fakeFetch';
import { theme } from '../theme';
import { CaseShowPage as CaseShow } from '../app/CaseShowPage';

type FetchMock = ReturnType<typeof createFetchMock>;
type Answer = Response | Promise<Response>;

/** The case page's API as specs fake it: `current` is what a read of the case answers. */
export interface CasePageApi {
  current: CaseDetail;
  decide?: (body: unknown) => Answer;
  review?: (decisionId: string, body: unknown) => Answer;
  transition?: (body: unknown) => Answer;
  addNote?: (body: unknown) => Answer;
  editNote?: (noteId: string, body: unknown) => Answer;
  appealOutcome?: (body: unknown) => Answer;
  history?: () => Answer;
}

const notFound = (path: string) =>
  jsonReply(404, { statusCode: 404, error: 'Not Found', message: `No route for ${path}` });

/** A refusal as the API answers it, with its domain code in `details`. */
export const refusal = (status: number, code: string, extra: Record<string, unknown> = {}) =>
  jsonReply(status, { statusCode: status, error: 'Refused', message: code, details: { code, ...extra } });

/** Serves the case page over `fetch`; a call the test did not expect answers 404. */
export const serveCasePage = (fetchMock: FetchMock, api: CasePageApi) =>
  fetchMock.mockImplementation(async (input, init) => {
    const { pathname } = new URL(String(input), 'http://vigie.test');
    const method = init?.method ?? 'GET';
    const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    const base = `/api/v1/cases/${api.current.id}`;
    const route = (handler: ((...args: never[]) => Answer) | undefined, ...args: unknown[]) =>
      handler ? (handler as (...values: unknown[]) => Answer)(...args) : notFound(pathname);
    if (pathname === '/api/v1/cases/assignees') return jsonReply(200, { data: [] });
    if (pathname === base && method === 'GET') return jsonReply(200, api.current);
    if (pathname === `${base}/history`)
      return (
        api.history ??
        (() => jsonReply(200, aUserHistory({ cases: [], actionedLast6Months: 0, actionedLast12Months: 0 })))
      )();
    if (pathname === `${base}/decision` && method === 'POST') return route(api.decide, body);
    if (pathname === `${base}/status` && method === 'POST') return route(api.transition, body);
    if (pathname === `${base}/notes` && method === 'POST') return route(api.addNote, body);
    if (pathname === `${base}/appeal-outcome` && method === 'POST') return route(api.appealOutcome, body);
    const review = new RegExp(`^${base}/decisions/([^/]+)/review$`).exec(pathname);
    if (review && method === 'POST') return route(api.review, decodeURIComponent(review[1]), body);
    const note = new RegExp(`^${base}/notes/([^/]+)$`).exec(pathname);
    if (note && method === 'PATCH') return route(api.editNote, decodeURIComponent(note[1]), body);
    return notFound(pathname);
  });

/** The requests that changed something: what a spec asserts the page sent. */
export const writesOf = (fetchMock: FetchMock): Omit<SeenRequest, 'search' | 'headers'>[] =>
  requestsOf(fetchMock)
    .filter(({ method }) => method !== 'GET')
    .map(({ method, path, body }) => ({ method, path, body }));

/** How many times the page read the case itself. */
export const caseReadsOf = (fetchMock: FetchMock, caseId: string): number =>
  requestsOf(fetchMock).filter(({ method, path }) => method === 'GET' && path === `/api/v1/cases/${caseId}`)
    .length;

const authProviderFor = (roles: StaffRole[], me: { id: string; name: string }): AuthProvider => ({
  login: async () => undefined,
  logout: async () => undefined,
  checkAuth: async () => undefined,
  checkError: async () => undefined,
  getIdentity: async () => ({ id: me.id, fullName: me.name }),
  getPermissions: async () => roles,
});

/** The case page for a moderator (Camille) or a lead (Julie), with notifications. */
export const renderCasePage = (
  caseId: string,
  roles: StaffRole[],
  me: { id: string; name: string } = roles.includes('lead') ? JULIE : CAMILLE,
) =>
  render(
    <AdminContext
      dataProvider={createDataProvider()}
      authProvider={authProviderFor(roles, me)}
      i18nProvider={createI18nProvider('fr')}
      store={memoryStore()}
      theme={theme}
    >
      <CaseShow id={caseId} />
      <Notification />
    </AdminContext>,
  );
