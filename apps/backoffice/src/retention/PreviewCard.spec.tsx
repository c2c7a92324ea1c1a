import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { setCsrfToken } from '../providers/httpClient';
import { createFetchMock, jsonReply } from '../testing/fakeFetch';
import { renderWithAdmin } from '../testing/renderWithAdmin';
import { requestsOf, routeRetention } from '../testing/fakeRetentionApi';
import { PreviewCard } from './PreviewCard';
import { aPreview, aPreviewCase } from '../testing/retentionFixtures';

const fetchMock = createFetchMock();
const DAY = 24 * 60 * 60_000;
const FIRST = aPreviewCase().caseId;

const words = (element: HTMLElement): string => (element.textContent ?? '').replace(/\s+/g, ' ');
const previewCalls = () => requestsOf(fetchMock).filter(({ path }) => path === '/api/v1/retention/preview');
const holdCalls = () => requestsOf(fetchMock).filter(({ path }) => path.endsWith('/legal-hold'));

beforeEach(() => {
  fetchMock.mockReset();
  global.fetch = fetchMock;
  setCsrfToken('csrf-dpo');
  routeRetention(fetchMock);
});

afterEach(() => setCsrfToken(null));

describe('PreviewCard', () => {
  it('looks 30 days ahead by default and shows the totals, then the cases due soonest first', async () => {
    const asked = Date.now();
    renderWithAdmin(<PreviewCard version={0} onHoldChanged={jest.fn()} />);

    expect(
      await screen.findByRole('heading', { name: 'Ce qui partira dans les 30 prochains jours' }),
    ).toBeTruthy();
    await waitFor(() => expect(previewCalls()).toHaveLength(1));
    const until = Date.parse(previewCalls()[0].search.get('until') ?? '');
    expect(Math.abs(until - (asked + 30 * DAY))).toBeLessThan(60_000);

    const totals = await screen.findByTestId('preview-totals');
    expect(words(within(totals).getByTestId('preview-total-cases'))).toBe('42dossiers');
    expect(words(within(totals).getByTestId('preview-total-messages'))).toBe('1 337messages');
    expect(words(within(totals).getByTestId('preview-total-reports'))).toBe('57signalements');
    const row = screen.getByTestId(`preview-case-${FIRST}`);
    expect(within(row).getByText('0a1b2c3d')).toBeTruthy();
    expect(within(row).getByText('Harcèlement')).toBeTruthy();
    expect(within(row).getByText('Classé sans suite')).toBeTruthy();
    expect(within(row).getByText('1 déc. 2026')).toBeTruthy();
    expect(words(row)).toMatch(/31 msg · 2 sig\./);
    // Only 2 of the 42 cases came back: the card says the list is the first ones.
    expect(screen.getByText(/Les 2 premiers dossiers sur 42/)).toBeTruthy();
  });

  it('looks as far ahead as the DPO chooses', async () => {
    renderWithAdmin(<PreviewCard version={0} onHoldChanged={jest.fn()} />);
    await screen.findByTestId('preview-totals');

    const asked = Date.now();
    fireEvent.click(screen.getByRole('button', { name: '7 jours' }));

    expect(
      await screen.findByRole('heading', { name: 'Ce qui partira dans les 7 prochains jours' }),
    ).toBeTruthy();
    await waitFor(() => expect(previewCalls()).toHaveLength(2));
    const until = Date.parse(previewCalls()[1].search.get('until') ?? '');
    expect(Math.abs(until - (asked + 7 * DAY))).toBeLessThan(60_000);
  });

  it('says when nothing is due in the period', async () => {
    routeRetention(fetchMock, {
      preview: () => jsonReply(200, aPreview({ totals: { cases: 0, messages: 0, reports: 0 }, cases: [] })),
    });
    renderWithAdmin(<PreviewCard version={0} onHoldChanged={jest.fn()} />);

    expect(
      await screen.findByText(/Aucun dossier n'atteindra la fin de sa durée de conservation/),
    ).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('places a legal hold with its reason, refusing a reason too short before sending it', async () => {
    const onHoldChanged = jest.fn();
    renderWithAdmin(<PreviewCard version={0} onHoldChanged={onHoldChanged} />, ['dpo']);
    const row = await screen.findByTestId(`preview-case-${FIRST}`);

    fireEvent.click(within(row).getByRole('button', { name: 'Placer un gel juridique' }));
    const dialog = await screen.findByTestId('legal-hold-dialog');
    expect(words(within(dialog).getByTestId('legal-hold-case'))).toBe('Dossier 0a1b2c3d');

    fireEvent.change(within(dialog).getByTestId('legal-hold-reason'), { target: { value: '  Plainte  ' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Placer le gel' }));

    expect(await within(dialog).findByText('Le motif doit compter au moins 10 caractères.')).toBeTruthy();
    expect(holdCalls()).toEqual([]);

    fireEvent.change(within(dialog).getByTestId('legal-hold-reason'), {
      target: { value: ' Contentieux en cours avec la famille ' },
    });
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'Placer le gel' })));

    expect(await screen.findByText('Gel juridique placé.')).toBeTruthy();
    const [placed] = holdCalls();
    expect(placed.method).toBe('POST');
    expect(placed.path).toBe(`/api/v1/cases/${FIRST}/legal-hold`);
    expect(placed.body).toEqual({ reason: 'Contentieux en cours avec la famille' });
    expect(placed.headers.get('X-CSRF-Token')).toBe('csrf-dpo');
    expect(onHoldChanged).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(screen.queryByTestId('legal-hold-dialog')).toBeNull());
  });

  it("says the API's refusal of a short reason under the field, and keeps the dialog open", async () => {
    routeRetention(fetchMock, {
      placeHold: () =>
        jsonReply(400, {
          statusCode: 400,
          error: 'Bad Request',
          message: 'Invalid body',
          details: [{ field: 'reason', code: 'too_short', message: 'needs at least 10 characters' }],
        }),
    });
    const onHoldChanged = jest.fn();
    renderWithAdmin(<PreviewCard version={0} onHoldChanged={onHoldChanged} />, ['dpo']);
    const row = await screen.findByTestId(`preview-case-${FIRST}`);
    fireEvent.click(within(row).getByRole('button', { name: 'Placer un gel juridique' }));
    const dialog = await screen.findByTestId('legal-hold-dialog');

    fireEvent.change(within(dialog).getByTestId('legal-hold-reason'), {
      target: { value: 'Dix caractères' },
    });
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'Placer le gel' })));

    expect(await within(dialog).findByText('Le motif doit compter au moins 10 caractères.')).toBeTruthy();
    expect(holdCalls()).toHaveLength(1);
    expect(onHoldChanged).not.toHaveBeenCalled();
  });

  it('offers no hold to an admin, whose roles do not manage them', async () => {
    renderWithAdmin(<PreviewCard version={0} onHoldChanged={jest.fn()} />, ['admin']);

    const row = await screen.findByTestId(`preview-case-${FIRST}`);
    expect(within(row).getByText('0a1b2c3d')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Placer un gel juridique' })).toBeNull();
  });
});
