import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { CaseDetail, StaffRole } from '@vigie/contracts';
import { AdminContext, type AuthProvider, memoryStore, Notification } from 'react-admin';
import { createI18nProvider } from '../i18n/i18nProvider';
import { createDataProvider } from '../providers/dataProvider';
import { setCsrfToken } from '../providers/httpClient';
import { aCase } from '../testing/caseFixtures';
import { createFetchMock, jsonReply } from '../testing/fakeFetch';
import { theme } from '../theme';
import { CaseShowPage as CaseShow } from '../app/CaseShowPage';

const fetchMock = createFetchMock();
const CAMILLE = { id: 'staff-camille', name: 'Camille Moreau' };
const JULIEN = { id: 'staff-julien', name: 'Julien Lefèvre' };

const authProviderFor = (roles: StaffRole[], me = CAMILLE): AuthProvider => ({
  login: async () => undefined,
  logout: async () => undefined,
  checkAuth: async () => undefined,
  checkError: async () => undefined,
  getIdentity: async () => ({ id: me.id, fullName: me.name }),
  getPermissions: async () => roles,
});

const reported: CaseDetail = aCase({
  participants: [
    { id: 'u1', externalId: 'u_ines', kind: 'explorer', displayName: 'Inès B.' },
    { id: 'u2', externalId: 'u_paul', kind: 'expert', displayName: 'Paul V.' },
  ],
  reports: [
    {
      id: 'r1',
      externalId: 'rep_1',
      category: 'minor_safety',
      comment: "Il m'a demandé mon âge puis des photos.",
      reporter: { id: 'u1', externalId: 'u_ines', kind: 'explorer', displayName: 'Inès B.' },
      reported: { id: 'u2', externalId: 'u_paul', kind: 'expert', displayName: 'Paul V.' },
      reportedMessageIds: ['m_2'],
      cleanedFields: [],
      reportedAt: '2026-11-26T09:00:00.000Z',
      receivedAt: '2026-11-26T09:00:01.000Z',
    },
  ],
  timeline: [
    {
      id: 'e1',
      at: '2026-11-26T09:00:01.000Z',
      type: 'case_opened',
      actor: null,
      data: { category: 'minor_safety' },
    },
  ],
});

/** The API as the page sees it: GET answers `current`, the POSTs answer what each test says. */
let current: CaseDetail;
const routes = (post: (url: string, body: unknown) => Response) =>
  fetchMock.mockImplementation(async (input, init) => {
    const url = String(input);
    if (init?.method === 'POST') return post(url, JSON.parse(String(init.body)));
    if (url === '/api/v1/cases/assignees')
      return jsonReply(200, { data: [CAMILLE, JULIEN].map((s) => ({ ...s, roles: ['moderator'] })) });
    return jsonReply(200, current);
  });

const renderCase = (roles: StaffRole[]) =>
  render(
    <AdminContext
      dataProvider={createDataProvider()}
      authProvider={authProviderFor(roles)}
      i18nProvider={createI18nProvider('fr')}
      store={memoryStore()}
      theme={theme}
    >
      <CaseShow id={reported.id} />
      <Notification />
    </AdminContext>,
  );

beforeEach(() => {
  fetchMock.mockReset();
  global.fetch = fetchMock;
  setCsrfToken('csrf-1');
  current = reported;
});

afterEach(() => jest.restoreAllMocks());

describe('CaseShow', () => {
  it('shows the reports, the participants and the timeline; the conversation stays shut until the case is taken', async () => {
    routes(() => jsonReply(500));
    renderCase(['moderator']);

    expect(await screen.findByRole('heading', { name: 'Dossier concernant Paul V.' })).toBeTruthy();
    const reports = screen.getByTestId('case-reports');
    expect(within(reports).getByText("Il m'a demandé mon âge puis des photos.")).toBeTruthy();
    expect(within(reports).getByText('m_2')).toBeTruthy();
    expect(
      within(screen.getByTestId('case-timeline')).getByText(/^Dossier ouvert.*Protection des mineurs$/),
    ).toBeTruthy();
    expect(within(screen.getByTestId('case-participants')).getByText('Signalé·e')).toBeTruthy();
    expect(screen.getByTestId('case-header').querySelector('[data-priority-level="critical"]')).toBeTruthy();
    const gate = await screen.findByTestId('open-conversation');
    expect(gate.hasAttribute('disabled')).toBe(true);
    expect(screen.getByText('Prenez le dossier pour ouvrir la conversation.')).toBeTruthy();
  });

  it('lets a moderator take an unassigned case, then shows them as its assignee', async () => {
    const claimed = aCase({ ...reported, assignee: CAMILLE, status: 'in_review', version: 4 });
    routes((url, body) => {
      expect(url).toBe(`/api/v1/cases/${reported.id}/claim`);
      expect(body).toEqual({ version: 3 });
      current = claimed;
      return jsonReply(200, claimed);
    });
    renderCase(['moderator']);

    // Found before act(): waiting inside an act scope runs the page's updates outside React's test environment.
    const take = await screen.findByRole('button', { name: 'Prendre le dossier' });
    await act(async () => fireEvent.click(take));

    expect(await screen.findByText('Le dossier est à vous.')).toBeTruthy();
    await waitFor(() =>
      expect(screen.getByTestId('case-assignee').textContent).toContain('Camille Moreau (vous)'),
    );
    expect(screen.getByText('Vous traitez ce dossier')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Prendre le dossier' })).toBeNull();
    // A moderator does not assign others.
    expect(screen.queryByTestId('assign-case')).toBeNull();
  });

  it('says a colleague got there first, and shows the case as it is now', async () => {
    const taken = aCase({ ...reported, assignee: JULIEN, status: 'in_review', version: 4 });
    routes(() => {
      current = taken;
      return jsonReply(409, {
        statusCode: 409,
        error: 'Conflict',
        message: 'Someone else took this case first.',
        details: { code: 'already_assigned', case: taken },
      });
    });
    renderCase(['moderator']);

    const take = await screen.findByRole('button', { name: 'Prendre le dossier' });
    await act(async () => fireEvent.click(take));

    expect(await screen.findByText(/Un·e collègue a pris ce dossier/)).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('case-assignee').textContent).toContain('Julien Lefèvre'));
    expect(screen.getByText('Julien Lefèvre traite ce dossier.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Prendre le dossier' })).toBeNull();
  });

  it('lets a lead give the case to someone from the assignees list', async () => {
    routes((url, body) => {
      expect(url).toBe(`/api/v1/cases/${reported.id}/assign`);
      expect(body).toEqual({ assigneeId: JULIEN.id, version: 3 });
      current = aCase({ ...reported, assignee: JULIEN, version: 4 });
      return jsonReply(200, current);
    });
    renderCase(['lead']);

    fireEvent.click(await screen.findByTestId('assign-case'));
    // Role queries are slow on MUI's menus in jsdom: the name, then its menu item.
    const julien = (await screen.findByText('Julien Lefèvre')).closest('[role=menuitem]');
    if (!julien) throw new Error('no menu item for Julien');
    await act(async () => fireEvent.click(julien));

    expect(await screen.findByText('Dossier assigné à Julien Lefèvre.')).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('case-assignee').textContent).toContain('Julien Lefèvre'));
    expect(screen.getByRole('button', { name: 'Réassigner' })).toBeTruthy();
  });
});
