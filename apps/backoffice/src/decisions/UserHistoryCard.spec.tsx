import { screen, within } from '@testing-library/react';
import { aCaseInReview, aUserHistory } from '../testing/caseFixtures';
import { createFetchMock, jsonReply } from '../testing/fakeFetch';
import { renderCasePage, serveCasePage } from '../testing/casePageKit';

const fetchMock = createFetchMock();

beforeEach(() => {
  fetchMock.mockReset();
  global.fetch = fetchMock;
});

afterEach(() => jest.restoreAllMocks());

describe("the reported user's record", () => {
  it('lists their other cases and decisions, and flags two sanctions in a year as a pattern', async () => {
    const current = aCaseInReview();
    serveCasePage(fetchMock, { current, history: () => jsonReply(200, aUserHistory()) });
    renderCasePage(current.id, ['moderator']);

    const card = await screen.findByTestId('user-history');
    expect((await within(card).findByTestId('history-pattern')).textContent).toMatch(
      /Comportement répété.*2 sanctions effectives en 12 mois/,
    );
    expect(within(card).getByTestId('history-6-months').textContent).toBe('2');
    expect(within(card).getByTestId('history-12-months').textContent).toBe('2');
    const [recent, older] = within(card).getAllByTestId('history-case');
    expect(within(recent).getByText('Clos')).toBeTruthy();
    expect(within(recent).getByText('Harcèlement')).toBeTruthy();
    expect(within(recent).getByText('Suspension')).toBeTruthy();
    expect(within(recent).getByRole('link').getAttribute('href')).toMatch(
      /\/cases\/11111111-0000-4000-8000-000000000001\/show$/,
    );
    expect(within(older).getByText('Avertissement')).toBeTruthy();
  });

  it('shows a single earlier sanction without calling it a pattern', async () => {
    const current = aCaseInReview();
    serveCasePage(fetchMock, {
      current,
      history: () => jsonReply(200, aUserHistory({ actionedLast6Months: 0, actionedLast12Months: 1 })),
    });
    renderCasePage(current.id, ['moderator']);

    const card = await screen.findByTestId('user-history');
    expect((await within(card).findByTestId('history-12-months')).textContent).toBe('1');
    expect(within(card).queryByTestId('history-pattern')).toBeNull();
  });

  it('says when there is nothing else on this person, and when the record cannot be read', async () => {
    const current = aCaseInReview();
    serveCasePage(fetchMock, { current });
    const { unmount } = renderCasePage(current.id, ['moderator']);
    expect(
      await within(await screen.findByTestId('user-history')).findByText(
        'Aucun autre dossier ne concerne cette personne.',
      ),
    ).toBeTruthy();
    unmount();

    serveCasePage(fetchMock, { current, history: () => jsonReply(500, {}) });
    renderCasePage(current.id, ['moderator']);
    expect(
      await within(await screen.findByTestId('user-history')).findByText(
        /Les antécédents ne peuvent pas être affichés/,
      ),
    ).toBeTruthy();
  });
});
