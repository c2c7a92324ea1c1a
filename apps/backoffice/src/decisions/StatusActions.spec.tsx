import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { CaseStatus, StaffRole } from '@vigie/contracts';
import { aCaseInReview, aDecision, CAMILLE, JULIEN } from '../testing/caseFixtures';
import { jsonReply } from '../testing/fakeFetch';
import { refusal, renderCasePage, serveCasePage, writesOf } from '../testing/casePageKit';
import { useFakeApi } from '../testing/fakeApi';

const fetchMock = useFakeApi();

const decided = (status: CaseStatus, assignee = CAMILLE) =>
  aCaseInReview({ status, assignee, decisions: [aDecision()], version: 7 });

/** The page once the viewer's roles are in: the conversation button shows for moderators and leads. */
const settled = async () => {
  await screen.findByTestId('case-timeline');
  await screen.findByTestId('open-conversation');
};

describe('closing and reopening a case', () => {
  it.each<[string, boolean, boolean, CaseStatus, typeof CAMILLE, StaffRole[]]>([
    ['its assignee, once actioned', true, false, 'actioned', CAMILLE, ['moderator']],
    ['its assignee, once dismissed', true, false, 'dismissed', CAMILLE, ['moderator']],
    ["a moderator, on a colleague's case", false, false, 'actioned', JULIEN, ['moderator']],
    ['a lead, on anyone’s decided case', true, true, 'actioned', JULIEN, ['lead']],
    ['a lead, on a closed case', false, true, 'closed', JULIEN, ['lead']],
    ['its assignee, on a closed case', false, false, 'closed', CAMILLE, ['moderator']],
    ['a lead, on a case still in review', false, false, 'in_review', JULIEN, ['lead']],
  ])('offers %s: close %s, reopen %s', async (_who, close, reopen, status, assignee, roles) => {
    const current = decided(status, assignee);
    serveCasePage(fetchMock, { current });
    renderCasePage(current.id, roles);

    await settled();
    await waitFor(() =>
      expect(screen.queryByRole('button', { name: 'Clore le dossier' }) !== null).toBe(close),
    );
    expect(screen.queryByRole('button', { name: 'Rouvrir' }) !== null).toBe(reopen);
  });

  it("closes the assignee's actioned case", async () => {
    const current = decided('actioned');
    serveCasePage(fetchMock, {
      current,
      transition: () => jsonReply(200, { ...current, status: 'closed', version: 8 }),
    });
    renderCasePage(current.id, ['moderator']);

    fireEvent.click(await screen.findByRole('button', { name: 'Clore le dossier' }));
    const dialog = await screen.findByTestId('close-dialog');
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'Clore' })));

    expect(writesOf(fetchMock)).toEqual([
      {
        method: 'POST',
        path: `/api/v1/cases/${current.id}/status`,
        body: { transition: 'close', version: 7 },
      },
    ]);
    expect(await screen.findByText('Dossier clos.')).toBeTruthy();
  });

  it('reopens a case for a lead, with a reason of at least 10 characters', async () => {
    const current = decided('closed', JULIEN);
    serveCasePage(fetchMock, {
      current,
      transition: () => jsonReply(200, { ...current, status: 'in_review', version: 8 }),
    });
    renderCasePage(current.id, ['lead']);

    fireEvent.click(await screen.findByRole('button', { name: 'Rouvrir' }));
    const dialog = await screen.findByTestId('reopen-dialog');
    const reason = within(dialog).getByTestId('transition-reason');
    fireEvent.change(reason, { target: { value: 'Erreur' } });
    await act(async () =>
      fireEvent.click(within(dialog).getByRole('button', { name: 'Rouvrir le dossier' })),
    );
    expect(within(dialog).getByText('Le motif doit compter au moins 10 caractères.')).toBeTruthy();
    expect(writesOf(fetchMock)).toEqual([]);

    fireEvent.change(reason, { target: { value: 'Nouvelle capture transmise par la plateforme' } });
    await act(async () =>
      fireEvent.click(within(dialog).getByRole('button', { name: 'Rouvrir le dossier' })),
    );

    expect(writesOf(fetchMock)).toEqual([
      {
        method: 'POST',
        path: `/api/v1/cases/${current.id}/status`,
        body: { transition: 'reopen', reason: 'Nouvelle capture transmise par la plateforme', version: 7 },
      },
    ]);
    expect(await screen.findByText("Dossier rouvert : il est de nouveau en cours d'examen.")).toBeTruthy();
  });

  it('says why the API refuses to reopen', async () => {
    const current = decided('closed', JULIEN);
    serveCasePage(fetchMock, { current, transition: () => refusal(409, 'conversation_has_open_case') });
    renderCasePage(current.id, ['lead']);

    fireEvent.click(await screen.findByRole('button', { name: 'Rouvrir' }));
    const dialog = await screen.findByTestId('reopen-dialog');
    fireEvent.change(within(dialog).getByTestId('transition-reason'), {
      target: { value: 'Nouvelle capture transmise par la plateforme' },
    });
    await act(async () =>
      fireEvent.click(within(dialog).getByRole('button', { name: 'Rouvrir le dossier' })),
    );

    expect(
      await within(dialog).findByText(
        'Un autre dossier est ouvert sur cette conversation : traitez plutôt celui-là.',
      ),
    ).toBeTruthy();
  });
});
