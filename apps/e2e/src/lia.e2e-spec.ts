import { randomUUID } from 'node:crypto';
import { type Browser, baseUrl, describeInBrowser, openBrowser, screenshot } from './support/browser';
import { eventually } from './support/eventually';
import { signInAs } from './support/mfa';
import { aReport, intakeSecret, type PlatformUser, sendReport } from './support/intake';
import { demoAccount, signOut, submitCredentials } from './support/session';

const JUSTIFICATION = 'Vérifier les menaces citées dans le signalement reçu.';

describeInBrowser('the legitimate-interest assessment', () => {
  let browser: Browser;
  beforeEach(async () => {
    browser = await openBrowser('fr-FR');
  });
  afterEach(() => browser?.close());

  it('the DPO publishes a version; the gate dialog links to it, and the register entry records it', async () => {
    const { page } = browser;
    const tag = randomUUID().slice(0, 8);
    const reporter: PlatformUser = { externalId: `u_ines_${tag}`, kind: 'explorer', displayName: 'Inès L.' };
    const reported: PlatformUser = { externalId: `u_marc_${tag}`, kind: 'expert', displayName: 'Marc D.' };
    const { caseId } = await sendReport(baseUrl(), intakeSecret(), aReport({ category: 'harassment', comment: 'Il me menace.', reporter, reported, minutesAgo: 2 }));

    // The DPO: the version in force, its text prefilled, a new version published from today.
    await signInAs(page, 'dpo');
    await page.getByRole('menuitem', { name: 'Intérêt légitime' }).click();
    await page.getByRole('heading', { name: 'Analyse d’intérêt légitime (AIL)', level: 1 }).waitFor();
    const current = page.getByTestId('lia-current');
    await current.getByTestId('lia-text').waitFor();
    const before = Number((await current.getByRole('heading').first().textContent())?.match(/Version (\d+)/)?.[1]);
    expect(before).toBeGreaterThanOrEqual(1);
    const text = page.getByTestId('lia-text-input');
    expect(await text.inputValue()).toContain('Garanties');
    await text.fill(`${(await text.inputValue()).trimEnd()}\n- Relecture trimestrielle par le DPO (${tag}).`);
    await page.getByTestId('lia-publish').click();
    const version = before + 1;
    await page.getByText(`Version ${version} publiée`).waitFor();
    await current.getByRole('heading', { name: `Version ${version} en vigueur` }).waitFor();
    expect(await current.getByTestId('lia-text').textContent()).toContain(`Relecture trimestrielle par le DPO (${tag})`);
    await page.getByTestId(`lia-history-${version}`).waitFor();
    await screenshot(page, 'lia-dpo');
    // The app bar hides while the page is scrolled down to the form.
    await page.evaluate(() => window.scrollTo(0, 0));
    await signOut(page);

    // A moderator: the gate dialog names the version in force, and links to it.
    const moderator = demoAccount('moderator');
    await submitCredentials(page, moderator.email, moderator.password);
    await page.getByRole('heading', { name: /^Bonjour/ }).waitFor();
    await page.goto(`${baseUrl()}/#/cases/${caseId}/show`);
    await page.getByTestId('case-reports').waitFor();
    await page.getByRole('button', { name: 'Prendre le dossier' }).click();
    await page.getByTestId('case-is-mine').waitFor();
    const open = page.getByTestId('open-conversation');
    await open.and(page.locator(':enabled')).waitFor();
    await open.click();
    const dialog = page.getByRole('dialog', { name: 'Ouvrir la conversation' });
    await dialog.waitFor();
    const lia = dialog.getByTestId('gate-lia');
    await lia.waitFor();
    const basis = await dialog.getByTestId('gate-legal-basis').textContent();
    expect(basis).toMatch(new RegExp(`Base légale\u00a0: intérêt légitime .* · analyse d’intérêt légitime en vigueur\u00a0: AIL v${version}`));
    expect(await dialog.getByTestId('gate-lia-link').getAttribute('href')).toContain(`/lia/${version}`);
    await dialog.getByRole('checkbox').first().check();
    await dialog.getByTestId('gate-justification').fill(JUSTIFICATION);
    await screenshot(page, 'lia-gate-dialog');
    await dialog.getByRole('button', { name: 'Ouvrir pour 15 minutes' }).click();
    const viewer = page.getByRole('dialog', { name: 'Conversation signalée' });
    await viewer.getByTestId('gate-countdown').waitFor();
    await viewer.getByRole('button', { name: 'Fermer' }).click();

    // The read-only version, as any member of staff reads it.
    await page.goto(`${baseUrl()}/#/lia/${version}`);
    const document = page.getByTestId('lia-document');
    await document.waitFor();
    expect(await document.getAttribute('data-version')).toBe(String(version));
    expect(await document.textContent()).toContain(`Relecture trimestrielle par le DPO (${tag})`);
    await screenshot(page, 'lia-document');
    await signOut(page);

    // The DPO: the register entry records the version.
    await signInAs(page, 'dpo');
    await page.getByRole('menuitem', { name: 'Registre des accès' }).click();
    const entry = page.getByRole('row').filter({ hasText: JUSTIFICATION });
    await entry.first().waitFor();
    await entry.first().click();
    const recorded = page.getByTestId('register-entry-lia').first();
    await eventually(
      () => recorded.textContent(),
      (shown) => expect(shown).toBe(`AIL v${version}`),
    );
    await screenshot(page, 'lia-register-entry');
  });
});
