import { act, fireEvent, render, screen, within } from '@testing-library/react';
import type { Decision, SessionResponse, StaffRole } from '@vigie/contracts';
import { AdminContext, type AuthProvider, memoryStore, Notification } from 'react-admin';
import { MemoryRouter } from 'react-router';
import { App } from '../App';
import { createI18nProvider } from '../i18n/i18nProvider';
import { authProvider as appAuthProvider } from '../providers/authProvider';
import { setCsrfToken } from '../providers/httpClient';
import { aDecision, aProposedBan, JULIE } from '../testing/caseFixtures';
import { createFetchMock, jsonReply } from '../testing/fakeFetch';
import { theme } from '../theme';
import { requestsOf } from '../testing/fakeRetentionApi';
import { ApprovalsPage } from './ApprovalsPage';

const fetchMock = createFetchMock();

const suspension = aDecision({
  id: 'd1a2b3c4-0000-4000-8000-000000000003',
  caseId: '7a7a7a7a-0000-4000-8000-000000000001',
  action: 'suspension',
  durationDays: 30,
  state: 'pending_approval',
  decidedAt: '2026-11-20T10:00:00.000Z',
});

/** The pending proposals, which a review takes off the list. */
const servePending = (initial: Decision[]) => {
  let pending = initial;
  fetchMock.mockImplementation(async (input, init) => {
    const { pathname } = new URL(String(input), 'http://vigie.test');
    if (pathname === '/api/v1/decisions/pending')
      return jsonReply(200, { data: pending, total: pending.length });
    const review = /^\/api\/v1\/cases\/[^/]+\/decisions\/([^/]+)\/review$/.exec(pathname);
    if (review && init?.method === 'POST') {
      pending = pending.filter((decision) => decision.id !== review[1]);
      return jsonReply(200, { id: 'case', timeline: [], reports: [] });
    }
    return jsonReply(404, { statusCode: 404, error: 'Not Found', message: pathname });
  });
};

const authProvider: AuthProvider = {
  login: async () => undefined,
  logout: async () => undefined,
  checkAuth: async () => undefined,
  checkError: async () => undefined,
  getIdentity: async () => ({ id: JULIE.id, fullName: JULIE.name }),
  getPermissions: async () => ['lead'],
};

const renderPage = () =>
  render(
    <MemoryRouter>
      <AdminContext
        authProvider={authProvider}
        i18nProvider={createI18nProvider('fr')}
        store={memoryStore()}
        theme={theme}
      >
        <ApprovalsPage />
        <Notification />
      </AdminContext>
    </MemoryRouter>,
  );

beforeEach(() => {
  fetchMock.mockReset();
  global.fetch = fetchMock;
  setCsrfToken('csrf-1');
  localStorage.clear();
});

afterEach(() => {
  jest.restoreAllMocks();
  setCsrfToken(null);
});

describe('the approvals screen', () => {
  it('lists the proposed sanctions with their case, proposer and reasons, oldest first', async () => {
    servePending([suspension, aProposedBan()]);
    renderPage();

    expect((await screen.findByTestId('approvals-total')).textContent).toBe('2 propositions en attente');
    const [first, second] = screen.getAllByTestId('approval');
    expect(within(first).getByText('Suspension · 30 jours')).toBeTruthy();
    expect(within(first).getByText('Proposée par Camille Moreau')).toBeTruthy();
    // A proposal waiting for more than a day is flagged.
    expect(within(first).getByText('Plus de 24 h')).toBeTruthy();
    expect(within(first).getByTestId('approval-case').getAttribute('href')).toBe(
      '/cases/7a7a7a7a-0000-4000-8000-000000000001/show',
    );
    expect(within(first).getByText(/Demande répétée de l'âge et de photos/)).toBeTruthy();
    expect(within(second).getByText('Bannissement')).toBeTruthy();
  });

  it('approves a proposal, which then leaves the list', async () => {
    const ban = aProposedBan();
    servePending([ban]);
    renderPage();

    const proposal = await screen.findByTestId('approval');
    fireEvent.click(within(proposal).getByRole('button', { name: 'Approuver' }));
    const dialog = await screen.findByTestId('review-dialog');
    await act(async () => fireEvent.click(within(dialog).getByTestId('review-submit')));

    expect(
      requestsOf(fetchMock)
        .filter(({ method }) => method === 'POST')
        .map(({ path, body }) => [path, body]),
    ).toEqual([[`/api/v1/cases/${ban.caseId}/decisions/${ban.id}/review`, { approve: true }]]);
    expect(await screen.findByText('Décision approuvée : elle prend effet.')).toBeTruthy();
    expect(await screen.findByTestId('approvals-empty')).toBeTruthy();
    expect(screen.getByText('Rien à approuver')).toBeTruthy();
  });
});

describe('the approvals route', () => {
  const sessionOf = (roles: StaffRole[]): SessionResponse => ({
    user: { id: 'st_1', email: 'julie@vigie.test', name: 'Julie Martin', roles },
    pendingRoles: [],
    csrfToken: 'csrf-1',
    mfaEnrolmentRequired: false,
    mfaEnabled: true,
  });

  const signInAs = (roles: StaffRole[]) => {
    servePending([aProposedBan()]);
    const pending = fetchMock.getMockImplementation();
    fetchMock.mockImplementation(async (input, init) => {
      const { pathname } = new URL(String(input), 'http://vigie.test');
      if (pathname === '/api/v1/auth/me') return jsonReply(200, sessionOf(roles));
      if (pathname === '/api/v1/auth/logout') return jsonReply(204);
      return (pending as typeof fetch)(input, init);
    });
  };

  const openApprovals = () =>
    render(
      <MemoryRouter initialEntries={['/approvals']}>
        <App />
      </MemoryRouter>,
    );

  afterEach(async () => {
    await appAuthProvider.logout({});
  });

  it('opens for a lead, with its menu entry', async () => {
    signInAs(['lead']);
    openApprovals();

    expect(
      await screen.findByRole('heading', { name: 'Approbations', level: 1 }),
    ).toBeTruthy();
    expect(await screen.findByTestId('approval')).toBeTruthy();
    expect(screen.getByRole('menuitem', { name: /Approbations/ })).toBeTruthy();
  });

  it('is refused to a moderator, who never reaches the pending decisions', async () => {
    signInAs(['moderator']);
    openApprovals();

    expect(await screen.findByText(/Vous n'avez pas les droits d'accès à cette page/)).toBeTruthy();
    expect(requestsOf(fetchMock).map(({ path }) => path)).not.toContain('/api/v1/decisions/pending');
  });
});
