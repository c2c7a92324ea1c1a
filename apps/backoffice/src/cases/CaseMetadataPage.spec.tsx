import { render, screen, within } from '@testing-library/react';
import type { CaseMetadata } from '@vigie/contracts';
import { AdminContext, type AuthProvider, memoryStore } from 'react-admin';
import { MemoryRouter, Route, Routes } from 'react-router';
import { createI18nProvider } from '../i18n/i18nProvider';
import { createDataProvider } from '../providers/dataProvider';
import { createFetchMock, jsonReply } from '../testing/fakeFetch';
import { theme } from '../theme';
import { CaseMetadataPage } from './CaseMetadataPage';

const fetchMock = createFetchMock();
const CASE_ID = '5e5e5e5e-0000-4000-8000-000000000001';

const metadata: CaseMetadata = {
  id: CASE_ID,
  status: 'actioned',
  categories: ['harassment'],
  createdAt: '2026-11-20T10:00:00.000Z',
  lastActivityAt: '2026-11-21T10:00:00.000Z',
  closedAt: null,
  closeReason: null,
  dataPurgedAt: null,
  legalHold: true,
  appealOfDecisionId: null,
  conversationExternalId: 'c_9',
  messageCount: 4,
  participants: [
    { externalId: 'u_1', displayName: 'Léa M.' },
    { externalId: 'u_2', displayName: 'Marc D.' },
  ],
  reports: [
    { id: 'r1', category: 'harassment', reportedAt: '2026-11-20T10:00:00.000Z', receivedAt: '2026-11-20T10:00:01.000Z', reporterExternalId: 'u_1', reportedExternalId: 'u_2' },
  ],
  decisions: [
    { id: 'd1', action: 'warning', policyClause: 'cgu.4.2-harcelement', state: 'effective', durationDays: null, decidedAt: '2026-11-21T10:00:00.000Z', decidedBy: { id: 's1', name: 'Julie Martin' } },
  ],
  timeline: [
    { at: '2026-11-20T10:00:01.000Z', type: 'case_opened', actor: null },
    { at: '2026-11-21T10:00:00.000Z', type: 'decision', actor: { id: 's1', name: 'Julie Martin' } },
  ],
};

const authProvider: AuthProvider = {
  login: async () => undefined,
  logout: async () => undefined,
  checkAuth: async () => undefined,
  checkError: async () => undefined,
  getIdentity: async () => ({ id: 'staff-dpo', fullName: 'Inès Dubois' }),
  getPermissions: async () => ['dpo'],
};

beforeEach(() => {
  fetchMock.mockReset();
  global.fetch = fetchMock;
});

const renderPage = () =>
  render(
    <MemoryRouter initialEntries={[`/case-metadata/${CASE_ID}`]}>
      <AdminContext dataProvider={createDataProvider()} authProvider={authProvider} i18nProvider={createI18nProvider('fr')} store={memoryStore()} theme={theme}>
        <Routes>
          <Route path="/case-metadata/:id" element={<CaseMetadataPage />} />
        </Routes>
      </AdminContext>
    </MemoryRouter>,
  );

describe('CaseMetadataPage', () => {
  it('reads the case’s metadata and shows what happened, by whom and to which platform ids', async () => {
    fetchMock.mockImplementation(async () => jsonReply(200, metadata));
    renderPage();

    await screen.findByTestId('case-metadata');
    expect(String(fetchMock.mock.calls[0][0])).toBe(`/api/v1/cases/${CASE_ID}/metadata`);
    expect(screen.getByRole('heading', { name: 'Métadonnées du dossier 5e5e5e5e' })).toBeTruthy();
    expect(within(screen.getByTestId('metadata-case')).getByText('Mesure prise')).toBeTruthy();
    expect(within(screen.getByTestId('metadata-reports')).getByText('u_2')).toBeTruthy();
    expect(within(screen.getByTestId('metadata-decisions')).getByText('Avertissement')).toBeTruthy();
    expect(within(screen.getByTestId('metadata-decisions')).getByText('cgu.4.2-harcelement')).toBeTruthy();
    expect(within(screen.getByTestId('metadata-timeline')).getByText('Décision rendue')).toBeTruthy();
    expect(within(screen.getByTestId('metadata-participants')).getByText('Léa M.')).toBeTruthy();
    expect(screen.queryByTestId('case-restricted')).toBeNull();
  });

  it('says, above everything, that a person concerned restricted the processing of their data', async () => {
    fetchMock.mockImplementation(async () => jsonReply(200, { ...metadata, restricted: true }));
    renderPage();
    const banner = await screen.findByTestId('case-restricted');
    expect(banner.textContent).toMatch(/^Traitement limité/);
  });

  it('says when the metadata cannot be read', async () => {
    fetchMock.mockImplementation(async () => jsonReply(404, { statusCode: 404, error: 'Not Found', message: 'No such case.', details: { code: 'case_not_found' } }));
    renderPage();
    expect(await screen.findByText(/Les métadonnées de ce dossier ne sont pas disponibles/)).toBeTruthy();
  });
});
