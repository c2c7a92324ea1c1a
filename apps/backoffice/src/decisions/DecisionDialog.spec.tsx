import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { CaseDetail } from '@vigie/contracts';
import { setCsrfToken } from '../providers/httpClient';
import { aCaseInReview, aDecision, aProposedBan, aReport, CAMILLE, JULIEN } from '../testing/caseFixtures';
import { createFetchMock, jsonReply } from '../testing/fakeFetch';
import { caseReadsOf, refusal, renderCasePage, serveCasePage, writesOf } from '../testing/casePageKit';

const fetchMock = createFetchMock();
const FACTS = "Demande répétée de l'âge et de photos à une exploratrice mineure.";
const GROUND = "Conditions générales d'utilisation, article 4.8 (Protection des mineurs)";
const REDRESS = 'Vous pouvez contester cette décision depuis la plateforme dans un délai de 6 mois.';

beforeEach(() => {
  fetchMock.mockReset();
  global.fetch = fetchMock;
  setCsrfToken('csrf-1');
});

afterEach(() => {
  jest.restoreAllMocks();
  setCsrfToken(null);
});

const openDecision = async () => {
  fireEvent.click(await screen.findByTestId('decide-case'));
  return screen.findByTestId('decision-dialog');
};

const choose = (dialog: HTMLElement, action: string) =>
  fireEvent.click(within(dialog).getByRole('radio', { name: action }));

const typeFacts = (dialog: HTMLElement, facts = FACTS) =>
  fireEvent.change(within(dialog).getByTestId('statement-facts'), { target: { value: facts } });

const send = async (dialog: HTMLElement) =>
  act(async () => fireEvent.click(within(dialog).getByTestId('decision-submit')));

describe('deciding a case', () => {
  it("sends a moderator's warning with its statement of reasons, then shows the case actioned", async () => {
    const state: { current: CaseDetail } = { current: aCaseInReview() };
    serveCasePage(fetchMock, {
      get current() {
        return state.current;
      },
      decide: () => {
        state.current = aCaseInReview({
          status: 'actioned',
          version: 5,
          decisions: [aDecision()],
          timeline: [
            {
              id: 'e-decision',
              at: '2026-11-26T10:00:00.000Z',
              type: 'decision',
              actor: { id: 'staff-camille', name: 'Camille Moreau' },
              data: { decisionId: aDecision().id, action: 'warning', durationDays: null },
            },
          ],
        });
        return jsonReply(200, state.current);
      },
    });
    renderCasePage(state.current.id, ['moderator']);

    const dialog = await openDecision();
    choose(dialog, 'Avertissement');
    typeFacts(dialog);
    await send(dialog);

    expect(writesOf(fetchMock)).toEqual([
      {
        method: 'POST',
        path: `/api/v1/cases/${state.current.id}/decision`,
        body: {
          action: 'warning',
          policyClause: 'cgu.4.8-protection-mineurs',
          statement: { facts: FACTS, ground: GROUND, automated: false, redress: REDRESS },
          version: 4,
        },
      },
    ]);
    expect(await screen.findByText('Décision rendue : Avertissement.')).toBeTruthy();
    await waitFor(() => expect(screen.queryByTestId('decision-dialog')).toBeNull());
    expect(await screen.findByTestId('case-decisions')).toBeTruthy();
    expect(within(screen.getByTestId('case-header')).getByText('Mesure prise')).toBeTruthy();
    expect(within(screen.getByTestId('case-timeline')).getByText('Décision : Avertissement')).toBeTruthy();
    expect(screen.queryByTestId('decide-case')).toBeNull();
    expect(await screen.findByRole('button', { name: 'Clore le dossier' })).toBeTruthy();
  });

  it("sends a lead's suspension with its length, which takes effect without anyone's approval", async () => {
    const current = aCaseInReview({ assignee: JULIEN });
    serveCasePage(fetchMock, {
      current,
      decide: () => jsonReply(200, { ...current, status: 'actioned', version: 5 }),
    });
    renderCasePage(current.id, ['lead']);

    const dialog = await openDecision();
    choose(dialog, 'Suspension');
    fireEvent.change(within(dialog).getByTestId('decision-duration'), { target: { value: '14' } });
    typeFacts(dialog);

    expect(within(dialog).queryByTestId('four-eyes-notice')).toBeNull();
    expect(within(dialog).getByTestId('lead-effective-notice')).toBeTruthy();
    expect(within(dialog).getByTestId('decision-submit').textContent).toBe('Rendre la décision');
    await send(dialog);

    const [write] = writesOf(fetchMock);
    expect(write.body).toEqual({
      action: 'suspension',
      policyClause: 'cgu.4.8-protection-mineurs',
      statement: { facts: FACTS, ground: GROUND, automated: false, redress: REDRESS },
      durationDays: 14,
      version: 4,
    });
  });

  it("warns a moderator that a ban or a long suspension waits for a lead's approval", async () => {
    const current = aCaseInReview();
    serveCasePage(fetchMock, {
      current,
      decide: () => jsonReply(200, { ...current, version: 5, decisions: [aProposedBan()] }),
    });
    renderCasePage(current.id, ['moderator']);

    const dialog = await openDecision();
    choose(dialog, 'Avertissement');
    expect(within(dialog).queryByTestId('four-eyes-notice')).toBeNull();

    choose(dialog, 'Bannissement');
    expect(within(dialog).getByTestId('four-eyes-notice').textContent).toMatch(
      /Cette sanction sera soumise à l'approbation d'un·e responsable/,
    );
    expect(within(dialog).getByTestId('decision-submit').textContent).toBe('Proposer pour approbation');

    choose(dialog, 'Suspension');
    const duration = within(dialog).getByTestId('decision-duration');
    fireEvent.change(duration, { target: { value: '7' } });
    expect(within(dialog).queryByTestId('four-eyes-notice')).toBeNull();
    fireEvent.change(duration, { target: { value: '8' } });
    expect(within(dialog).getByTestId('four-eyes-notice')).toBeTruthy();

    choose(dialog, 'Bannissement');
    typeFacts(dialog);
    await send(dialog);
    expect(
      await screen.findByText("Décision proposée : elle attend l'approbation d'un·e responsable."),
    ).toBeTruthy();
    expect((writesOf(fetchMock)[0].body as { action: string }).action).toBe('ban');
  });

  it("does not show a lead the four-eyes notice for a ban: a lead's ban takes effect", async () => {
    const current = aCaseInReview();
    serveCasePage(fetchMock, { current });
    renderCasePage(current.id, ['lead']);

    const dialog = await openDecision();
    choose(dialog, 'Bannissement');

    expect(within(dialog).queryByTestId('four-eyes-notice')).toBeNull();
    expect(within(dialog).getByTestId('lead-effective-notice')).toBeTruthy();
  });

  it('refuses facts too short for a statement of reasons, and sends nothing', async () => {
    const current = aCaseInReview();
    serveCasePage(fetchMock, { current, decide: () => jsonReply(200, current) });
    renderCasePage(current.id, ['moderator']);

    const dialog = await openDecision();
    choose(dialog, 'Avertissement');
    typeFacts(dialog, '  Insultes.   ');
    await send(dialog);

    expect(within(dialog).getByText('Décrivez les faits en au moins 20 caractères.')).toBeTruthy();
    expect(within(dialog).getByTestId('statement-facts').getAttribute('aria-invalid')).toBe('true');
    expect(writesOf(fetchMock)).toEqual([]);

    // Fixing the facts clears their error as it is typed.
    typeFacts(dialog);
    expect(within(dialog).queryByText('Décrivez les faits en au moins 20 caractères.')).toBeNull();
  });

  it('asks for a length for a suspension, and for the messages to remove', async () => {
    const current = aCaseInReview({
      reports: [aReport(), aReport({ id: 'r2', reportedMessageIds: ['m_9', 'm_2'], category: 'harassment' })],
    });
    serveCasePage(fetchMock, { current, decide: () => jsonReply(200, current) });
    renderCasePage(current.id, ['moderator']);

    const dialog = await openDecision();
    typeFacts(dialog);
    choose(dialog, 'Suspension');
    await send(dialog);
    expect(within(dialog).getByText('Indiquez une durée en jours entiers, de 1 à 3650.')).toBeTruthy();

    choose(dialog, 'Retrait de contenu');
    await send(dialog);
    expect(within(dialog).getByText('Cochez au moins un message à retirer.')).toBeTruthy();
    expect(writesOf(fetchMock)).toEqual([]);

    // Each reported message once, whichever reports point at it.
    const messages = within(within(dialog).getByTestId('decision-messages')).getAllByRole('checkbox');
    expect(messages).toHaveLength(2);
    fireEvent.click(messages[1]);
    await send(dialog);
    expect(writesOf(fetchMock)[0].body).toMatchObject({ action: 'content_removal', messageIds: ['m_9'] });
  });

  it('says a removal needs the conversation read first, and shows the API refusing messages the decider did not read', async () => {
    const unread = aCaseInReview();
    serveCasePage(fetchMock, {
      current: unread,
      decide: () =>
        refusal(400, 'invalid_body', {
          fields: [{ field: 'messageIds', code: 'not_granted', message: 'only messages of this conversation that your access to it covered' }],
          messageIds: unread.reports[0].reportedMessageIds,
        }),
    });
    renderCasePage(unread.id, ['moderator']);

    const dialog = await openDecision();
    typeFacts(dialog);
    choose(dialog, 'Retrait de contenu');
    expect(within(dialog).getByTestId('decision-messages-unread').textContent).toContain(
      "Vous n'avez pas ouvert la conversation de ce dossier",
    );
    await send(dialog);
    expect(writesOf(fetchMock)).toHaveLength(1);
    expect(
      await within(dialog).findByText(
        "Seuls les messages de cette conversation que vous avez consultés peuvent être retirés : ouvrez d'abord la conversation.",
      ),
    ).toBeTruthy();
  });

  it('does not warn a decider who opened the conversation', async () => {
    const read = aCaseInReview({
      timeline: [
        {
          id: 'e-access',
          at: '2026-11-26T09:00:00.000Z',
          type: 'conversation_accessed',
          actor: CAMILLE,
          data: { grantId: 'g1', scope: 'context', reportIds: [aReport().id], messageCount: 3 },
        },
      ],
    });
    serveCasePage(fetchMock, { current: read, decide: () => jsonReply(200, read) });
    renderCasePage(read.id, ['moderator']);

    const dialog = await openDecision();
    choose(dialog, 'Retrait de contenu');
    expect(within(dialog).getByTestId('decision-messages')).toBeTruthy();
    expect(within(dialog).queryByTestId('decision-messages-unread')).toBeNull();
  });

  it('keeps what was typed when the case changed meanwhile, reloads it on demand and sends the new version', async () => {
    const state: { current: CaseDetail } = { current: aCaseInReview() };
    let attempts = 0;
    serveCasePage(fetchMock, {
      get current() {
        return state.current;
      },
      decide: () => {
        attempts += 1;
        if (attempts === 1) {
          // A colleague's note bumped the version.
          state.current = aCaseInReview({ version: 5 });
          return refusal(409, 'stale_version', { case: state.current });
        }
        return jsonReply(200, { ...state.current, status: 'actioned', version: 6 });
      },
    });
    renderCasePage(state.current.id, ['moderator']);

    const dialog = await openDecision();
    choose(dialog, 'Avertissement');
    typeFacts(dialog);
    await send(dialog);

    const stale = await within(dialog).findByTestId('decision-stale');
    expect(stale.textContent).toMatch(/Ce dossier a changé pendant que vous rédigiez/);
    const readsBefore = caseReadsOf(fetchMock, state.current.id);
    fireEvent.click(within(stale).getByRole('button', { name: 'Recharger le dossier' }));
    await waitFor(() => expect(caseReadsOf(fetchMock, state.current.id)).toBeGreaterThan(readsBefore));
    expect((within(dialog).getByTestId('statement-facts') as HTMLTextAreaElement).value).toBe(FACTS);

    await send(dialog);
    expect(writesOf(fetchMock).map(({ body }) => (body as { version: number }).version)).toEqual([4, 5]);
  });

  it('offers no decision to a moderator on a colleague’s case, and says when a proposal waits', async () => {
    const current = aCaseInReview({ assignee: JULIEN });
    serveCasePage(fetchMock, { current });
    const { unmount } = renderCasePage(current.id, ['moderator']);

    await screen.findByTestId('case-timeline');
    await screen.findByText('Julien Lefèvre traite ce dossier.');
    expect(screen.queryByTestId('decide-case')).toBeNull();
    unmount();

    serveCasePage(fetchMock, { current: aCaseInReview({ decisions: [aProposedBan()] }) });
    renderCasePage(current.id, ['moderator']);
    expect(await screen.findByTestId('decision-pending-chip')).toBeTruthy();
    expect(screen.queryByTestId('decide-case')).toBeNull();
  });
});
