import { act, fireEvent, screen, within } from '@testing-library/react';
import { setCsrfToken } from '../providers/httpClient';
import { anAppealCase, CAMILLE, JULIEN } from '../testing/caseFixtures';
import { createFetchMock, jsonReply } from '../testing/fakeFetch';
import { refusal, renderCasePage, serveCasePage, writesOf } from '../testing/casePageKit';

const fetchMock = createFetchMock();
const FACTS = "Les messages demandaient l'âge puis des photos, sans lien avec l'orientation.";
const GROUND = "Conditions générales d'utilisation, article 4.8 (Protection des mineurs)";
const REDRESS =
  "Cette décision sur votre recours clôt l'examen par la plateforme. Vous pouvez saisir un organisme de règlement extrajudiciaire des litiges certifié ou les juridictions compétentes.";

beforeEach(() => {
  fetchMock.mockReset();
  global.fetch = fetchMock;
  setCsrfToken('csrf-1');
});

afterEach(() => {
  jest.restoreAllMocks();
  setCsrfToken(null);
});

// Julien reviews the appeal against Camille's warning.
const underReview = () => anAppealCase({ status: 'in_review', assignee: JULIEN, version: 2 });

describe('an appeal case', () => {
  it('shows the appealed decision and what the person says, and offers to uphold or overturn it', async () => {
    const current = underReview();
    serveCasePage(fetchMock, { current });
    renderCasePage(current.id, ['moderator'], JULIEN);

    const banner = await screen.findByTestId('appeal-banner');
    expect(within(banner).getByRole('heading', { name: 'Recours' })).toBeTruthy();
    expect(within(banner).getByText('Avertissement')).toBeTruthy();
    expect(within(banner).getByText(/Demande répétée de l'âge et de photos/)).toBeTruthy();
    expect(within(banner).getByTestId('appeal-statement').textContent).toBe(
      "Je demandais seulement son âge pour adapter mes conseils d'orientation.",
    );
    expect(within(banner).getByText(/^Déposé par u_paul/)).toBeTruthy();
    expect(within(screen.getByTestId('case-header')).getByTestId('appeal-chip')).toBeTruthy();
    expect(await within(banner).findByRole('button', { name: 'Maintenir la décision' })).toBeTruthy();
    expect(within(banner).getByRole('button', { name: 'Annuler la décision' })).toBeTruthy();
    // An appeal is not decided with a sanction.
    expect(screen.queryByTestId('decide-case')).toBeNull();
  });

  it('upholds the decision with a statement of reasons', async () => {
    const current = underReview();
    serveCasePage(fetchMock, {
      current,
      appealOutcome: () => jsonReply(200, { ...current, status: 'dismissed', version: 3 }),
    });
    renderCasePage(current.id, ['moderator'], JULIEN);

    fireEvent.click(await screen.findByRole('button', { name: 'Maintenir la décision' }));
    const dialog = await screen.findByTestId('appeal-dialog');
    expect(
      (within(dialog).getByRole('radio', { name: 'Maintenir la décision' }) as HTMLInputElement).checked,
    ).toBe(true);
    fireEvent.change(within(dialog).getByTestId('statement-facts'), { target: { value: FACTS } });
    await act(async () => fireEvent.click(within(dialog).getByTestId('appeal-submit')));

    expect(writesOf(fetchMock)).toEqual([
      {
        method: 'POST',
        path: `/api/v1/cases/${current.id}/appeal-outcome`,
        body: {
          outcome: 'upheld',
          statement: { facts: FACTS, ground: GROUND, automated: false, redress: REDRESS },
          version: 2,
        },
      },
    ]);
    expect(await screen.findByText('Recours examiné : la décision est maintenue.')).toBeTruthy();
  });

  it('overturns it when the other outcome is chosen in the dialog', async () => {
    const current = underReview();
    serveCasePage(fetchMock, {
      current,
      appealOutcome: () => jsonReply(200, { ...current, status: 'actioned', version: 3 }),
    });
    renderCasePage(current.id, ['lead'], JULIEN);

    fireEvent.click(await screen.findByRole('button', { name: 'Maintenir la décision' }));
    const dialog = await screen.findByTestId('appeal-dialog');
    fireEvent.click(within(dialog).getByRole('radio', { name: 'Annuler la décision' }));
    fireEvent.change(within(dialog).getByTestId('statement-facts'), { target: { value: FACTS } });
    await act(async () => fireEvent.click(within(dialog).getByTestId('appeal-submit')));

    expect(writesOf(fetchMock)[0].body).toMatchObject({ outcome: 'overturned' });
    expect(await screen.findByText(/Recours examiné : la décision est annulée/)).toBeTruthy();
  });

  it('leaves the appeal to someone else than the original decider', async () => {
    const current = anAppealCase({ status: 'in_review', assignee: CAMILLE });
    serveCasePage(fetchMock, { current });
    renderCasePage(current.id, ['moderator'], CAMILLE);

    const banner = await screen.findByTestId('appeal-banner');
    expect((await within(banner).findByTestId('appeal-own-decision')).textContent).toMatch(
      /Vous avez pris ou approuvé la décision contestée/,
    );
    expect(within(banner).queryByRole('button', { name: 'Maintenir la décision' })).toBeNull();
    expect(within(banner).queryByRole('button', { name: 'Annuler la décision' })).toBeNull();
  });

  it('says so when the API finds the reviewer took the original decision', async () => {
    const current = underReview();
    serveCasePage(fetchMock, { current, appealOutcome: () => refusal(403, 'original_decider') });
    renderCasePage(current.id, ['moderator'], JULIEN);

    fireEvent.click(await screen.findByRole('button', { name: 'Annuler la décision' }));
    const dialog = await screen.findByTestId('appeal-dialog');
    fireEvent.change(within(dialog).getByTestId('statement-facts'), { target: { value: FACTS } });
    await act(async () => fireEvent.click(within(dialog).getByTestId('appeal-submit')));

    expect((await within(dialog).findByTestId('decision-error')).textContent).toMatch(
      /le recours doit être examiné par quelqu'un d'autre/,
    );
  });
});
