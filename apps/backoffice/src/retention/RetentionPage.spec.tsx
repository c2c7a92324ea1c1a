import { render, screen, waitFor, within } from '@testing-library/react';
import type { SessionResponse, StaffRole } from '@vigie/contracts';
import { MemoryRouter } from 'react-router';
import { App } from '../App';
import { authProvider } from '../providers/authProvider';
import { createFetchMock, jsonReply } from '../testing/fakeFetch';
import { requestsOf, routeRetention } from '../testing/fakeRetentionApi';
import { aLegalHold, aRun } from '../testing/retentionFixtures';

const fetchMock = createFetchMock();

const sessionOf = (roles: StaffRole[]): SessionResponse => ({
  user: { id: 'st_1', email: 'ines@vigie.test', name: 'Inès Dubois', roles },
  pendingRoles: [],
  csrfToken: 'csrf-1',
  mfaEnrolmentRequired: false,
  mfaEnabled: true,
});

const retentionCalls = () =>
  requestsOf(fetchMock)
    .map(({ path }) => path)
    .filter((path) => path.startsWith('/api/v1/retention/') || path.endsWith('/legal-hold'));

const signInAs = (roles: StaffRole[]) => {
  const retention = routeRetention(fetchMock).getMockImplementation();
  fetchMock.mockImplementation(async (input, init) => {
    const url = new URL(String(input), 'http://vigie.test');
    if (url.pathname === '/api/v1/auth/me') return jsonReply(200, sessionOf(roles));
    if (url.pathname === '/api/v1/auth/logout') return jsonReply(204);
    if (!retention) throw new Error('no retention routes');
    return retention(input, init);
  });
};

// The whole app at the screen's address: the route, its guard and the lazy page as shipped.
const openRetention = () =>
  render(
    <MemoryRouter initialEntries={['/retention']}>
      <App />
    </MemoryRouter>,
  );

beforeEach(() => {
  fetchMock.mockReset();
  global.fetch = fetchMock;
  localStorage.clear();
});

afterEach(async () => {
  // The app's authProvider keeps its session between renders: forget it between tests.
  await authProvider.logout({});
});

describe('the retention route', () => {
  it('is refused to a moderator, who never reaches the retention API', async () => {
    signInAs(['moderator']);
    openRetention();

    expect(await screen.findByText(/Vous n'avez pas les droits d'accès à cette page/)).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Conservation des données', level: 1 })).toBeNull();
    expect(retentionCalls()).toEqual([]);
  });

  it('is refused to a lead, who manages holds from the case page only', async () => {
    signInAs(['lead']);
    openRetention();

    expect(await screen.findByText(/Vous n'avez pas les droits d'accès à cette page/)).toBeTruthy();
    expect(retentionCalls()).toEqual([]);
  });

  it('opens for the DPO: the rule in words, the preview, the runs and the holds, with their actions', async () => {
    signInAs(['dpo']);
    openRetention();

    expect(
      await screen.findByRole('heading', { name: 'Conservation des données', level: 1 }),
    ).toBeTruthy();
    expect((await screen.findByTestId('retention-statement')).textContent?.replace(/\s+/g, ' ')).toBe(
      'Les données sont conservées 3 ans après la dernière activité.',
    );
    expect(await screen.findByTestId('preview-totals')).toBeTruthy();
    expect(await screen.findByTestId(`run-${aRun().id}`)).toBeTruthy();
    const hold = await screen.findByTestId(`hold-${aLegalHold().caseId}`);
    expect(within(hold).getByRole('button', { name: 'Lever le gel' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Simuler une passe' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Lancer une passe maintenant' })).toBeTruthy();
    // Nothing runs by itself when the page opens.
    await waitFor(() => expect(retentionCalls()).toContain('/api/v1/retention/legal-holds'));
    expect(requestsOf(fetchMock).filter(({ method }) => method !== 'GET')).toEqual([]);
  });

  it('opens for an admin, who runs the sweeper but does not manage holds', async () => {
    signInAs(['admin']);
    openRetention();

    const hold = await screen.findByTestId(`hold-${aLegalHold().caseId}`);
    expect(within(hold).queryByRole('button', { name: 'Lever le gel' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Lancer une passe maintenant' })).toBeTruthy();
  });
});
