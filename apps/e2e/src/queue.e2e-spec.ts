import { randomUUID } from 'node:crypto';
import { type Browser, baseUrl, describeInBrowser, openBrowser, screenshot } from './support/browser';
import { aReport, intakeSecret, type PlatformUser, sendReport } from './support/intake';
import { eventually } from './support/eventually';
import { demoAccount, signOut, submitCredentials } from './support/session';

/** The queue's next answer for a filter: `param=value` among its query parameters. */
const queueAnswer = (page: Browser['page'], param: string, value: string) =>
  page.waitForResponse((response) => {
    const url = new URL(response.url());
    return url.pathname === '/api/v1/cases' && url.searchParams.getAll(param).join(',') === value;
  });

const user = (kind: PlatformUser['kind'], name: string, tag: string): PlatformUser => ({
  externalId: `u_${name.toLowerCase().replace(/\W/g, '')}_${tag}`,
  kind,
  displayName: `${name} ${tag.slice(0, 3).toUpperCase()}`,
});

describeInBrowser("the moderators' queue and case page", () => {
  let browser: Browser;
  beforeEach(async () => {
    browser = await openBrowser('fr-FR');
  });
  afterEach(() => browser?.close());

  it('puts a report about a minor first, filters by category, and lets a moderator take the case', async () => {
    const { page } = browser;
    const tag = randomUUID().slice(0, 8);
    const secret = intakeSecret();
    const child = user('explorer', 'Inès', tag);
    const suspect = user('expert', 'Paul', tag);

    // The platform's report buttons: two ordinary reports, then one about a minor's safety.
    await sendReport(
      baseUrl(),
      secret,
      aReport({
        category: 'harassment',
        comment: 'Il insiste pour me voir en dehors de la plateforme.',
        reporter: user('explorer', 'Léa', tag),
        reported: user('expert', 'Marc', tag),
        minutesAgo: 120,
      }),
    );
    await sendReport(
      baseUrl(),
      secret,
      aReport({
        category: 'spam_scam',
        reporter: user('explorer', 'Tom', tag),
        reported: user('expert', 'Sara', tag),
        minutesAgo: 60,
      }),
    );
    // Two children report the same adult in one conversation: one case, two reporters, and a
    // priority (1000 + 25) above any single report, the demo data's included.
    const friend = user('explorer', 'Jade', tag);
    const conversation = `c_group_${tag}`;
    const participants = [child, friend, suspect];
    await sendReport(
      baseUrl(),
      secret,
      aReport({
        category: 'minor_safety',
        comment: "Il m'a demandé mon âge puis des photos.",
        reporter: child,
        reported: suspect,
        conversation,
        participants,
        minutesAgo: 5,
      }),
    );
    await sendReport(
      baseUrl(),
      secret,
      aReport({
        category: 'minor_safety',
        reporter: friend,
        reported: suspect,
        conversation,
        participants,
        minutesAgo: 3,
      }),
    );

    const moderator = demoAccount('moderator');
    await submitCredentials(page, moderator.email, moderator.password);
    await page.getByRole('heading', { name: /^Bonjour/ }).waitFor();
    await page.getByRole('menuitem', { name: "File d'attente" }).click();
    await page.getByRole('heading', { level: 1, name: "File d'attente" }).waitFor();

    // Priority first: the report about a minor tops the queue, marked critical.
    const firstRow = page.locator('tbody tr').first();
    await firstRow.filter({ hasText: suspect.displayName }).waitFor();
    expect(await firstRow.textContent()).toContain('Critique');
    expect(await firstRow.textContent()).toContain('Protection des mineurs');
    expect(await firstRow.textContent()).toContain('Non assigné');
    expect(await firstRow.locator('[data-priority-level]').getAttribute('data-priority-level')).toBe(
      'critical',
    );
    await screenshot(page, 'queue-all-open');

    // The category filter keeps only harassment cases.
    const harassment = queueAnswer(page, 'category', 'harassment');
    await page.getByRole('combobox', { name: 'Catégorie' }).click();
    await page.getByRole('option', { name: 'Harcèlement' }).click();
    await page.keyboard.press('Escape');
    await harassment;
    await page.getByRole('row', { name: new RegExp(suspect.displayName) }).waitFor({ state: 'detached' });
    const rows = page.locator('tbody tr');
    // The rows are read together, once the filtered answer is on screen.
    await eventually(
      async () => ({
        all: await rows.count(),
        minors: await rows.filter({ hasText: 'Protection des mineurs' }).count(),
        harassment: await rows.filter({ hasText: 'Harcèlement' }).count(),
      }),
      ({ all, minors, harassment: shown }) => {
        expect(all).toBeGreaterThan(0);
        expect(minors).toBe(0);
        expect(shown).toBe(all);
      },
    );
    expect(page.url()).toContain('harassment');
    await screenshot(page, 'queue-filtered-harassment');

    // The saved view "Protection des mineurs" in one click.
    await page.getByRole('tab', { name: /Protection des mineurs/ }).click();
    await page.getByRole('row', { name: new RegExp(suspect.displayName) }).waitFor();
    expect(await page.locator('tbody tr').filter({ hasText: 'Harcèlement' }).count()).toBe(0);
    await screenshot(page, 'queue-minor-safety');

    // The case page: what was reported, by whom, and its story so far.
    await page.getByRole('row', { name: new RegExp(suspect.displayName) }).click();
    await page
      .getByRole('heading', { level: 1, name: `Dossier concernant ${suspect.displayName}` })
      .waitFor();
    const reports = page.getByTestId('case-reports');
    await reports.getByText("Il m'a demandé mon âge puis des photos.").waitFor();
    expect(await reports.textContent()).toContain(child.displayName);
    expect(await reports.textContent()).toContain(friend.displayName);
    expect(await page.getByTestId('case-header').textContent()).toContain('2 signalements, par 2 personnes');
    expect(await page.getByTestId('case-timeline').textContent()).toContain('Dossier ouvert');
    expect(await page.getByTestId('open-conversation').isDisabled()).toBe(true);
    await screenshot(page, 'case-before-claim');

    // Taking the case: the moderator becomes its assignee, and the timeline says so.
    await page.getByRole('button', { name: 'Prendre le dossier' }).click();
    await page.getByText('Le dossier est à vous.').waitFor();
    await page.getByTestId('case-is-mine').waitFor();
    expect(await page.getByTestId('case-assignee').textContent()).toContain('Camille Moreau');
    await page.getByTestId('case-timeline').locator('[data-event-type=claimed]').waitFor();
    expect(await page.getByTestId('case-timeline').textContent()).toContain('Dossier pris en charge');
    expect(await page.getByRole('button', { name: 'Prendre le dossier' }).count()).toBe(0);
    await screenshot(page, 'case-claimed');

    // Back in the queue, the case is under "Mes dossiers".
    await page.getByRole('link', { name: "Retour à la file d'attente" }).click();
    const mineAnswer = queueAnswer(page, 'mine', 'true');
    await page.getByRole('tab', { name: /Mes dossiers/ }).click();
    await mineAnswer;
    await page.locator('tbody tr', { hasText: 'Non assigné' }).first().waitFor({ state: 'detached' });
    await page.getByRole('row', { name: new RegExp(suspect.displayName) }).waitFor();
    // Other journeys may have given this moderator cases too: every row is theirs, none unassigned.
    const mine = page.locator('tbody tr');
    await eventually(
      async () => ({ all: await mine.count(), unassigned: await mine.filter({ hasText: 'Non assigné' }).count() }),
      ({ all, unassigned }) => {
        expect(all).toBeGreaterThan(0);
        expect(unassigned).toBe(0);
      },
    );
    expect(page.url()).toContain('mine');
    await screenshot(page, 'queue-mine');

    await signOut(page);
  });
});
