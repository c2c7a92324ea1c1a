import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { RetentionRun } from '@vigie/contracts';
import { setCsrfToken } from '../providers/httpClient';
import { createFetchMock, jsonReply } from '../testing/fakeFetch';
import { renderWithAdmin } from '../testing/renderWithAdmin';
import { conflict, requestsOf, routeRetention } from '../testing/fakeRetentionApi';
import { aPolicy, aPreview, aRun, someCounts } from '../testing/retentionFixtures';
import { RunControlCard } from './RunControlCard';

const fetchMock = createFetchMock();
const RUN_ID = '6b6b6b6b-0000-4000-8000-000000000009';

const words = (element: HTMLElement): string => (element.textContent ?? '').replace(/\s+/g, ' ');
const starts = () =>
  requestsOf(fetchMock).filter(({ method, path }) => method === 'POST' && path === '/api/v1/retention/runs');
const polls = () => requestsOf(fetchMock).filter(({ path }) => path === `/api/v1/retention/runs/${RUN_ID}`);

const running = (overrides: Partial<RetentionRun> = {}): RetentionRun =>
  aRun({
    id: RUN_ID,
    status: 'running',
    finishedAt: null,
    casesDue: 120,
    counts: someCounts(),
    ...overrides,
  });

const renderCard = (onRunsChanged = jest.fn()) =>
  renderWithAdmin(<RunControlCard policy={aPolicy()} onRunsChanged={onRunsChanged} pollInterval={10} />);

beforeEach(() => {
  fetchMock.mockReset();
  global.fetch = fetchMock;
  setCsrfToken('csrf-dpo');
});

afterEach(() => setCsrfToken(null));

describe('RunControlCard', () => {
  it('simulates a run: posts dryRun true, follows its progress, then shows what a run would erase', async () => {
    let finish: (response: Response) => void = () => undefined;
    const answers: (() => Response | Promise<Response>)[] = [
      () =>
        jsonReply(
          200,
          running({
            dryRun: true,
            batches: 1,
            counts: someCounts({ casesPurged: 60, messagesErased: 1500 }),
          }),
        ),
      () => new Promise<Response>((resolve) => (finish = resolve)),
    ];
    routeRetention(fetchMock, {
      startRun: () => jsonReply(202, running({ dryRun: true })),
      run: () => (answers.shift() ?? answers[0])(),
    });
    const onRunsChanged = jest.fn();
    renderCard(onRunsChanged);

    // The last run, before anything is started.
    expect(await screen.findByText(/Dernière passe : 26 novembre 2026/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Simuler une passe' }));

    const progress = await screen.findByTestId('run-progress');
    await waitFor(() => expect(words(progress)).toMatch(/60 dossiers traités sur 120/));
    expect(words(progress)).toMatch(/Simulation en cours/);
    expect(
      screen.getByRole('progressbar', { name: 'Avancement de la passe' }).getAttribute('aria-valuenow'),
    ).toBe('50');
    expect(words(within(progress).getByTestId('run-count-messages'))).toBe('1 500messages effacés');
    expect((screen.getByRole('button', { name: 'Simuler une passe' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
    expect(starts().map(({ body }) => body)).toEqual([{ dryRun: true }]);
    expect(starts()[0].headers.get('X-CSRF-Token')).toBe('csrf-dpo');

    // The next reading is on its way; its answer says the run is over.
    await waitFor(() => expect(polls()).toHaveLength(2));
    await act(async () =>
      finish(
        jsonReply(
          200,
          aRun({
            id: RUN_ID,
            dryRun: true,
            casesDue: 120,
            counts: someCounts({
              casesPurged: 120,
              casesClosed: 7,
              messagesErased: 3400,
              notesErased: 9,
              usersPseudonymised: 95,
              journalEntriesErased: 31,
            }),
          }),
        ),
      ),
    );

    const result = await screen.findByTestId('run-result');
    expect(words(result)).toMatch(/Simulation terminée : rien n'a été modifié/);
    expect(words(within(result).getByTestId('run-count-cases'))).toBe('120dossiers à effacerdont 7 à clore');
    expect(words(within(result).getByTestId('run-count-messages'))).toBe('3 400messages effacés');
    expect(words(within(result).getByTestId('run-count-users'))).toBe('95utilisateurs pseudonymisés');
    expect(words(within(result).getByTestId('run-count-notes'))).toBe('9notes internes effacées');
    expect(words(within(result).getByTestId('run-count-journal'))).toBe('31entrées du journal du personnel effacées');
    expect(screen.queryByTestId('run-progress')).toBeNull();
    expect((screen.getByRole('button', { name: 'Simuler une passe' }) as HTMLButtonElement).disabled).toBe(
      false,
    );
    // Once when the run started, once when it ended: the page reads the history again each time.
    expect(onRunsChanged).toHaveBeenCalledTimes(2);
    expect(polls()).toHaveLength(2);
  });

  it('asks for confirmation, saying what will be erased, before a real run', async () => {
    routeRetention(fetchMock, {
      preview: () =>
        jsonReply(
          200,
          aPreview({ cutoff: '2023-11-25T10:00:00.000Z', totals: { cases: 12, messages: 340, reports: 15 } }),
        ),
      startRun: () => jsonReply(202, running()),
      run: () => jsonReply(200, running({ counts: someCounts({ casesPurged: 30 }) })),
    });
    renderCard();
    await screen.findByText(/Dernière passe/);

    fireEvent.click(screen.getByRole('button', { name: 'Lancer une passe maintenant' }));

    const dialog = await screen.findByTestId('confirm-run-dialog');
    expect(words(await within(dialog).findByTestId('confirm-run-count'))).toBe(
      "Aujourd'hui, cela concerne 12 dossiers, 340 messages et 15 signalements.",
    );
    expect(within(dialog).getByText(/dernière activité est antérieure au 25 novembre 2023/)).toBeTruthy();
    expect(within(dialog).getByText('le contenu de leurs messages ;')).toBeTruthy();
    expect(within(dialog).getByText(/Cette opération est irréversible/)).toBeTruthy();
    // The count is what is due now: the preview is asked up to this instant.
    const previewed = requestsOf(fetchMock).find(({ path }) => path === '/api/v1/retention/preview');
    expect(Math.abs(Date.parse(previewed?.search.get('until') ?? '') - Date.now())).toBeLessThan(60_000);
    expect(starts()).toEqual([]);

    await act(async () =>
      fireEvent.click(within(dialog).getByRole('button', { name: 'Effacer définitivement' })),
    );

    await waitFor(() => expect(starts().map(({ body }) => body)).toEqual([{ dryRun: false }]));
    expect(words(await screen.findByTestId('run-progress'))).toMatch(/Passe en cours : effacement/);
    expect(screen.queryByTestId('confirm-run-dialog')).toBeNull();
  });

  it('starts nothing when the confirmation is cancelled', async () => {
    routeRetention(fetchMock);
    renderCard();
    await screen.findByText(/Dernière passe/);

    fireEvent.click(screen.getByRole('button', { name: 'Lancer une passe maintenant' }));
    const dialog = await screen.findByTestId('confirm-run-dialog');
    await within(dialog).findByTestId('confirm-run-count');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Annuler' }));

    await waitFor(() => expect(screen.queryByTestId('confirm-run-dialog')).toBeNull());
    expect(starts()).toEqual([]);
    expect(screen.queryByTestId('run-progress')).toBeNull();
  });

  it('says a run is already going when the API answers 409, and follows that run', async () => {
    const history = [aRun(), running({ trigger: 'schedule', startedBy: null })];
    routeRetention(fetchMock, {
      // The first look finds the last run finished; by the time the DPO clicks, the schedule's has started.
      runs: () => jsonReply(200, { data: [history.length > 1 ? history.shift() : history[0]], total: 2 }),
      startRun: () => conflict('retention_running'),
      run: () => jsonReply(200, running({ counts: someCounts({ casesPurged: 90 }) })),
    });
    renderCard();
    await screen.findByText(/Dernière passe/);

    fireEvent.click(screen.getByRole('button', { name: 'Simuler une passe' }));

    expect(await screen.findByText(/Une passe est déjà en cours/)).toBeTruthy();
    await waitFor(() =>
      expect(words(screen.getByTestId('run-progress'))).toMatch(/90 dossiers traités sur 120/),
    );
    expect(
      (screen.getByRole('button', { name: 'Lancer une passe maintenant' }) as HTMLButtonElement).disabled,
    ).toBe(true);
  });

  it('follows a run already going when the card opens', async () => {
    routeRetention(fetchMock, {
      runs: () => jsonReply(200, { data: [running({ counts: someCounts({ casesPurged: 12 }) })], total: 1 }),
      run: () => jsonReply(200, running({ counts: someCounts({ casesPurged: 12 }) })),
    });
    renderCard();

    expect(words(await screen.findByTestId('run-progress'))).toMatch(/12 dossiers traités sur 120/);
    expect((screen.getByRole('button', { name: 'Simuler une passe' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
  });

  it('says why a run could not start', async () => {
    routeRetention(fetchMock, {
      startRun: () =>
        jsonReply(403, { statusCode: 403, error: 'Forbidden', message: 'No', details: { code: 'role' } }),
    });
    renderCard();
    await screen.findByText(/Dernière passe/);

    fireEvent.click(screen.getByRole('button', { name: 'Simuler une passe' }));

    expect(
      await screen.findByText("La passe n'a pas pu démarrer : Vos rôles ne permettent pas cette action."),
    ).toBeTruthy();
    expect(screen.queryByTestId('run-progress')).toBeNull();
  });
});
