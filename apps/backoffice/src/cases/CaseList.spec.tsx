import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { CaseListItem } from '@vigie/contracts';
import { AdminContext, type AuthProvider, memoryStore } from 'react-admin';
import { MemoryRouter } from 'react-router';
import { createI18nProvider } from '../i18n/i18nProvider';
import { createDataProvider } from '../providers/dataProvider';
import { aCase } from '../testing/caseFixtures';
import { createFetchMock, jsonReply } from '../testing/fakeFetch';
import { theme } from '../theme';
import { CaseListPage as CaseList } from '../app/CaseListPage';

const fetchMock = createFetchMock();

const authProvider: AuthProvider = {
  login: async () => undefined,
  logout: async () => undefined,
  checkAuth: async () => undefined,
  checkError: async () => undefined,
  getIdentity: async () => ({ id: 'staff-camille', fullName: 'Camille Moreau' }),
  getPermissions: async () => ['moderator'],
};

const row = (overrides: Partial<CaseListItem>): CaseListItem => {
  const {
    id,
    status,
    priority,
    categories,
    reportCount,
    reporterCount,
    reportedUser,
    assignee,
    createdAt,
    lastActivityAt,
    legalHold,
    appealOfDecisionId,
    version,
  } = aCase(overrides);
  return {
    id,
    status,
    priority,
    categories,
    reportCount,
    reporterCount,
    reportedUser,
    assignee,
    createdAt,
    lastActivityAt,
    legalHold,
    appealOfDecisionId,
    version,
  };
};

const minor = row({ id: 'c1' });
const harassment = row({
  id: 'c2',
  priority: 525,
  categories: ['harassment', 'spam_scam'],
  reporterCount: 2,
  reportCount: 2,
  reportedUser: { id: 'u3', externalId: 'u_marc', kind: 'expert', displayName: 'Marc D.' },
  assignee: { id: 'staff-camille', name: 'Camille Moreau' },
  status: 'in_review',
});

const queryOf = (call: number) =>
  new URL(String(fetchMock.mock.calls[call][0]), 'http://vigie.test').searchParams;

beforeEach(() => {
  fetchMock.mockReset();
  global.fetch = fetchMock;
  fetchMock.mockImplementation(async (input) => {
    const query = new URL(String(input), 'http://vigie.test').searchParams;
    if (query.get('mine') === 'true') return jsonReply(200, { data: [harassment], total: 1 });
    if (query.get('category') === 'minor_safety') return jsonReply(200, { data: [minor], total: 1 });
    if (query.get('unassigned') === 'true') return jsonReply(200, { data: [minor], total: 1 });
    return jsonReply(200, { data: [minor, harassment], total: 2 });
  });
});

const renderQueue = () =>
  // A plain router: react-admin's own data router needs `Request`, which jsdom lacks, to navigate.
  render(
    <MemoryRouter>
      <AdminContext
        dataProvider={createDataProvider()}
        authProvider={authProvider}
        i18nProvider={createI18nProvider('fr')}
        store={memoryStore()}
        theme={theme}
      >
        <CaseList />
      </AdminContext>
    </MemoryRouter>,
  );

describe('CaseList', () => {
  it('asks for the most urgent cases first and shows each row at a glance', async () => {
    renderQueue();

    const rows = await screen.findAllByRole('row');
    const [first, second] = rows.slice(1);
    expect(first.querySelector('[data-priority-level="critical"]')).toBeTruthy();
    expect(within(first).getByText('Protection des mineurs')).toBeTruthy();
    expect(within(first).getByText('Non assigné')).toBeTruthy();
    expect(within(first).getByText('Paul V.')).toBeTruthy();
    expect(within(first).getByText('Expert·e')).toBeTruthy();
    expect(within(second).getByText('Harcèlement')).toBeTruthy();
    expect(within(second).getByText("En cours d'examen")).toBeTruthy();
    expect(within(second).getByText('Camille Moreau')).toBeTruthy();
    expect(await within(second).findByText('(vous)')).toBeTruthy();

    const listCall = fetchMock.mock.calls.findIndex(([url]) => String(url).includes('perPage=25'));
    const query = queryOf(listCall);
    expect(query.get('sort')).toBe('priority');
    expect(query.get('order')).toBe('DESC');
    // No status filter: the API's default is the open and in-review cases.
    expect(query.has('status')).toBe(false);
  });

  it('counts each quick view and switches to one in a click', async () => {
    renderQueue();

    await waitFor(() => expect(screen.getByTestId('quick-view-count-minor_safety').textContent).toBe('1'));
    expect(screen.getByRole('tab', { selected: true }).textContent).toMatch(/^Tous les dossiers ouverts/);

    fetchMock.mockClear();
    await act(async () => fireEvent.click(screen.getByRole('tab', { name: /Mes dossiers/ })));

    await waitFor(() => expect(screen.queryByText('Paul V.')).toBeNull());
    expect(screen.getByText('Marc D.')).toBeTruthy();
    expect(screen.getByRole('tab', { selected: true }).textContent).toMatch(/^Mes dossiers/);
    const calls = fetchMock.mock.calls.map(([url]) => new URL(String(url), 'http://vigie.test').searchParams);
    expect(calls.some((query) => query.get('mine') === 'true' && query.get('perPage') === '25')).toBe(true);
  });
});
