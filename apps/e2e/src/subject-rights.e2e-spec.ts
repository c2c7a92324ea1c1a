import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { type Browser, baseUrl, describeInBrowser, openBrowser, screenshot } from './support/browser';
import { signInAs } from './support/mfa';
import { aReport, intakeSecret, sendReport } from './support/intake';
import { demoAccount, signOut as signOutOf, submitCredentials } from './support/session';

const JUSTIFICATION = 'Vérifier les messages signalés par la personne.';

/** The DPO, on the "Personnes" screen, opens the person's report and their rights. */
async function openRights(page: Page, externalId: string) {
  await page.getByRole('menuitem', { name: 'Personnes' }).click();
  await page.getByTestId('subjects-search-input').fill(externalId);
  await page.getByRole('button', { name: 'Rechercher' }).click();
  await page.getByTestId(`subject-${externalId}`).click();
  const rights = page.getByTestId('subject-rights');
  await rights.waitFor();
  return rights;
}

/** The app bar hides while the page is scrolled down: back to the top, then sign out. */
async function signOut(page: Page) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await signOutOf(page);
}

describeInBrowser("a person's rights: restriction and erasure on request", () => {
  let browser: Browser;
  beforeEach(async () => {
    browser = await openBrowser('fr-FR');
  });
  afterEach(() => browser?.close());

  it('the DPO restricts, a moderator is refused, the DPO lifts, then erases: the cases are gone and the run is listed', async () => {
    const { page } = browser;
    const tag = randomUUID().slice(0, 8);
    const reported = { externalId: `u_e2e_rights_${tag}`, kind: 'expert' as const, displayName: `Hugo ${tag.slice(0, 2).toUpperCase()}.` };
    const { caseId } = await sendReport(
      baseUrl(),
      intakeSecret(),
      aReport({ category: 'harassment', reporter: { externalId: `u_e2e_rep_${tag}`, kind: 'explorer', displayName: 'Nina P.' }, reported }),
    );

    // The DPO restricts the processing of the reported person's data.
    await signInAs(page, 'dpo');
    let rights = await openRights(page, reported.externalId);
    await rights.getByTestId('subject-restrict').click();
    let dialog = page.getByRole('dialog', { name: 'Limiter le traitement des données' });
    await dialog.getByTestId('subject-rights-reason').fill('La personne conteste l’exactitude du signalement.');
    await dialog.getByTestId('subject-rights-reference').fill(`DPO-${tag}-18`);
    await screenshot(page, 'subject-rights-restrict');
    await dialog.getByTestId('subject-rights-confirm').click();
    await rights.getByTestId('subject-restriction').waitFor();
    expect(await rights.getByTestId('subject-restriction').textContent()).toContain(`DPO-${tag}-18`);
    await screenshot(page, 'subject-rights');
    await signOut(page);

    // A moderator: the case says so, and the gate refuses.
    const moderator = demoAccount('moderator');
    await submitCredentials(page, moderator.email, moderator.password);
    await page.getByRole('heading', { name: /^Bonjour/ }).waitFor();
    await page.goto(`${baseUrl()}/#/cases/${caseId}/show`);
    await page.getByTestId('case-restricted').waitFor();
    await page.getByRole('button', { name: 'Prendre le dossier' }).click();
    await page.getByTestId('case-is-mine').waitFor();
    const open = page.getByTestId('open-conversation');
    await open.and(page.locator(':enabled')).waitFor();
    await open.click();
    const gate = page.getByRole('dialog', { name: 'Ouvrir la conversation' });
    await gate.waitFor();
    await gate.getByRole('checkbox').first().check();
    await gate.getByTestId('gate-justification').fill(JUSTIFICATION);
    await gate.getByRole('button', { name: /^Ouvrir pour/ }).click();
    const refusal = gate.getByTestId('gate-refusal');
    await refusal.waitFor();
    expect(await refusal.getAttribute('data-reason')).toBe('restricted');
    expect(await refusal.textContent()).toContain('Traitement limité');
    await screenshot(page, 'case-restricted');
    await gate.getByRole('button', { name: 'Annuler' }).click();
    await gate.waitFor({ state: 'detached' });
    await signOut(page);

    // The DPO lifts the restriction, then erases the person's data.
    await signInAs(page, 'dpo');
    rights = await openRights(page, reported.externalId);
    await rights.getByTestId('subject-lift').click();
    dialog = page.getByRole('dialog', { name: 'Lever la limitation' });
    await dialog.getByTestId('subject-rights-reason').fill('Vérification faite avec la personne.');
    await dialog.getByTestId('subject-rights-confirm').click();
    await rights.getByText("Le traitement de ses données n'est pas limité.").waitFor();

    await rights.getByTestId('subject-erase').click();
    dialog = page.getByRole('dialog', { name: 'Effacer les données de la personne' });
    await dialog.getByTestId('subject-erasure-preview').waitFor();
    expect(await dialog.getByTestId('subject-erasure-preview').textContent()).toMatch(/^1 dossier sera effacé/);
    await dialog.getByTestId('subject-rights-reference').fill(`DPO-${tag}-17`);
    await screenshot(page, 'subject-erasure');
    await dialog.getByTestId('subject-rights-confirm').click();
    await page.getByTestId('subject-rights').waitFor({ state: 'detached' });

    // Found no more; the run is among retention's, triggered by the request.
    await page.getByRole('menuitem', { name: 'Conservation' }).click();
    const run = page.getByRole('row').filter({ hasText: `réf. DPO-${tag}-17` });
    await run.first().waitFor();
    expect(await run.first().textContent()).toContain('Demande de la personne');
    await screenshot(page, 'retention-request-run');
    await page.getByRole('menuitem', { name: 'Personnes' }).click();
    await page.getByTestId('subjects-search-input').fill(reported.externalId);
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await page.getByTestId('subjects-none').waitFor();
  });
});
