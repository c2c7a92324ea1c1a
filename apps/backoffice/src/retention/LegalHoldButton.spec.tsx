import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { CaseDetail, StaffRole } from '@vigie/contracts';
import { AdminContext, type AuthProvider, memoryStore, Notification } from 'react-admin';
import { createI18nProvider } from '../i18n/i18nProvider';
import { createDataProvider } from '../providers/dataProvider';
import { setCsrfToken } from '../providers/httpClient';
import { aCase, aHeldCase, aPurgedCase, aReport } from '../testing/caseFixtures';
import { createFetchMock, jsonReply } from '../testing/fakeFetch';
import { theme } from '../theme';
import { CaseShowPage as CaseShow } from '../app/CaseShowPage';

const fetchMock = createFetchMock();
const words = (element: HTMLElement): string => (element.textContent ?? '').replace(/\s+/g, ' ');

const authProviderFor = (roles: StaffRole[]): AuthProvider => ({
  login: async () => undefined,
  logout: async () => undefined,
  checkAuth: async () => undefined,
  checkError: async () => undefined,
  getIdentity: async () => ({ id: 'staff-julie', fullName: 'Julie Martin' }),
  getPermissions: async () => roles,
});

/** The API as the case page sees it: GET answers `current`, the hold's calls change it. */
let current: CaseDetail;
const holdRequests: { method: string; url: string; body: unknown }[] = [];

beforeEach(() => {
  holdRequests.length = 0;
  fetchMock.mockReset();
  global.fetch = fetchMock;
  setCsrfToken('csrf-1');
  fetchMock.mockImplementation(async (input, init) => {
    const url = String(input);
    const method = init?.method ?? 'GET';
    if (url.endsWith('/legal-hold')) {
      const body: unknown = JSON.parse(String(init?.body));
      holdRequests.push({ method, url, body });
      current = method === 'POST' ? aHeldCase({ id: current.id }) : aCase({ id: current.id });
      // The hold alone: the page reads the case again.
      const reason = (body as { reason: string }).reason;
      return jsonReply(200, { caseId: current.id, legalHold: method === 'POST', reason, at: '2026-11-20T10:00:00.000Z', by: { id: 'staff-julie', name: 'Julie Martin' } });
    }
    if (url === '/api/v1/cases/assignees') return jsonReply(200, { data: [] });
    return jsonReply(200, current);
  });
});

afterEach(() => {
  jest.restoreAllMocks();
  setCsrfToken(null);
});

const renderCase = (record: CaseDetail, roles: StaffRole[]) => {
  current = record;
  return render(
    <AdminContext
      dataProvider={createDataProvider()}
      authProvider={authProviderFor(roles)}
      i18nProvider={createI18nProvider('fr')}
      store={memoryStore()}
      theme={theme}
    >
      <CaseShow id={record.id} />
      <Notification />
    </AdminContext>,
  );
};

describe('the legal hold on the case page', () => {
  it.each([
    [['lead'], true],
    [['dpo'], true],
    [['moderator'], false],
    [['admin'], false],
  ] as const)('is offered to %j: %s', async (roles, offered) => {
    renderCase(aCase({ reports: [aReport()] }), [...roles]);

    await screen.findByTestId('case-timeline');
    // Permissions arrive after the case: give the control its chance to show before saying it does not.
    await waitFor(() =>
      expect(screen.queryByRole('button', { name: 'Placer un gel juridique' }) !== null).toBe(offered),
    );
    if (!offered) {
      // A moderator's own control proves the roles are in; an admin has none, so give them a moment.
      if ((roles as readonly StaffRole[]).includes('moderator'))
        await screen.findByRole('button', { name: 'Prendre le dossier' });
      else await new Promise((resolve) => setTimeout(resolve, 50));
      expect(screen.queryByTestId('legal-hold-button')).toBeNull();
    }
  });

  it('lets a lead place a hold with a reason, then shows the case held', async () => {
    renderCase(aCase({ reports: [aReport()] }), ['lead']);

    fireEvent.click(await screen.findByRole('button', { name: 'Placer un gel juridique' }));
    const dialog = await screen.findByTestId('legal-hold-dialog');
    fireEvent.change(within(dialog).getByTestId('legal-hold-reason'), {
      target: { value: 'Réquisition judiciaire n° 2026/118 du parquet de Lyon' },
    });
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'Placer le gel' })));

    expect(await screen.findByText('Gel juridique placé.')).toBeTruthy();
    expect(holdRequests).toEqual([
      {
        method: 'POST',
        url: `/api/v1/cases/${aCase().id}/legal-hold`,
        body: { reason: 'Réquisition judiciaire n° 2026/118 du parquet de Lyon' },
      },
    ]);
    // The page reads the case again: the chip, the timeline's event and the control say it is held.
    expect(await screen.findByRole('button', { name: 'Lever le gel juridique' })).toBeTruthy();
    expect(screen.getByTestId('legal-hold-chip')).toBeTruthy();
    expect(
      within(screen.getByTestId('case-timeline')).getByText(
        /Gel juridique placé : «\s*Réquisition judiciaire n° 2026\/118 du parquet de Lyon\s*»/,
      ),
    ).toBeTruthy();
  });

  it('says on the chip why the case is held, by whom and since when, and lets the DPO lift it', async () => {
    renderCase(aHeldCase(), ['dpo']);

    const chip = await screen.findByTestId('legal-hold-chip');
    fireEvent.mouseOver(chip);
    const tooltip = await screen.findByRole('tooltip');
    expect(words(tooltip)).toMatch(/Motif : Réquisition judiciaire n° 2026\/118 du parquet de Lyon/);
    expect(words(tooltip)).toMatch(/Placé par Julie Martin le 15 octobre 2026/);

    fireEvent.click(await screen.findByRole('button', { name: 'Lever le gel juridique' }));
    const dialog = await screen.findByTestId('legal-hold-dialog');
    fireEvent.change(within(dialog).getByTestId('legal-hold-reason'), {
      target: { value: 'Procédure close par décision du 3 mars 2026' },
    });
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'Lever le gel' })));

    expect(await screen.findByText('Gel juridique levé.')).toBeTruthy();
    expect(holdRequests.map(({ method, body }) => [method, body])).toEqual([
      ['DELETE', { reason: 'Procédure close par décision du 3 mars 2026' }],
    ]);
    await waitFor(() => expect(screen.queryByTestId('legal-hold-chip')).toBeNull());
  });

  it('says when retention erased the case, and offers no hold on what is gone', async () => {
    renderCase(aPurgedCase(), ['lead']);

    const alert = await screen.findByTestId('case-purged');
    expect(words(alert)).toMatch(
      /^Données effacées au terme de la durée de conservation le 20 novembre 2026/,
    );
    expect(words(alert)).toMatch(/La conversation ne peut plus être ouverte/);
    expect(
      within(screen.getByTestId('case-timeline')).getByText(
        'Clos et effacé au terme de la durée de conservation (passe 5a5a5a5a)',
      ),
    ).toBeTruthy();
    expect((await screen.findByTestId('open-conversation')).hasAttribute('disabled')).toBe(true);
    expect(screen.queryByTestId('legal-hold-button')).toBeNull();
  });

  it('shows no purge notice on a case whose data is still there', async () => {
    renderCase(aCase({ status: 'closed', closeReason: 'resolved', closedAt: '2026-11-20T10:00:00.000Z' }), [
      'lead',
    ]);

    await screen.findByTestId('case-timeline');
    expect(screen.queryByTestId('case-purged')).toBeNull();
  });
});
