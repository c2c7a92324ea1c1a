import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { CaseDetail } from '@vigie/contracts';
import { aCaseInReview, aDecision, aProposedBan, JULIE } from '../testing/caseFixtures';
import { jsonReply } from '../testing/fakeFetch';
import { refusal, renderCasePage, serveCasePage, writesOf } from '../testing/casePageKit';
import { useFakeApi } from '../testing/fakeApi';

const fetchMock = useFakeApi();

const proposed = aProposedBan();
const approvedCase = () =>
  aCaseInReview({
    status: 'actioned',
    version: 6,
    decisions: [
      { ...proposed, state: 'effective', reviewedBy: JULIE, reviewedAt: '2026-11-26T11:00:00.000Z' },
    ],
  });

describe('the decisions of a case', () => {
  it('shows each decision with its statement of reasons, who decided, and where it stands', async () => {
    const current = aCaseInReview({
      status: 'actioned',
      decisions: [
        aDecision({
          id: 'rejected-1',
          action: 'suspension',
          durationDays: 30,
          state: 'rejected',
          decidedAt: '2026-11-26T09:00:00.000Z',
          reviewedBy: JULIE,
          reviewedAt: '2026-11-26T09:30:00.000Z',
          reviewNote: 'Trop lourd pour un premier manquement.',
        }),
        aDecision(),
      ],
    });
    serveCasePage(fetchMock, { current });
    renderCasePage(current.id, ['moderator']);

    const card = await screen.findByTestId('case-decisions');
    const [latest, older] = within(card).getAllByTestId('decision');
    expect(latest.getAttribute('data-state')).toBe('effective');
    expect(within(latest).getByText('Avertissement')).toBeTruthy();
    expect(within(latest).getByText('Effective')).toBeTruthy();
    expect(within(latest).getByText('CGU art. 4.8 — Protection des mineurs')).toBeTruthy();
    expect(within(latest).getByText(/Demande répétée de l'âge et de photos/)).toBeTruthy();
    expect(within(latest).getByText('Camille Moreau')).toBeTruthy();
    expect(within(older).getByText('Suspension · 30 jours')).toBeTruthy();
    expect(within(older).getByText('Rejetée')).toBeTruthy();
    expect(within(older).getByText('Rejetée par Julie Martin')).toBeTruthy();
    expect(within(older).getByText('« Trop lourd pour un premier manquement. »')).toBeTruthy();
  });

  it('lets a lead approve a proposed ban, which then takes effect', async () => {
    const state: { current: CaseDetail } = { current: aCaseInReview({ decisions: [proposed] }) };
    serveCasePage(fetchMock, {
      get current() {
        return state.current;
      },
      review: () => {
        state.current = approvedCase();
        return jsonReply(200, state.current);
      },
    });
    renderCasePage(state.current.id, ['lead']);

    const pending = await screen.findByTestId('decision');
    expect(within(pending).getByText("En attente d'approbation")).toBeTruthy();
    fireEvent.click(await within(pending).findByRole('button', { name: 'Approuver' }));
    const dialog = await screen.findByTestId('review-dialog');
    expect(within(dialog).getByText('Bannissement, proposée par Camille Moreau')).toBeTruthy();
    await act(async () => fireEvent.click(within(dialog).getByTestId('review-submit')));

    expect(writesOf(fetchMock)).toEqual([
      {
        method: 'POST',
        path: `/api/v1/cases/${state.current.id}/decisions/${proposed.id}/review`,
        body: { approve: true },
      },
    ]);
    expect(await screen.findByText('Décision approuvée : elle prend effet.')).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('decision').getAttribute('data-state')).toBe('effective'));
    expect(within(screen.getByTestId('decision')).getByText('Approuvée par Julie Martin')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Approuver' })).toBeNull();
  });

  it('lets a lead reject a proposal with a note for the history', async () => {
    const current = aCaseInReview({ decisions: [proposed] });
    serveCasePage(fetchMock, {
      current,
      review: () => jsonReply(200, aCaseInReview({ decisions: [{ ...proposed, state: 'rejected' }] })),
    });
    renderCasePage(current.id, ['lead']);

    fireEvent.click(await screen.findByRole('button', { name: 'Rejeter' }));
    const dialog = await screen.findByTestId('review-dialog');
    fireEvent.change(within(dialog).getByTestId('review-note'), {
      target: { value: '  Un avertissement suffit pour un premier manquement.  ' },
    });
    await act(async () => fireEvent.click(within(dialog).getByTestId('review-submit')));

    expect(writesOf(fetchMock).map(({ body }) => body)).toEqual([
      { approve: false, note: 'Un avertissement suffit pour un premier manquement.' },
    ]);
    expect(await screen.findByText('Proposition rejetée.')).toBeTruthy();
  });

  it('says so when a colleague already reviewed the proposal', async () => {
    const current = aCaseInReview({ decisions: [proposed] });
    serveCasePage(fetchMock, { current, review: () => refusal(409, 'no_pending_decision') });
    renderCasePage(current.id, ['lead']);

    fireEvent.click(await screen.findByRole('button', { name: 'Approuver' }));
    await act(async () =>
      fireEvent.click(within(await screen.findByTestId('review-dialog')).getByTestId('review-submit')),
    );

    expect(
      await screen.findByText("Cette décision n'attend plus d'approbation : elle a déjà été examinée."),
    ).toBeTruthy();
    await waitFor(() => expect(screen.queryByTestId('review-dialog')).toBeNull());
  });

  it('shows a moderator the proposal waiting, without approving it', async () => {
    const current = aCaseInReview({ decisions: [proposed] });
    serveCasePage(fetchMock, { current });
    renderCasePage(current.id, ['moderator']);

    const pending = await screen.findByTestId('decision');
    expect(
      within(pending).getByText("Un·e responsable doit l'approuver pour qu'elle prenne effet."),
    ).toBeTruthy();
    // Camille's own controls show that the roles are in: still no approval for her.
    expect(await screen.findByTestId('decision-pending-chip')).toBeTruthy();
    expect(screen.queryByTestId('approve-decision')).toBeNull();
    expect(screen.queryByTestId('reject-decision')).toBeNull();
  });
});
