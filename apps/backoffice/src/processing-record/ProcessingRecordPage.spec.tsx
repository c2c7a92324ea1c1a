import { screen, within } from '@testing-library/react';
import type { ProcessingRecord } from '@vigie/contracts';
import { createFetchMock, jsonReply } from '../testing/fakeFetch';
import { renderWithAdmin } from '../testing/renderWithAdmin';
import { ProcessingRecordPage } from './ProcessingRecordPage';

const fetchMock = createFetchMock();

const record: ProcessingRecord = {
  generatedAt: '2026-12-05T11:00:00.000Z',
  language: 'fr',
  controller: { name: 'Entraide Exemple SAS', contact: 'contact@example.org' },
  dpo: { contact: 'dpo@example.org' },
  legalBasis: 'GDPR-6-1-f',
  purposes: ['moderation.report-review'],
  retentionPeriod: 'P3Y',
  platformWebhookUrl: null,
  lia: { version: 1, effectiveFrom: '2026-11-01T00:00:00.000Z', digest: 'ab'.repeat(32) },
  sections: [
    { id: 'controller', title: 'Responsable du traitement', items: ['Entraide Exemple SAS — contact@example.org', 'Délégué à la protection des données : dpo@example.org'] },
    { id: 'retention', title: 'Durées de conservation', items: ["3 ans après la dernière activité d'un dossier (RETENTION_PERIOD = P3Y), sauf gel judiciaire."] },
    { id: 'transfers', title: "Transferts hors de l'Union européenne", items: ['Aucun.'] },
  ],
};

beforeEach(() => {
  fetchMock.mockReset();
  global.fetch = fetchMock;
});

describe('the record of processing screen', () => {
  it('shows the record the API wrote, in the screen language, with its PDF in either language', async () => {
    fetchMock.mockImplementation(async () => jsonReply(200, record));
    renderWithAdmin(<ProcessingRecordPage />);

    expect(await screen.findByRole('heading', { name: 'Entraide Exemple SAS' })).toBeTruthy();
    expect(String(fetchMock.mock.calls[0][0])).toBe('/api/v1/audit/processing-record?lang=fr');
    const retention = screen.getByTestId('processing-record-retention');
    expect(within(retention).getByRole('heading', { name: 'Durées de conservation' })).toBeTruthy();
    expect(within(retention).getByText(/3 ans après la dernière activité/)).toBeTruthy();
    expect(within(screen.getByTestId('processing-record-controller')).getByText(/dpo@example.org/)).toBeTruthy();
    expect(screen.getByTestId('processing-record-pdf-fr').getAttribute('href')).toBe('/api/v1/audit/processing-record?format=pdf&lang=fr');
    expect(screen.getByTestId('processing-record-pdf-en').getAttribute('href')).toBe('/api/v1/audit/processing-record?format=pdf&lang=en');
  });

  it('says why the record cannot be shown', async () => {
    fetchMock.mockImplementation(async () => jsonReply(403, { statusCode: 403, error: 'Forbidden', message: 'Your roles do not allow this.', details: { code: 'role' } }));
    renderWithAdmin(<ProcessingRecordPage />, ['moderator']);
    expect(await screen.findByText(/Impossible d’afficher le registre/)).toBeTruthy();
  });
});
