import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { AccessLogEntry } from '@vigie/contracts';
import { createFetchMock, jsonReply } from '../testing/fakeFetch';
import { RegisterList } from './RegisterList';
import { anEntry } from '../testing/registerFixtures';
import { renderWithAdmin } from '../testing/renderWithAdmin';

const fetchMock = createFetchMock();

const read = anEntry();
const granted = anEntry({
  sequence: 4511,
  at: '2026-11-26T09:29:40.000Z',
  outcome: 'granted',
  scope: { kind: 'full', messageCount: 42 },
  staff: { id: 'st-lead', name: 'Jules Martin', roles: ['moderator', 'lead'] },
});
const denied = anEntry({
  sequence: 4510,
  outcome: 'denied',
  reason: 'justification_too_short',
  scope: null,
  grantId: null,
  justification: 'vu',
});
const revoked = anEntry({
  sequence: 4509,
  outcome: 'denied',
  reason: 'grant_revoked:reassigned',
  scope: null,
  justification: null,
});
const erased = anEntry({
  sequence: 12,
  at: '2023-01-05T08:00:00.000Z',
  outcome: 'granted',
  justification: null,
  ip: null,
  userAgent: null,
  erasedAt: '2026-01-05T03:00:00.000Z',
});

const staffAccounts = [
  { id: '2b4c6d8e-0000-4000-8000-000000000001', name: 'Camille Moreau', email: 'camille@vigie.test' },
  { id: 'st-lead', name: 'Jules Martin', email: 'jules@vigie.test' },
];

const urlOf = (input: RequestInfo | URL) => new URL(String(input), 'http://vigie.test');

/** The queries the list sent to the register, latest last. */
const registerQueries = () =>
  fetchMock.mock.calls
    .map(([input]) => urlOf(input))
    .filter((url) => url.pathname === '/api/v1/audit/access-log')
    .map((url) => url.searchParams);

let entries: AccessLogEntry[] = [read, granted, denied, erased];

beforeEach(() => {
  entries = [read, granted, denied, erased];
  fetchMock.mockReset();
  global.fetch = fetchMock;
  fetchMock.mockImplementation(async (input) => {
    const url = urlOf(input);
    if (url.pathname === '/api/v1/audit/staff') return jsonReply(200, { data: staffAccounts });
    if (url.pathname === '/api/v1/audit/access-log') {
      const outcome = url.searchParams.get('outcome');
      const data = outcome ? entries.filter((entry) => entry.outcome === outcome) : entries;
      return jsonReply(200, { data, total: data.length });
    }
    return jsonReply(404, { statusCode: 404, error: 'Not Found', message: 'No route' });
  });
});

const sequenceCell = (sequence: number): HTMLElement | null =>
  document.querySelector<HTMLElement>(`[data-sequence="${sequence}"]`);

const findSequence = (sequence: number): Promise<HTMLElement> =>
  waitFor(() => {
    const cell = sequenceCell(sequence);
    if (!cell) throw new Error(`Entry ${sequence} is not shown`);
    return cell;
  });

const rowOf = (sequence: number): HTMLElement => {
  const row = sequenceCell(sequence)?.closest('tr');
  if (!row) throw new Error(`No row for entry ${sequence}`);
  return row;
};

describe('RegisterList', () => {
  it('says why a grant was withdrawn', async () => {
    entries = [revoked];
    renderWithAdmin(<RegisterList />);
    await findSequence(4509);
    expect(within(rowOf(4509)).getByText('Refusé : autorisation retirée (dossier réassigné)')).toBeTruthy();
  });

  it('asks for the newest entries first and shows each outcome, scope and justification in words', async () => {
    renderWithAdmin(<RegisterList />);

    // Numbered as French reads numbers, the same way the integrity check names them.
    expect((await findSequence(4512)).textContent?.replace(/\s/g, ' ')).toBe('4 512');
    expect(within(rowOf(4512)).getByText('Lecture : 7 messages')).toBeTruthy();
    expect(within(rowOf(4512)).getByText('Contexte')).toBeTruthy();
    expect(within(rowOf(4512)).getByText('Modération')).toBeTruthy();
    expect(within(rowOf(4511)).getByText('Accès accordé')).toBeTruthy();
    expect(within(rowOf(4511)).getByText('Conversation entière')).toBeTruthy();
    expect(within(rowOf(4511)).getByText('Responsable modération')).toBeTruthy();
    expect(within(rowOf(4510)).getByText('Refusé : justification trop courte')).toBeTruthy();
    expect(within(rowOf(12)).getByText('Effacée par la conservation')).toBeTruthy();
    expect(within(rowOf(4512)).getByText(read.justification ?? '')).toBeTruthy();
    // To the second, in French order; the hour depends on the machine's time zone.
    const time = rowOf(4512).querySelector('time');
    expect(time?.getAttribute('datetime')).toBe(read.at);
    expect(time?.textContent).toMatch(/^26\/11\/2026 \d{2}:30:12$/);
    expect(screen.getByTestId('register-total').textContent).toBe('4 entrées');

    const [query] = registerQueries();
    expect(query.get('sort')).toBe('sequence');
    expect(query.get('order')).toBe('DESC');
    expect(query.get('perPage')).toBe('25');
    // The API refuses unknown query parameters: nothing but the page, the order and filters.
    expect([...query.keys()].sort()).toEqual(['order', 'page', 'perPage', 'sort']);
  });

  it('opens an entry on click: its reports, subjects, network details and hash, never a message', async () => {
    renderWithAdmin(<RegisterList />);

    fireEvent.click(await findSequence(4512));

    const detail = await screen.findByTestId('entry-detail-4512');
    expect(within(detail).getByText(read.reportIds[0])).toBeTruthy();
    expect(within(detail).getByText('Paul V.')).toBeTruthy();
    expect(within(detail).getByText('u_paul')).toBeTruthy();
    expect(within(detail).getByText('203.0.113.7')).toBeTruthy();
    expect(within(detail).getByText(read.userAgent ?? '')).toBeTruthy();
    expect(within(detail).getByText('req-4512')).toBeTruthy();
    expect(within(detail).getByText(read.grantId ?? '')).toBeTruthy();
    expect(within(detail).getByText(read.hash)).toBeTruthy();
    // Codes in words, the code itself beside.
    expect(within(detail).getByText('Intérêt légitime (RGPD, art. 6.1.f)')).toBeTruthy();
    expect(within(detail).getByText('GDPR-6-1-f')).toBeTruthy();
    expect(within(detail).getByText('Examen des signalements')).toBeTruthy();
    expect(within(detail).getByText(read.justification ?? '')).toBeTruthy();
  });

  it('says which personal fields retention erased in the detail of an erased entry', async () => {
    renderWithAdmin(<RegisterList />);

    fireEvent.click(await findSequence(12));

    const detail = await screen.findByTestId('entry-detail-12');
    expect(within(detail).getAllByText('Effacé')).toHaveLength(2);
    expect(within(detail).getByText('Champs personnels effacés le')).toBeTruthy();
    expect(within(detail).queryByText('203.0.113.7')).toBeNull();
  });

  it('sends the outcome and staff filters the DPO picks as the API names them', async () => {
    renderWithAdmin(<RegisterList />);
    await findSequence(4512);

    fireEvent.mouseDown(screen.getByRole('combobox', { name: 'Résultat' }));
    fireEvent.click(await screen.findByRole('option', { name: 'Refusé' }));

    await waitFor(() => expect(registerQueries().at(-1)?.get('outcome')).toBe('denied'));
    await waitFor(() => expect(sequenceCell(4512)).toBeNull());
    expect(sequenceCell(4510)).toBeTruthy();

    fireEvent.mouseDown(screen.getByRole('combobox', { name: 'Membre du personnel' }));
    fireEvent.click(await screen.findByRole('option', { name: /Jules Martin/ }));

    await waitFor(() => expect(registerQueries().at(-1)?.get('staffId')).toBe('st-lead'));
    expect(registerQueries().at(-1)?.get('outcome')).toBe('denied');
    expect(registerQueries().at(-1)?.get('sort')).toBe('sequence');
  });

  it('sends the subject and a whole case id, but holds back a partial case id the API would refuse', async () => {
    renderWithAdmin(<RegisterList />);
    await findSequence(4512);

    fireEvent.change(screen.getByRole('textbox', { name: 'Personne concernée (identifiant)' }), {
      target: { value: 'u_paul' },
    });
    await waitFor(() => expect(registerQueries().at(-1)?.get('subject')).toBe('u_paul'));

    const caseInput = screen.getByRole('textbox', { name: 'Dossier (identifiant)' });
    fireEvent.change(caseInput, { target: { value: '6f1b1c1e' } });
    expect(await screen.findByText('Saisissez un identifiant de dossier complet (UUID).')).toBeTruthy();
    const sentBefore = registerQueries().length;
    await act(() => new Promise((resolve) => setTimeout(resolve, 700)));
    expect(
      registerQueries()
        .slice(sentBefore)
        .some((query) => query.has('caseId')),
    ).toBe(false);

    fireEvent.change(caseInput, { target: { value: ` ${read.caseId} ` } });
    await waitFor(() => expect(registerQueries().at(-1)?.get('caseId')).toBe(read.caseId));
    expect(registerQueries().at(-1)?.get('subject')).toBe('u_paul');
  });

  it('narrows the register to a case from its row', async () => {
    renderWithAdmin(<RegisterList />);
    await findSequence(4512);

    fireEvent.click(within(rowOf(4512)).getByRole('button', { name: 'Voir les entrées de ce dossier' }));

    await waitFor(() => expect(registerQueries().at(-1)?.get('caseId')).toBe(read.caseId));
    // The filter applies without opening the row's detail.
    expect(screen.queryByTestId('entry-detail-4512')).toBeNull();
  });

  it("links the case to the DPO's view of its metadata, never to the case page", async () => {
    renderWithAdmin(<RegisterList />, ['dpo']);
    await findSequence(4512);
    const link = await waitFor(() => within(rowOf(4512)).getByRole('link', { name: new RegExp(read.caseId ?? '') }));
    expect(link.getAttribute('href')).toBe(`/case-metadata/${read.caseId}`);
  });

  it('links no case for an admin, who may open neither the case nor its metadata', async () => {
    renderWithAdmin(<RegisterList />, ['admin']);
    await findSequence(4512);
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(within(rowOf(4512)).queryByRole('link')).toBeNull();
  });

  it("shows the platform's conversation id, the people's platform ids and each report's category and date", async () => {
    renderWithAdmin(<RegisterList />);
    await findSequence(4512);
    const row = rowOf(4512);
    expect(within(row).getByText('c_20931')).toBeTruthy();
    expect(within(row).getByText('u_paul')).toBeTruthy();
    const reports = within(row).getByTestId('reports-cell');
    expect(reports.textContent).toContain('Menaces ou violence');
    expect(reports.textContent).toMatch(/26\/11\/2026 \d{2}:55/);
  });

  it('narrows the register to a conversation from its row, by its platform id', async () => {
    renderWithAdmin(<RegisterList />);
    await findSequence(4512);

    fireEvent.click(within(rowOf(4512)).getByRole('button', { name: 'Voir les entrées de cette conversation' }));

    await waitFor(() => expect(registerQueries().at(-1)?.get('conversation')).toBe('c_20931'));
    expect((screen.getByRole('textbox', { name: 'Conversation (identifiant)' }) as HTMLInputElement).value).toBe('c_20931');
  });

  it('jumps to an entry by its number, and sends nothing the API would refuse', async () => {
    renderWithAdmin(<RegisterList />);
    await findSequence(4512);
    const input = screen.getByRole('spinbutton', { name: "Aller à l'entrée n°" });

    fireEvent.change(input, { target: { value: '4510' } });
    await waitFor(() => expect(registerQueries().at(-1)?.get('sequence')).toBe('4510'));

    fireEvent.change(input, { target: { value: '-3' } });
    await waitFor(() => expect(registerQueries().at(-1)?.has('sequence')).toBe(false));
  });

  it('reads well when the register is empty', async () => {
    entries = [];
    renderWithAdmin(<RegisterList />);

    expect(await screen.findByText('Le registre est encore vide')).toBeTruthy();
    expect(screen.getByText(/Chaque demande d'ouverture, accordée ou refusée/)).toBeTruthy();
  });
});
