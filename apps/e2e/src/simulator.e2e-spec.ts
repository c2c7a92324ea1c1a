import type { CaseListItem, ListResponse } from '@vigie/contracts';
import { type Browser, baseUrl, describeInBrowser, openBrowser, screenshot } from './support/browser';
import { eventually } from './support/eventually';
import { demoAccount, signOut, submitCredentials } from './support/session';
import { type RunningSimulator, startSimulator, stopSimulator } from './support/simulator';

// The platform's ids for the minor-safety conversation of the simulator (apps/platform-sim/src/conversations.ts).
const EXPERT = { id: 'sim_u_damien', name: 'Damien Perrin' };
const COMMENT = 'Il veut me voir seule samedi et que je ne dise rien à mes parents.';

describeInBrowser('the platform simulator', () => {
  let browser: Browser;
  let simulator: RunningSimulator;
  beforeAll(async () => {
    simulator = await startSimulator();
    browser = await openBrowser('fr-FR');
  });
  afterAll(async () => {
    await browser?.close();
    if (simulator) await stopSimulator(simulator);
  });

  it('sends what Léa reports in the chat to Vigie, where the moderators find the case', async () => {
    const { page } = browser;

    // The platform: Léa opens her conversation with the football coach and reports his message.
    await page.goto(simulator.url);
    expect(await page.getByRole('button', { name: 'Léa (Explorer)' }).getAttribute('aria-pressed')).toBe('true');
    await page.getByRole('list', { name: 'Conversations' }).getByRole('button', { name: new RegExp(EXPERT.name) }).click();
    await page.getByRole('heading', { name: EXPERT.name }).waitFor();
    const message = page.locator('li.message', { hasText: 'juste tous les deux' });
    await screenshot(page, 'simulator-chat');

    await message.getByRole('button', { name: `Signaler ce message de ${EXPERT.name}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Signaler ce message' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('juste tous les deux');
    expect(await dialog.getByRole('button', { name: 'Envoyer le signalement' }).isDisabled()).toBe(true);
    await dialog.getByRole('radio', { name: "Sécurité d'un mineur" }).check();
    await dialog.getByLabel('Ajouter un commentaire').fill(COMMENT);
    await screenshot(page, 'simulator-report-dialog');

    await dialog.getByRole('button', { name: 'Envoyer le signalement' }).click();
    await dialog.getByText('Merci, notre équipe de modération va examiner ce signalement.').waitFor();
    const vigieLink = await dialog.getByRole('link', { name: 'Voir dans Vigie' }).getAttribute('href');
    await screenshot(page, 'simulator-report-sent');
    await dialog.getByRole('button', { name: 'Fermer' }).last().click();
    // The chat marks the message once the platform has stored the report.
    await eventually(
      () => message.textContent(),
      (text) => expect(text).toContain('Signalé'),
    );

    // Vigie: a moderator signs in; the API has the case, about the expert, as a minor's safety.
    const moderator = demoAccount('moderator');
    await submitCredentials(page, moderator.email, moderator.password);
    await page.getByRole('heading', { name: /^Bonjour/ }).waitFor();
    const answer = await page.evaluate(async (reportedUser) => {
      const response = await fetch(`/api/v1/cases?reportedUser=${encodeURIComponent(reportedUser)}`);
      return { status: response.status, body: (await response.json()) as unknown };
    }, EXPERT.id);
    expect(answer.status).toBe(200);
    const cases = answer.body as ListResponse<CaseListItem>;
    expect(cases.total).toBe(1);
    const [found] = cases.data;
    expect(found.categories).toContain('minor_safety');
    expect(found.reportedUser).toMatchObject({ externalId: EXPERT.id, kind: 'expert', displayName: EXPERT.name });
    expect(vigieLink).toBe(`${baseUrl()}/#/cases/${found.id}/show`);

    // The queue, filtered on the expert, shows the case; the simulator's link opens it.
    await page.goto(`${baseUrl()}/#/cases?filter=${encodeURIComponent(JSON.stringify({ reportedUser: EXPERT.id }))}`);
    const row = page.getByRole('row', { name: new RegExp(EXPERT.name) });
    await row.waitFor();
    expect(await row.textContent()).toContain('Protection des mineurs');
    await page.goto(vigieLink ?? '');
    await page.getByRole('heading', { level: 1, name: `Dossier concernant ${EXPERT.name}` }).waitFor();
    await page.getByTestId('case-reports').getByText(COMMENT).waitFor();
    expect(await page.getByTestId('case-reports').textContent()).toContain('Léa Moreau');
    await screenshot(page, 'simulator-case-in-vigie');
    await signOut(page);

    // The simulator stops cleanly on SIGTERM, as a process manager would stop it.
    expect(await stopSimulator(simulator)).toBe(0);
  });
});
