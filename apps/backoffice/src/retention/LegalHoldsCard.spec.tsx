import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { setCsrfToken } from '../providers/httpClient';
import { createFetchMock, jsonReply } from '../testing/fakeFetch';
import { renderWithAdmin } from '../testing/renderWithAdmin';
import { conflict, requestsOf, routeRetention } from '../testing/fakeRetentionApi';
import { LegalHoldsCard } from './LegalHoldsCard';
import { aLegalHold } from '../testing/retentionFixtures';

const fetchMock = createFetchMock();
const HELD = aLegalHold().caseId;

const words = (element: HTMLElement): string => (element.textContent ?? '').replace(/\s+/g, ' ');
const holdCalls = () => requestsOf(fetchMock).filter(({ path }) => path.endsWith('/legal-hold'));

beforeEach(() => {
  fetchMock.mockReset();
  global.fetch = fetchMock;
  setCsrfToken('csrf-dpo');
  routeRetention(fetchMock);
});

afterEach(() => setCsrfToken(null));

const openLift = async () => {
  const row = await screen.findByTestId(`hold-${HELD}`);
  fireEvent.click(within(row).getByRole('button', { name: 'Lever le gel' }));
  return screen.findByTestId('legal-hold-dialog');
};

describe('LegalHoldsCard', () => {
  it('lists each hold with its case, reason, author and date', async () => {
    renderWithAdmin(<LegalHoldsCard version={0} onHoldChanged={jest.fn()} />);

    const row = await screen.findByTestId(`hold-${HELD}`);
    expect(within(row).getByText('7b7b7b7b')).toBeTruthy();
    expect(within(row).getByText('Menaces ou violence')).toBeTruthy();
    expect(within(row).getByText('Réquisition judiciaire n° 2026/118 du parquet de Lyon')).toBeTruthy();
    expect(within(row).getByText('Julie Martin')).toBeTruthy();
    expect(words(row)).toMatch(/15\/10\/2026/);
    expect(words(screen.getByTestId('holds-total'))).toBe('1 dossier sous gel');
  });

  it('lifts a hold with a DELETE carrying the reason, then has the page read the holds again', async () => {
    const onHoldChanged = jest.fn();
    renderWithAdmin(<LegalHoldsCard version={0} onHoldChanged={onHoldChanged} />);
    const dialog = await openLift();
    expect(within(dialog).getByRole('heading', { name: 'Lever le gel juridique' })).toBeTruthy();

    // The reason is mandatory here too.
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lever le gel' }));
    expect(await within(dialog).findByText('Le motif doit compter au moins 10 caractères.')).toBeTruthy();
    expect(holdCalls()).toEqual([]);

    fireEvent.change(within(dialog).getByTestId('legal-hold-reason'), {
      target: { value: 'Procédure close par décision du 3 mars 2026' },
    });
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'Lever le gel' })));

    expect(await screen.findByText('Gel juridique levé.')).toBeTruthy();
    const [lifted] = holdCalls();
    expect(lifted.method).toBe('DELETE');
    expect(lifted.path).toBe(`/api/v1/cases/${HELD}/legal-hold`);
    expect(lifted.body).toEqual({ reason: 'Procédure close par décision du 3 mars 2026' });
    expect(lifted.headers.get('X-CSRF-Token')).toBe('csrf-dpo');
    expect(lifted.headers.get('Content-Type')).toBe('application/json');
    expect(onHoldChanged).toHaveBeenCalledTimes(1);
  });

  it('says a colleague already lifted the hold, and shows the list as it is now', async () => {
    routeRetention(fetchMock, { liftHold: () => conflict('no_legal_hold') });
    const onHoldChanged = jest.fn();
    renderWithAdmin(<LegalHoldsCard version={0} onHoldChanged={onHoldChanged} />);
    const dialog = await openLift();

    fireEvent.change(within(dialog).getByTestId('legal-hold-reason'), {
      target: { value: 'Procédure close par décision du 3 mars 2026' },
    });
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'Lever le gel' })));

    expect(await screen.findByText("Ce dossier n'est plus sous gel juridique.")).toBeTruthy();
    expect(onHoldChanged).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(screen.queryByTestId('legal-hold-dialog')).toBeNull());
  });

  it('keeps the dialog open and says why when the API refuses the role', async () => {
    routeRetention(fetchMock, {
      liftHold: () =>
        jsonReply(403, { statusCode: 403, error: 'Forbidden', message: 'No', details: { code: 'role' } }),
    });
    const onHoldChanged = jest.fn();
    renderWithAdmin(<LegalHoldsCard version={0} onHoldChanged={onHoldChanged} />);
    const dialog = await openLift();

    fireEvent.change(within(dialog).getByTestId('legal-hold-reason'), {
      target: { value: 'Procédure close par décision du 3 mars 2026' },
    });
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'Lever le gel' })));

    expect(
      await within(dialog).findByText(
        "Le gel n'a pas pu être enregistré : Vos rôles ne permettent pas cette action.",
      ),
    ).toBeTruthy();
    expect(onHoldChanged).not.toHaveBeenCalled();
  });

  it('shows the holds to an admin without the lift action, and without a reason column', async () => {
    // The API sends admins no reason.
    routeRetention(fetchMock, { legalHolds: () => jsonReply(200, { data: [aLegalHold({ reason: null })], total: 1 }) });
    renderWithAdmin(<LegalHoldsCard version={0} onHoldChanged={jest.fn()} />, ['admin']);

    const row = await screen.findByTestId(`hold-${HELD}`);
    expect(within(row).getByText('Julie Martin')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Lever le gel' })).toBeNull();
    expect(screen.queryByRole('columnheader', { name: 'Motif' })).toBeNull();
  });

  it('links each case to its metadata for the DPO', async () => {
    renderWithAdmin(<LegalHoldsCard version={0} onHoldChanged={jest.fn()} />, ['dpo']);
    const row = await screen.findByTestId(`hold-${HELD}`);
    expect(within(row).getByRole('link').getAttribute('href')).toContain(`/case-metadata/${HELD}`);
    expect(screen.getByRole('columnheader', { name: 'Motif' })).toBeTruthy();
  });

  it('says when no case is under a hold', async () => {
    routeRetention(fetchMock, { legalHolds: () => jsonReply(200, { data: [], total: 0 }) });
    renderWithAdmin(<LegalHoldsCard version={0} onHoldChanged={jest.fn()} />);

    expect(await screen.findByText('Aucun gel juridique en cours.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });
});
