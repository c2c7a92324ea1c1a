import { render, screen, waitFor } from '@testing-library/react';
import type { SessionResponse, StaffRole } from '@vigie/contracts';
import { MemoryRouter } from 'react-router';
import { App } from '../App';
import { authProvider } from '../providers/authProvider';
import { createFetchMock, jsonReply } from '../testing/fakeFetch';
import { anEntry } from '../testing/registerFixtures';

const fetchMock = createFetchMock();

const sessionOf = (roles: StaffRole[]): SessionResponse => ({
  user: { id: 'st_1', email: 'ines@vigie.test', name: 'Inès Dubois', roles },
  pendingRoles: [],
  csrfToken: 'csrf-1',
  mfaEnrolmentRequired: false,
  mfaEnabled: true,
});

const registerCalls = () =>
  fetchMock.mock.calls.map(([input]) => String(input)).filter((url) => url.startsWith('/api/v1/audit/'));

const signInAs = (roles: StaffRole[]) =>
  fetchMock.mockImplementation(async (input) => {
    const url = new URL(String(input), 'http://vigie.test');
    if (url.pathname === '/api/v1/auth/me') return jsonReply(200, sessionOf(roles));
    if (url.pathname === '/api/v1/auth/logout') return jsonReply(204);
    if (url.pathname === '/api/v1/audit/access-log') return jsonReply(200, { data: [anEntry()], total: 1 });
    if (url.pathname === '/api/v1/audit/checkpoints') return jsonReply(200, { data: [], total: 0 });
    if (url.pathname === '/api/v1/audit/staff') return jsonReply(200, { data: [] });
    return jsonReply(404, { statusCode: 404, error: 'Not Found', message: 'No route' });
  });

// The whole app at the register's address: the route, its guard and the lazy page as shipped.
const openRegister = (path = '/register') =>
  render(
    <MemoryRouter initialEntries={[path]}>
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

describe('the access register route', () => {
  it('is refused to a moderator, who never reaches the register API', async () => {
    signInAs(['moderator']);
    openRegister();

    expect(await screen.findByText(/Vous n'avez pas les droits d'accès à cette page/)).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Registre des accès', level: 1 })).toBeNull();
    expect(registerCalls()).toEqual([]);
  });

  it('opens for the DPO, with the integrity and checkpoint actions above the register', async () => {
    signInAs(['dpo']);
    openRegister();

    expect(
      await screen.findByRole('heading', { name: 'Registre des accès', level: 1 }),
    ).toBeTruthy();
    expect(screen.getByRole('button', { name: "Vérifier l'intégrité" })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Signer un point de contrôle' })).toBeTruthy();
    expect(await screen.findByText('Lecture : 7 messages')).toBeTruthy();
    await waitFor(() =>
      expect(registerCalls().some((url) => url.startsWith('/api/v1/audit/access-log?'))).toBe(true),
    );
    // Verifying can take seconds: it waits for the DPO to ask.
    // (Only the schedule's last run is read, a row of the database.)
    expect(registerCalls().some((url) => url.startsWith('/api/v1/audit/verify') && url !== '/api/v1/audit/verify/schedule')).toBe(false);
  });

  it('still opens at its first address, /access-register', async () => {
    signInAs(['dpo']);
    openRegister('/access-register');

    expect(
      await screen.findByRole('heading', { name: 'Registre des accès', level: 1 }, { timeout: 5000 }),
    ).toBeTruthy();
  });
});
