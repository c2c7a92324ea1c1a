import { act, fireEvent, screen, within } from '@testing-library/react';
import type { RoleRequest } from '@vigie/contracts';
import { setCsrfToken } from '../providers/httpClient';
import { createFetchMock, jsonReply } from '../testing/fakeFetch';
import { renderWithAdmin } from '../testing/renderWithAdmin';
import { RoleRequestsPage } from './RoleRequestsPage';

const fetchMock = createFetchMock();

const aRequest = (overrides: Partial<RoleRequest> = {}): RoleRequest => ({
  id: '5f0c1d2e-0000-4000-8000-000000000001',
  staff: { id: 'st_lea', name: 'Léa Martin', email: 'lea@vigie.test' },
  currentRoles: [],
  requestedRoles: ['moderator'],
  cause: 'roles_given',
  requestedBy: { id: 'st_nadia', name: 'Nadia Haddad' },
  requestedAt: '2026-12-05T07:00:00.000Z',
  canDecide: true,
  ...overrides,
});

/** The pending requests, which a decision takes off the list. */
const serve = (initial: RoleRequest[]) => {
  let pending = initial;
  fetchMock.mockImplementation(async (input, init) => {
    const { pathname } = new URL(String(input), 'http://vigie.test');
    if (pathname === '/api/v1/staff/role-requests')
      return jsonReply(200, { data: pending, total: pending.length });
    const decision = /^\/api\/v1\/staff\/role-requests\/([^/]+)\/(approve|reject)$/.exec(pathname);
    if (decision && init?.method === 'POST') {
      pending = pending.filter((request) => request.id !== decision[1]);
      return jsonReply(204);
    }
    return jsonReply(404, { statusCode: 404, error: 'Not Found', message: pathname });
  });
};

beforeEach(() => {
  fetchMock.mockReset();
  global.fetch = fetchMock;
  setCsrfToken('csrf-1');
});

afterEach(() => {
  jest.restoreAllMocks();
  setCsrfToken(null);
});

describe('the roles to approve', () => {
  it('shows whose roles wait, what they hold now and once approved, and who asked', async () => {
    serve([
      aRequest(),
      aRequest({
        id: 'r2',
        staff: { id: 'st_x', name: 'Hugo Petit', email: 'hugo@vigie.test' },
        currentRoles: ['lead', 'moderator'],
        requestedRoles: ['lead', 'moderator'],
        cause: 'password_link',
        canDecide: false,
      }),
    ]);
    renderWithAdmin(<RoleRequestsPage />, ['lead']);

    expect((await screen.findByTestId('role-requests-total')).textContent).toBe('2 demandes en attente');
    const [lea, hugo] = screen.getAllByTestId('role-request');
    expect(within(lea).getByText('aucun rôle')).toBeTruthy();
    expect(within(lea).getByText('Modération')).toBeTruthy();
    expect(within(lea).getByText('Demandé par Nadia Haddad')).toBeTruthy();
    expect(within(hugo).getByText('Suspendus par un lien de mot de passe')).toBeTruthy();
    // Whoever asked, or whom it concerns, gets no buttons: the API would refuse them anyway.
    expect(within(hugo).queryByTestId('approve-roles')).toBeNull();
    expect(within(hugo).getByTestId('not-yours')).toBeTruthy();
  });

  it('approves a request, which then leaves the list', async () => {
    serve([aRequest()]);
    renderWithAdmin(<RoleRequestsPage />, ['lead']);

    const approve = await screen.findByTestId('approve-roles');
    await act(async () => fireEvent.click(approve));

    expect(await screen.findByTestId('role-requests-empty')).toBeTruthy();
    expect(await screen.findByText('Rôles de Léa Martin approuvés.')).toBeTruthy();
    const sent = fetchMock.mock.calls.find(([url]) => String(url).endsWith('/approve'));
    expect(sent?.[0]).toBe('/api/v1/staff/role-requests/5f0c1d2e-0000-4000-8000-000000000001/approve');
    expect(new Headers(sent?.[1]?.headers).get('x-csrf-token')).toBe('csrf-1');
  });

  it("says why the API refused a decision, in the person's language", async () => {
    serve([aRequest()]);
    renderWithAdmin(<RoleRequestsPage />, ['lead']);
    await screen.findByTestId('approve-roles');
    fetchMock.mockImplementationOnce(async () =>
      jsonReply(403, { statusCode: 403, error: 'Forbidden', message: 'x', details: { code: 'own_request' } }),
    );

    await act(async () => fireEvent.click(screen.getByTestId('approve-roles')));

    expect(await screen.findByText(/approuvée par une autre personne que celle qui l'a faite/)).toBeTruthy();
  });
});
