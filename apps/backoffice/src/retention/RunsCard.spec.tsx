import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { createFetchMock, jsonReply } from '../testing/fakeFetch';
import { renderWithAdmin } from '../testing/renderWithAdmin';
import { requestsOf, routeRetention } from '../testing/fakeRetentionApi';
import { aRun, someCounts } from '../testing/retentionFixtures';
import { RunsCard } from './RunsCard';

const fetchMock = createFetchMock();
const words = (element: HTMLElement): string => (element.textContent ?? '').replace(/\s+/g, ' ');

const real = aRun();
const dry = aRun({
  id: '5a5a5a5a-0000-4000-8000-000000000002',
  dryRun: true,
  trigger: 'schedule',
  startedBy: null,
  startedAt: '2026-11-25T02:00:00.000Z',
  finishedAt: '2026-11-25T02:00:42.000Z',
  counts: someCounts({ casesPurged: 4, messagesErased: 80 }),
});
const failed = aRun({
  id: '5a5a5a5a-0000-4000-8000-000000000003',
  status: 'failed',
  trigger: 'cli',
  startedBy: null,
  startedAt: '2026-11-24T02:00:00.000Z',
  finishedAt: '2026-11-24T02:00:03.000Z',
  counts: someCounts({ casesPurged: 1, casesClosed: 1 }),
  error: 'deadlock detected while erasing batch 2',
});

beforeEach(() => {
  fetchMock.mockReset();
  global.fetch = fetchMock;
});

describe('RunsCard', () => {
  it('lists the runs newest first with their kind, status, duration and what each erased', async () => {
    routeRetention(fetchMock, { runs: () => jsonReply(200, { data: [real, dry, failed], total: 3 }) });
    renderWithAdmin(<RunsCard version={0} />);

    const realRow = await screen.findByTestId(`run-${real.id}`);
    expect(within(realRow).getByText('Effacement')).toBeTruthy();
    expect(within(realRow).getByText('Manuelle · Inès Dubois')).toBeTruthy();
    expect(within(realRow).getByText('Terminée')).toBeTruthy();
    expect(words(realRow)).toMatch(/3 min 5 s/);
    expect(words(within(realRow).getByTestId('run-cases'))).toBe('3 / 12');
    expect(words(realRow)).toMatch(/340/);
    expect(realRow.querySelectorAll('td')[8]?.textContent).toBe('4');

    const dryRow = screen.getByTestId(`run-${dry.id}`);
    expect(within(dryRow).getByText('Simulation')).toBeTruthy();
    expect(within(dryRow).getByText('Planifiée')).toBeTruthy();
    expect(within(dryRow).getByTestId('run-cases').getAttribute('title')).toMatch(/Rien n'a été modifié/);

    const failedRow = screen.getByTestId(`run-${failed.id}`);
    expect(within(failedRow).getByText('Échec')).toBeTruthy();
    expect(within(failedRow).getByText('Ligne de commande')).toBeTruthy();
    expect(words(within(failedRow).getByTestId('run-error'))).toBe('deadlock detected while erasing batch 2');
    expect(within(realRow).queryByTestId('run-error')).toBeNull();

    const query = requestsOf(fetchMock).find(({ path }) => path === '/api/v1/retention/runs')?.search;
    expect([query?.get('page'), query?.get('perPage')]).toEqual(['1', '10']);
    expect(words(screen.getByTestId('runs-total'))).toBe('3 passes');
  });

  it('pages through a long history', async () => {
    routeRetention(fetchMock, {
      runs: (page) =>
        jsonReply(200, {
          data: [aRun({ id: `run-page-${page}` })],
          total: 25,
        }),
    });
    renderWithAdmin(<RunsCard version={0} />);
    await screen.findByTestId('run-run-page-1');

    fireEvent.click(screen.getByRole('button', { name: 'Page suivante' }));

    expect(await screen.findByTestId('run-run-page-2')).toBeTruthy();
    await waitFor(() =>
      expect(
        requestsOf(fetchMock)
          .filter(({ path }) => path === '/api/v1/retention/runs')
          .map(({ search }) => search.get('page')),
      ).toEqual(['1', '2']),
    );
    expect(screen.getByText('11–20 sur 25')).toBeTruthy();
  });

  it('says when no run took place yet', async () => {
    routeRetention(fetchMock, { runs: () => jsonReply(200, { data: [], total: 0 }) });
    renderWithAdmin(<RunsCard version={0} />);

    expect(await screen.findByText("Aucune passe pour l'instant.")).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });
});
