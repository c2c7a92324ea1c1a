import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { StaffRole } from '@vigie/contracts';
import { AdminContext, type AuthProvider, memoryStore, Notification } from 'react-admin';
import { MemoryRouter } from 'react-router';
import { createI18nProvider } from '../i18n/i18nProvider';
import { setCsrfToken } from '../providers/httpClient';
import { aDelivery } from '../testing/caseFixtures';
import { createFetchMock, jsonReply } from '../testing/fakeFetch';
import { theme } from '../theme';
import { requestsOf } from '../testing/fakeRetentionApi';
import { DeliveriesPage } from './DeliveriesPage';

const fetchMock = createFetchMock();

const failing = aDelivery();
const delivered = aDelivery({
  id: 41,
  eventType: 'appeal.decided',
  attempts: 1,
  nextAttemptAt: null,
  deliveredAt: '2026-11-26T09:00:02.000Z',
  lastStatus: 204,
  lastError: null,
  log: [{ at: '2026-11-26T09:00:01.000Z', statusCode: 204, error: null, durationMs: 87 }],
});

const serveDeliveries = (retry: () => Response = () => jsonReply(202, { retried: true })) =>
  fetchMock.mockImplementation(async (input, init) => {
    const url = new URL(String(input), 'http://vigie.test');
    if (url.pathname === '/api/v1/deliveries/42/retry' && init?.method === 'POST') return retry();
    if (url.pathname === '/api/v1/deliveries') {
      const pending = url.searchParams.get('pending');
      const data = pending === 'true' ? [failing] : pending === 'false' ? [delivered] : [failing, delivered];
      return jsonReply(200, { data, total: data.length });
    }
    return jsonReply(404, { statusCode: 404, error: 'Not Found', message: url.pathname });
  });

const authProviderFor = (roles: StaffRole[]): AuthProvider => ({
  login: async () => undefined,
  logout: async () => undefined,
  checkAuth: async () => undefined,
  checkError: async () => undefined,
  getIdentity: async () => ({ id: 'st_admin', fullName: 'Nadia Haddad' }),
  getPermissions: async () => roles,
});

const renderPage = (roles: StaffRole[] = ['admin']) =>
  render(
    <MemoryRouter>
      <AdminContext
        authProvider={authProviderFor(roles)}
        i18nProvider={createI18nProvider('fr')}
        store={memoryStore()}
        theme={theme}
      >
        <DeliveriesPage />
        <Notification />
      </AdminContext>
    </MemoryRouter>,
  );

const listCalls = () =>
  requestsOf(fetchMock).filter(({ method, path }) => method === 'GET' && path === '/api/v1/deliveries');

beforeEach(() => {
  fetchMock.mockReset();
  global.fetch = fetchMock;
  setCsrfToken('csrf-1');
});

afterEach(() => {
  jest.restoreAllMocks();
  setCsrfToken(null);
});

describe('the deliveries screen', () => {
  it('shows each message to the platform, whether it arrived, and its attempts on demand', async () => {
    serveDeliveries();
    renderPage();

    const pending = await screen.findByTestId('delivery-42');
    expect(within(pending).getByText('Décision effective')).toBeTruthy();
    expect(within(pending).getByText('503')).toBeTruthy();
    expect(within(pending).getByTestId('delivery-state').textContent).toMatch(
      /À livrer.*Prochain essai dans [34] minutes/,
    );
    const done = screen.getByTestId('delivery-41');
    expect(within(done).getByText('Issue de recours')).toBeTruthy();
    expect(within(done).getByTestId('delivery-state').textContent).toMatch(/^Livré/);
    expect(within(done).queryByRole('button', { name: 'Réessayer maintenant' })).toBeNull();

    expect(screen.queryByTestId('delivery-log')).toBeNull();
    fireEvent.click(within(pending).getByRole('button', { name: 'Voir les essais' }));
    const log = await screen.findByTestId('delivery-log');
    const attempts = within(log).getAllByTestId('delivery-attempt');
    expect(attempts).toHaveLength(2);
    expect(within(attempts[0]).getByText('HTTP 503 Service Unavailable')).toBeTruthy();
    expect(within(attempts[1]).getByText('connect ECONNREFUSED')).toBeTruthy();
    expect(within(attempts[1]).getByText('Pas de réponse')).toBeTruthy();
  });

  it('filters the deliveries still to make, and those made', async () => {
    serveDeliveries();
    renderPage();

    await screen.findByTestId('delivery-41');
    fireEvent.click(screen.getByRole('button', { name: 'À livrer' }));
    await waitFor(() => expect(screen.queryByTestId('delivery-41')).toBeNull());
    expect(screen.getByTestId('delivery-42')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Livrés' }));
    await waitFor(() => expect(screen.queryByTestId('delivery-42')).toBeNull());

    expect(listCalls().map(({ search }) => search.get('pending'))).toEqual([null, 'true', 'false']);
  });

  it('retries a pending delivery now, then reads the list again', async () => {
    serveDeliveries();
    renderPage();

    const pending = await screen.findByTestId('delivery-42');
    const readsBefore = listCalls().length;
    await act(async () =>
      fireEvent.click(within(pending).getByRole('button', { name: 'Réessayer maintenant' })),
    );

    expect(
      requestsOf(fetchMock)
        .filter(({ method }) => method === 'POST')
        .map(({ path }) => path),
    ).toEqual(['/api/v1/deliveries/42/retry']);
    expect(await screen.findByText('Nouvel essai lancé.')).toBeTruthy();
    await waitFor(() => expect(listCalls().length).toBeGreaterThan(readsBefore));
  });

  it('says when the delivery went out meanwhile', async () => {
    serveDeliveries(() =>
      jsonReply(409, { statusCode: 409, error: 'Conflict', message: 'x', details: { code: 'not_pending' } }),
    );
    renderPage();

    fireEvent.click(await screen.findByRole('button', { name: 'Réessayer maintenant' }));
    expect(
      await screen.findByText("Cet envoi n'est plus en attente : il a peut-être été livré entre-temps."),
    ).toBeTruthy();
  });
});
