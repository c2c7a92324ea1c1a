import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { SubjectReport } from '@vigie/contracts';
import { createFetchMock, jsonReply } from '../testing/fakeFetch';
import { renderWithAdmin } from '../testing/renderWithAdmin';
import { SubjectsPage } from './SubjectsPage';

const fetchMock = createFetchMock();
const words = (element: HTMLElement): string => (element.textContent ?? '').replace(/\s+/g, ' ');

const CASE_A = '7c1d0f3e-1111-4000-8000-000000000001';
const CASE_B = '7c1d0f3e-2222-4000-8000-000000000002';

const report: SubjectReport = {
  subject: { externalId: 'u_zoe_42', displayName: 'Zoë Élise', kind: 'explorer' },
  cases: [
    { caseId: CASE_A, roles: ['reporter'], status: 'in_review', openedAt: '2026-11-20T09:00:00.000Z', lastActivityAt: '2026-11-21T09:00:00.000Z', categories: ['harassment'], otherParticipants: 2, dataPurgedAt: null },
    { caseId: CASE_B, roles: ['reported'], status: 'dismissed', openedAt: '2026-11-22T09:00:00.000Z', lastActivityAt: '2026-11-22T10:00:00.000Z', categories: ['spam_scam'], otherParticipants: 1, dataPurgedAt: null },
  ],
  accesses: [
    { sequence: 12, at: '2026-11-20T10:15:00.000Z', caseId: CASE_A, outcome: 'granted', reason: null, purpose: 'moderation.report-review', legalBasis: 'GDPR-6-1-f', liaVersion: null, scope: { kind: 'context', messageCount: 7, ownMessageCount: null }, roles: ['reporter'], staffRole: 'moderator', staffId: 's1', staffName: 'Karim Modo' },
    { sequence: 13, at: '2026-11-20T10:16:00.000Z', caseId: CASE_A, outcome: 'read', reason: null, purpose: 'moderation.report-review', legalBasis: 'GDPR-6-1-f', liaVersion: null, scope: { kind: 'context', messageCount: 7, ownMessageCount: 3 }, roles: ['reporter'], staffRole: 'moderator', staffId: 's1', staffName: 'Karim Modo' },
    { sequence: 20, at: '2026-11-22T11:00:00.000Z', caseId: CASE_B, outcome: 'denied', reason: 'not_assignee', purpose: 'moderation.report-review', legalBasis: 'GDPR-6-1-f', liaVersion: null, scope: null, roles: ['reported'], staffRole: 'lead', staffId: 's2', staffName: 'Léa Lead' },
  ],
  generatedAt: '2026-12-05T11:00:00.000Z',
};

const urls = () => fetchMock.mock.calls.map(([input]) => String(input));

beforeEach(() => {
  fetchMock.mockReset();
  global.fetch = fetchMock;
  fetchMock.mockImplementation(async (input) => {
    const url = new URL(String(input), 'http://vigie.test');
    if (url.pathname === '/api/v1/audit/subjects') {
      const q = url.searchParams.get('q') ?? '';
      return q === 'zoe'
        ? jsonReply(200, { data: [{ externalId: 'u_zoe_42', displayName: 'Zoë Élise', casesAsReporter: 1, casesAsReported: 1 }], total: 1 })
        : jsonReply(200, { data: [], total: 0 });
    }
    if (url.pathname === '/api/v1/audit/subjects/u_zoe_42/report') return jsonReply(200, report);
    return jsonReply(404, { statusCode: 404, error: 'Not Found', message: 'No such route' });
  });
});

const search = (q: string) => {
  fireEvent.change(screen.getByTestId('subjects-search-input'), { target: { value: q } });
  fireEvent.click(screen.getByRole('button', { name: 'Rechercher' }));
};

describe('the Personnes screen', () => {
  it('finds a person by what was typed and shows how many cases they reported or were reported in', async () => {
    renderWithAdmin(<SubjectsPage />);
    expect(await screen.findByRole('heading', { name: 'Personnes', level: 1 })).toBeTruthy();
    search('zoe');

    const row = await screen.findByTestId('subject-u_zoe_42');
    expect(words(row)).toBe('u_zoe_42Zoë Élise11');
    expect(screen.getByText('1 personne trouvée')).toBeTruthy();
    expect(urls()).toContain('/api/v1/audit/subjects?q=zoe&page=1&perPage=10');
  });

  it('says when nobody matches', async () => {
    renderWithAdmin(<SubjectsPage />);
    search('personne');
    expect(words(await screen.findByTestId('subjects-none'))).toBe('Personne ne correspond à « personne ».');
  });

  it("opens the person's report: their cases, every access in a readable table, in French", async () => {
    renderWithAdmin(<SubjectsPage />);
    search('zoe');
    fireEvent.click(await screen.findByRole('button', { name: 'Voir le relevé de Zoë Élise' }));

    const card = await screen.findByTestId('subject-report');
    expect(await within(card).findByRole('heading', { name: 'Relevé de Zoë Élise' })).toBeTruthy();
    const caseRow = within(card).getByTestId(`subject-case-${CASE_A}`);
    expect(words(caseRow)).toMatch(/A signalé/);
    expect(words(caseRow)).toMatch(/Harcèlement/);
    expect(within(caseRow).getByRole('link').getAttribute('href')).toBe(`/case-metadata/${CASE_A}`);

    const read = within(card).getByTestId('subject-access-13');
    expect(words(read)).toMatch(/Lu/);
    expect(words(read)).toMatch(/Contexte : 7 messages, dont 3 de la personne/);
    expect(words(read)).toMatch(/Examen d’un signalement \(modération\)/);
    expect(words(read)).toMatch(/Intérêt légitime \(RGPD 6-1-f\)/);
    expect(words(read)).toMatch(/Karim Modo/);
    const denied = within(card).getByTestId('subject-access-20');
    expect(words(denied)).toMatch(/Refusé/);
    expect(words(denied)).toMatch(/Responsable modération/);
    expect(within(card).getByText(/3 accès/)).toBeTruthy();
  });

  it('downloads the PDF in the language chosen, with staff names only when the toggle says so, and the CSV', async () => {
    renderWithAdmin(<SubjectsPage />);
    search('zoe');
    fireEvent.click(await screen.findByRole('button', { name: 'Voir le relevé de Zoë Élise' }));
    const pdf = await screen.findByTestId('subject-download-pdf');
    const csv = screen.getByTestId('subject-download-csv');
    expect(pdf.getAttribute('href')).toBe('/api/v1/audit/subjects/u_zoe_42/report?format=pdf&lang=fr&includeStaff=false');
    expect(csv.getAttribute('href')).toBe('/api/v1/audit/subjects/u_zoe_42/report?format=csv&includeStaff=false');

    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    fireEvent.click(screen.getByRole('switch', { name: 'Nommer les membres du personnel' }));
    await waitFor(() =>
      expect(screen.getByTestId('subject-download-pdf').getAttribute('href')).toBe(
        '/api/v1/audit/subjects/u_zoe_42/report?format=pdf&lang=en&includeStaff=true',
      ),
    );
    expect(screen.getByTestId('subject-download-csv').getAttribute('href')).toBe(
      '/api/v1/audit/subjects/u_zoe_42/report?format=csv&includeStaff=true',
    );
  });

  it('says why a report cannot be shown rather than an empty one', async () => {
    fetchMock.mockImplementation(async (input) =>
      String(input).includes('/report')
        ? jsonReply(404, { statusCode: 404, error: 'Not Found', message: 'No platform user', details: { code: 'subject_not_found' } })
        : jsonReply(200, { data: [{ externalId: 'u_zoe_42', displayName: null, casesAsReporter: 0, casesAsReported: 0 }], total: 1 }),
    );
    renderWithAdmin(<SubjectsPage />);
    search('zoe');
    fireEvent.click(await screen.findByRole('button', { name: 'Voir le relevé de (sans nom)' }));
    expect(await screen.findByText(/Impossible d’afficher ceci/)).toBeTruthy();
  });
});
