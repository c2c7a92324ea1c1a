import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { CaseDetail, GrantedConversation, StaffRole } from '@vigie/contracts';
import { AdminContext, type AuthProvider, memoryStore } from 'react-admin';
import { createI18nProvider } from '../i18n/i18nProvider';
import { createDataProvider } from '../providers/dataProvider';
import { setCsrfToken } from '../providers/httpClient';
import {
  aCase,
  aGrant,
  aGrantedConversation,
  aMessage,
  aReport,
  INES,
  PAUL,
} from '../testing/caseFixtures';
import { createFetchMock, jsonReply } from '../testing/fakeFetch';
import { theme } from '../theme';
import { CaseShowPage as CaseShow } from '../app/CaseShowPage';

const fetchMock = createFetchMock();
const CAMILLE = { id: 'staff-camille', name: 'Camille Moreau' };
const JULIEN = { id: 'staff-julien', name: 'Julien Lefèvre' };
const JUSTIFICATION = 'Vérifier le contexte du message signalé pour mise en danger';

const authProviderFor = (roles: StaffRole[], me = CAMILLE, mfaEnabled?: boolean): AuthProvider => ({
  login: async () => undefined,
  logout: async () => undefined,
  checkAuth: async () => undefined,
  checkError: async () => undefined,
  getIdentity: async () =>
    mfaEnabled === undefined
      ? { id: me.id, fullName: me.name }
      : { id: me.id, fullName: me.name, email: 'camille@vigie.test', roles, mfaEnabled, mfaEnrolmentRequired: false },
  getPermissions: async () => roles,
});

const AGE = aReport();
const SPAM = aReport({
  id: '7c3e0d7a-5b1f-4e2a-9c4d-1a2b3c4d5e02',
  externalId: 'rep_2',
  category: 'spam_scam',
  comment: 'Il envoie des liens bizarres.',
  reportedMessageIds: ['m_9'],
  reportedAt: '2026-11-26T11:00:00.000Z',
});
const mine = (overrides: Partial<CaseDetail> = {}) =>
  aCase({
    assignee: CAMILLE,
    status: 'in_review',
    participants: [INES, PAUL],
    reports: [AGE, SPAM],
    messageCount: 14,
    ...overrides,
  });

const contextConversation = (): GrantedConversation =>
  aGrantedConversation({
    hiddenBefore: 8,
    hiddenAfter: 3,
    messages: [
      aMessage({ id: 'a1', externalId: 'm_1', authorId: INES.id, position: 9, body: 'Bonsoir ! Merci pour hier.' }),
      aMessage({
        id: 'a2',
        externalId: 'm_2',
        authorId: PAUL.id,
        position: 10,
        sentAt: '2026-11-25T18:01:00.000Z',
        body: 'Tu as quel âge au fait ? Envoie une photo.',
        reportIds: [AGE.id],
      }),
      aMessage({
        id: 'a3',
        externalId: 'm_3',
        authorId: INES.id,
        // Two reports far apart: the grant's windows leave messages out between them.
        position: 15,
        sentAt: '2026-11-25T18:02:00.000Z',
        body: null,
      }),
    ],
  });

interface Api {
  access?: (body: unknown, url: string) => Response;
  messages?: (url: string) => Response;
  stepUp?: (body: unknown) => Response;
}

/** The API as the page sees it: the case answers `current`, the gate what each test says. */
let current: CaseDetail;
const serve = ({ access, messages, stepUp }: Api) =>
  fetchMock.mockImplementation(async (input, init) => {
    const url = String(input);
    if (init?.method === 'POST' && url === '/api/v1/auth/step-up' && stepUp) return stepUp(JSON.parse(String(init.body)));
    if (init?.method === 'POST' && url.endsWith('/access') && access)
      return access(JSON.parse(String(init.body)), url);
    if (url.startsWith('/api/v1/access-grants/') && messages) return messages(url);
    if (url === '/api/v1/cases/assignees')
      return jsonReply(200, { data: [CAMILLE, JULIEN].map((s) => ({ ...s, roles: ['moderator'] })) });
    if (url === `/api/v1/cases/${current.id}`) return jsonReply(200, current);
    return jsonReply(404, { statusCode: 404, error: 'Not Found', message: `No route for ${url}` });
  });

const gateCalls = () =>
  fetchMock.mock.calls.filter(
    ([url]) => String(url).endsWith('/access') || String(url).includes('access-grants'),
  );

const renderCase = (roles: StaffRole[], me = CAMILLE, mfaEnabled?: boolean) =>
  render(
    <AdminContext
      dataProvider={createDataProvider()}
      authProvider={authProviderFor(roles, me, mfaEnabled)}
      i18nProvider={createI18nProvider('fr')}
      store={memoryStore()}
      theme={theme}
    >
      <CaseShow id={current.id} />
    </AdminContext>,
  );

/** The open button, once the identity and the case details are known. */
const openButton = async () => {
  await screen.findByTestId('case-reports');
  return screen.findByTestId('open-conversation');
};

const openDialog = async () => {
  const button = await openButton();
  await waitFor(() => expect(button.hasAttribute('disabled')).toBe(false));
  fireEvent.click(button);
  return screen.findByRole('dialog', { name: 'Ouvrir la conversation' });
};

const fillAndSend = async (dialog: HTMLElement, justification = JUSTIFICATION) => {
  fireEvent.click(within(dialog).getByRole('checkbox', { name: /Protection des mineurs/ }));
  fireEvent.change(within(dialog).getByTestId('gate-justification'), { target: { value: justification } });
  await act(async () =>
    fireEvent.click(within(dialog).getByRole('button', { name: 'Ouvrir pour 15 minutes' })),
  );
};

// Matchers use plain spaces: Testing Library reads the French non-breaking ones as spaces.

beforeEach(() => {
  fetchMock.mockReset();
  global.fetch = fetchMock;
  setCsrfToken('csrf-1');
  current = mine();
});

afterEach(() => {
  jest.useRealTimers();
  jest.restoreAllMocks();
});

describe('opening a conversation through the gate', () => {
  it('keeps the button shut for a moderator who is not the assignee, and says why', async () => {
    current = mine({ assignee: null, status: 'open' });
    serve({});
    const { unmount } = renderCase(['moderator']);
    expect((await openButton()).hasAttribute('disabled')).toBe(true);
    expect(await screen.findByText('Prenez le dossier pour ouvrir la conversation.')).toBeTruthy();
    unmount();

    current = mine({ assignee: JULIEN });
    renderCase(['moderator']);
    expect((await openButton()).hasAttribute('disabled')).toBe(true);
    expect(
      await screen.findByText('Seule la personne assignée ou un·e responsable peut ouvrir la conversation.'),
    ).toBeTruthy();
  });

  it("opens for a lead on a colleague's case, but not once the case is closed", async () => {
    current = mine({ assignee: JULIEN });
    serve({});
    const { unmount } = renderCase(['lead']);
    const button = await openButton();
    await waitFor(() => expect(button.hasAttribute('disabled')).toBe(false));
    expect(screen.queryByTestId('gate-blocked')).toBeNull();
    unmount();

    current = mine({ assignee: JULIEN, status: 'closed' });
    renderCase(['lead']);
    expect((await openButton()).hasAttribute('disabled')).toBe(true);
    expect(await screen.findByText(/Ce dossier est clos/)).toBeTruthy();
  });

  it('states the legal basis and refuses to send without a report or with a justification too short', async () => {
    serve({ access: () => jsonReply(201, aGrant()) });
    renderCase(['moderator']);
    const dialog = await openDialog();

    expect(
      within(dialog).getByText(/intérêt légitime de la plateforme à détecter les activités illicites/),
    ).toBeTruthy();
    expect(within(dialog).getByText(/examen des signalements/)).toBeTruthy();
    expect(within(dialog).getByText(/inscrit au registre des accès/)).toBeTruthy();
    // No report is ticked for the user.
    const boxes = within(dialog).getAllByRole('checkbox');
    expect(boxes).toHaveLength(2);
    expect(boxes.every((box) => !(box as HTMLInputElement).checked)).toBe(true);

    await act(async () =>
      fireEvent.click(within(dialog).getByRole('button', { name: 'Ouvrir pour 15 minutes' })),
    );
    expect(within(dialog).getByText('Choisissez au moins un signalement.')).toBeTruthy();
    expect(within(dialog).getByText(/Encore 15 lettres ou chiffres/)).toBeTruthy();

    // 14 letters and digits: spaces, punctuation and emoji do not count, so still one short.
    await fillAndSend(dialog, '   Vérifier ça… 1234 !! 🙂  ');
    expect(within(dialog).queryByText('Choisissez au moins un signalement.')).toBeNull();
    expect(within(dialog).getByText(/^Encore 1 lettre ou chiffre : /)).toBeTruthy();
    expect(within(dialog).getByTestId('gate-justification-counter').textContent).toBe('14 / 15');
    expect(gateCalls()).toHaveLength(0);
  });

  it('sends the chosen report and the trimmed justification, shows the messages, and puts the access on the timeline', async () => {
    const grant = aGrant({ scope: { kind: 'context', messageCount: 3, conversationMessageCount: 14 } });
    serve({
      access: (body, url) => {
        expect(url).toBe(`/api/v1/cases/${current.id}/access`);
        expect(body).toEqual({ justification: JUSTIFICATION, reportIds: [AGE.id], scope: 'context' });
        current = mine({
          timeline: [
            {
              id: 'e9',
              at: new Date().toISOString(),
              type: 'conversation_accessed',
              actor: CAMILLE,
              data: { grantId: grant.grantId, scope: 'context', reportIds: [AGE.id], messageCount: 3 },
            },
          ],
        });
        return jsonReply(201, grant);
      },
      messages: (url) => {
        expect(url).toBe(`/api/v1/access-grants/${grant.grantId}/messages`);
        return jsonReply(200, contextConversation());
      },
    });
    renderCase(['moderator']);
    const dialog = await openDialog();
    await fillAndSend(dialog, `  ${JUSTIFICATION}\n`);

    const viewer = await screen.findByRole('dialog', { name: 'Conversation signalée' });
    await within(viewer).findByText('Tu as quel âge au fait ? Envoie une photo.');
    const bubbles = within(viewer).getAllByTestId('gate-message');
    expect(bubbles.map((bubble) => bubble.getAttribute('data-reported'))).toEqual(['false', 'true', 'false']);
    // Paul, the reported person, writes on his own side.
    expect(bubbles.map((bubble) => bubble.getAttribute('data-side'))).toEqual(['other', 'reported', 'other']);
    expect(within(bubbles[1]).getByText('Signalé : Protection des mineurs')).toBeTruthy();
    expect(within(bubbles[0]).queryByTestId('gate-reported-chip')).toBeNull();
    expect(within(bubbles[2]).getByText('Message effacé')).toBeTruthy();
    expect(within(viewer).getByText('8 messages plus anciens non affichés')).toBeTruthy();
    expect(within(viewer).getByText('3 messages plus récents non affichés')).toBeTruthy();
    expect(within(viewer).getByText('4 messages non affichés entre ces passages')).toBeTruthy();
    expect(within(viewer).getAllByTestId('gate-hidden-between')).toHaveLength(1);
    expect(within(viewer).getByText('Contexte des signalements : 3 messages sur 14')).toBeTruthy();
    expect(within(viewer).getByTestId('gate-countdown').textContent).toMatch(/^1[45]:\d\d$/);

    // The case was read again: its timeline shows the access.
    expect(
      await within(screen.getByTestId('case-timeline')).findByText(
        'Conversation ouverte — contexte (3 messages)',
      ),
    ).toBeTruthy();
  });

  it("shows the gate's refusal in words, and stays open to try again", async () => {
    serve({
      access: () =>
        jsonReply(403, {
          statusCode: 403,
          error: 'Forbidden',
          message: 'Only the assignee of the case, or a lead, may open its conversation.',
          reason: 'not_assignee',
          details: { code: 'not_assignee' },
        }),
    });
    renderCase(['moderator']);
    const dialog = await openDialog();
    await fillAndSend(dialog);

    const refusal = await within(dialog).findByTestId('gate-refusal');
    expect(refusal.textContent).toContain('Accès refusé');
    expect(refusal.textContent).toContain('Seule la personne qui traite ce dossier, ou un·e responsable');
    expect(refusal.textContent).toContain('Ce refus est inscrit au registre des accès.');
    expect(refusal.textContent).not.toContain('Only the assignee');
    expect(screen.getByRole('dialog', { name: 'Ouvrir la conversation' })).toBeTruthy();
    expect(screen.queryByRole('dialog', { name: 'Conversation signalée' })).toBeNull();
  });

  it('warns in the last two minutes and removes the messages from the screen when time is up', async () => {
    jest.useFakeTimers({ now: new Date('2026-11-26T10:00:00.000Z'), advanceTimers: true });
    const grant = aGrant({ expiresAt: '2026-11-26T10:15:00.000Z' });
    serve({
      access: () => jsonReply(201, grant),
      messages: () => jsonReply(200, { ...contextConversation(), expiresAt: grant.expiresAt }),
    });
    renderCase(['moderator']);
    const dialog = await openDialog();
    await fillAndSend(dialog);
    const viewer = await screen.findByRole('dialog', { name: 'Conversation signalée' });
    await within(viewer).findByText('Tu as quel âge au fait ? Envoie une photo.');
    const countdown = within(viewer).getByTestId('gate-countdown');
    expect(countdown.getAttribute('data-warning')).toBe('false');

    await act(async () => {
      jest.setSystemTime(new Date('2026-11-26T10:13:30.000Z'));
      jest.advanceTimersByTime(1000);
    });
    expect(within(viewer).getByTestId('gate-countdown').textContent).toBe('01:29');
    expect(within(viewer).getByTestId('gate-countdown').getAttribute('data-warning')).toBe('true');
    expect(within(viewer).getByText('Tu as quel âge au fait ? Envoie une photo.')).toBeTruthy();

    await act(async () => {
      jest.setSystemTime(new Date('2026-11-26T10:15:00.000Z'));
      jest.advanceTimersByTime(1000);
    });
    expect(within(viewer).getByText('Accès expiré — demandez un nouvel accès')).toBeTruthy();
    expect(within(viewer).queryByText('Tu as quel âge au fait ? Envoie une photo.')).toBeNull();
    expect(within(viewer).queryAllByTestId('gate-message')).toHaveLength(0);
    expect(within(viewer).queryByTestId('gate-countdown')).toBeNull();
  });

  it('asks a new justification to see the whole conversation, then shows it', async () => {
    const contextGrant = aGrant();
    const fullGrant = aGrant({
      grantId: '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b02',
      scope: { kind: 'full', messageCount: 14, conversationMessageCount: 14 },
    });
    const sent: unknown[] = [];
    serve({
      access: (body) => {
        sent.push(body);
        return jsonReply(201, sent.length === 1 ? contextGrant : fullGrant);
      },
      messages: (url) =>
        url.includes(fullGrant.grantId)
          ? jsonReply(
              200,
              aGrantedConversation({
                grantId: fullGrant.grantId,
                scope: fullGrant.scope,
                hiddenBefore: 0,
                hiddenAfter: 0,
                messages: [aMessage({ id: 'z1', externalId: 'm_0', body: 'Le tout premier message.' })],
              }),
            )
          : jsonReply(200, contextConversation()),
    });
    renderCase(['moderator']);
    await fillAndSend(await openDialog());
    const viewer = await screen.findByRole('dialog', { name: 'Conversation signalée' });
    await within(viewer).findByText('8 messages plus anciens non affichés');

    fireEvent.click(within(within(viewer).getByTestId('gate-hidden-before')).getByRole('button'));
    const widen = await screen.findByRole('dialog', { name: 'Voir toute la conversation' });
    expect(within(widen).getByText(/toute la conversation \(14 messages\)/)).toBeTruthy();
    // The same report stands; the justification is a new one, asked again.
    expect(
      (within(widen).getByRole('checkbox', { name: /Protection des mineurs/ }) as HTMLInputElement).checked,
    ).toBe(true);
    expect((within(widen).getByTestId('gate-justification') as HTMLTextAreaElement).value).toBe('');
    await act(async () =>
      fireEvent.click(within(widen).getByRole('button', { name: 'Ouvrir pour 15 minutes' })),
    );
    expect(within(widen).getByText(/Encore 15 lettres ou chiffres/)).toBeTruthy();
    expect(sent).toHaveLength(1);

    fireEvent.change(within(widen).getByTestId('gate-justification'), {
      target: { value: 'Le contexte ne suffit pas : relire depuis le début' },
    });
    await act(async () =>
      fireEvent.click(within(widen).getByRole('button', { name: 'Ouvrir pour 15 minutes' })),
    );

    expect(sent[1]).toEqual({
      justification: 'Le contexte ne suffit pas : relire depuis le début',
      reportIds: [AGE.id],
      scope: 'full',
    });
    expect(await within(viewer).findByText('Le tout premier message.')).toBeTruthy();
    expect(within(viewer).queryByText('Tu as quel âge au fait ? Envoie une photo.')).toBeNull();
    expect(within(viewer).queryByTestId('gate-hidden-before')).toBeNull();
    expect(within(viewer).getByText('Conversation entière : 14 messages')).toBeTruthy();
  });

  it('forgets the messages on closing: opening again asks for a new access', async () => {
    serve({ access: () => jsonReply(201, aGrant()), messages: () => jsonReply(200, contextConversation()) });
    renderCase(['moderator']);
    await fillAndSend(await openDialog());
    const viewer = await screen.findByRole('dialog', { name: 'Conversation signalée' });
    await within(viewer).findByText('Tu as quel âge au fait ? Envoie une photo.');

    fireEvent.click(within(viewer).getByTestId('gate-close'));

    await waitFor(() => expect(screen.queryByText('Tu as quel âge au fait ? Envoie une photo.')).toBeNull());
    const again = await openDialog();
    expect((within(again).getByTestId('gate-justification') as HTMLTextAreaElement).value).toBe('');
  });

  it('says the access expired when the API answers 410 to the read', async () => {
    serve({
      access: () => jsonReply(201, aGrant()),
      messages: () =>
        jsonReply(410, {
          statusCode: 410,
          error: 'Gone',
          message: 'This access grant has expired: ask for a new one.',
          reason: 'grant_expired',
          details: { code: 'grant_expired' },
        }),
    });
    renderCase(['moderator']);
    await fillAndSend(await openDialog());

    const viewer = await screen.findByRole('dialog', { name: 'Conversation signalée' });
    expect(await within(viewer).findByText('Accès expiré — demandez un nouvel accès')).toBeTruthy();
    fireEvent.click(within(viewer).getByRole('button', { name: 'Demander un nouvel accès' }));
    expect(await screen.findByRole('dialog', { name: 'Ouvrir la conversation' })).toBeTruthy();
  });

  const stepUpRequired = () =>
    jsonReply(403, {
      statusCode: 403,
      error: 'Forbidden',
      message: 'Confirm your password or code again (POST /auth/step-up), then ask again.',
      reason: 'step_up_required',
      details: { code: 'step_up_required' },
    });

  it('asks for a step-up inside the dialog, keeps what was typed, and asks the gate again once confirmed', async () => {
    const accessBodies: unknown[] = [];
    const stepUps: unknown[] = [];
    serve({
      access: (body) => {
        accessBodies.push(body);
        return accessBodies.length === 1 ? stepUpRequired() : jsonReply(201, aGrant());
      },
      stepUp: (body) => {
        stepUps.push(body);
        return stepUps.length === 1
          ? jsonReply(400, { statusCode: 400, error: 'Bad Request', message: 'That password or code is not right.', details: { code: 'step_up_failed' } })
          : jsonReply(200, { stepUpUntil: '2026-11-26T10:10:00.000Z' });
      },
      messages: () => jsonReply(200, contextConversation()),
    });
    renderCase(['moderator'], CAMILLE, false);
    const dialog = await openDialog();
    await fillAndSend(dialog);

    const panel = await within(dialog).findByTestId('gate-step-up');
    expect(panel.textContent).toContain('Confirmez votre identité');
    expect(within(dialog).queryByTestId('gate-refusal')).toBeNull();
    const password = within(panel).getByLabelText(/Mot de passe/);
    fireEvent.change(password, { target: { value: 'pas-le-bon' } });
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'Confirmer et ouvrir' })));
    expect(await within(panel).findByText(/Ce n'est pas le bon/)).toBeTruthy();
    // Still there: the ticked report and the justification.
    expect((within(dialog).getByTestId('gate-justification') as HTMLTextAreaElement).value).toBe(JUSTIFICATION);

    fireEvent.change(within(panel).getByLabelText(/Mot de passe/), { target: { value: 'le-bon-mot-de-passe' } });
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'Confirmer et ouvrir' })));
    expect(await screen.findByRole('dialog', { name: 'Conversation signalée' })).toBeTruthy();
    expect(stepUps).toEqual([{ password: 'pas-le-bon' }, { password: 'le-bon-mot-de-passe' }]);
    expect(accessBodies).toHaveLength(2);
    expect(accessBodies[1]).toEqual(accessBodies[0]);
  });

  it('asks an account with MFA for its code, not its password', async () => {
    const stepUps: unknown[] = [];
    let asked = 0;
    serve({
      access: () => (asked++ === 0 ? stepUpRequired() : jsonReply(201, aGrant())),
      stepUp: (body) => {
        stepUps.push(body);
        return jsonReply(200, { stepUpUntil: '2026-11-26T10:10:00.000Z' });
      },
      messages: () => jsonReply(200, contextConversation()),
    });
    renderCase(['moderator'], CAMILLE, true);
    const dialog = await openDialog();
    await fillAndSend(dialog);
    const panel = await within(dialog).findByTestId('gate-step-up');
    expect(within(panel).queryByLabelText(/Mot de passe/)).toBeNull();
    fireEvent.change(within(panel).getByLabelText(/Code à 6 chiffres/), { target: { value: '12 34 56' } });
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'Confirmer et ouvrir' })));
    expect(await screen.findByRole('dialog', { name: 'Conversation signalée' })).toBeTruthy();
    expect(stepUps).toEqual([{ totp: '123456' }]);
  });

  it('switches to the code field when the API says the account now confirms with MFA', async () => {
    const stepUps: unknown[] = [];
    let asked = 0;
    serve({
      access: () => (asked++ === 0 ? stepUpRequired() : jsonReply(201, aGrant())),
      stepUp: (body) => {
        stepUps.push(body);
        return stepUps.length === 1
          ? jsonReply(400, { statusCode: 400, error: 'Bad Request', message: 'Use your code.', details: { code: 'step_up_method', method: 'totp' } })
          : jsonReply(200, { stepUpUntil: '2026-11-26T10:10:00.000Z' });
      },
      messages: () => jsonReply(200, contextConversation()),
    });
    renderCase(['moderator'], CAMILLE, false);
    const dialog = await openDialog();
    await fillAndSend(dialog);
    const panel = await within(dialog).findByTestId('gate-step-up');
    fireEvent.change(within(panel).getByLabelText(/Mot de passe/), { target: { value: 'mon-mot-de-passe' } });
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'Confirmer et ouvrir' })));
    expect(await within(panel).findByText(/le champ a changé/)).toBeTruthy();
    fireEvent.change(within(panel).getByLabelText(/Code à 6 chiffres/), { target: { value: '654321' } });
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'Confirmer et ouvrir' })));
    expect(await screen.findByRole('dialog', { name: 'Conversation signalée' })).toBeTruthy();
    expect(stepUps).toEqual([{ password: 'mon-mot-de-passe' }, { totp: '654321' }]);
  });

  it('says why a grant was revoked when the API answers grant_revoked to the read', async () => {
    serve({
      access: () => jsonReply(201, aGrant()),
      messages: () =>
        jsonReply(410, {
          statusCode: 410,
          error: 'Gone',
          message: 'This access grant ended.',
          reason: 'grant_revoked',
          details: { code: 'grant_revoked', cause: 'reassigned' },
        }),
    });
    renderCase(['moderator']);
    await fillAndSend(await openDialog());

    const viewer = await screen.findByRole('dialog', { name: 'Conversation signalée' });
    const error = await within(viewer).findByTestId('gate-viewer-error');
    expect(error.getAttribute('data-cause')).toBe('reassigned');
    expect(error.textContent).toContain('le dossier a été réassigné à une autre personne');
    expect(within(viewer).queryByText('Accès expiré — demandez un nouvel accès')).toBeNull();
  });
});
