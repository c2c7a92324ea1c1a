import { type Browser, baseUrl, describeInBrowser, openBrowser, screenshot } from './support/browser';
import { aReport, intakeSecret, sendReport } from './support/intake';
import { signInAs } from './support/mfa';

describeInBrowser('the DPO’s view of a case', () => {
  let browser: Browser;
  beforeEach(async () => {
    browser = await openBrowser('fr-FR');
  });
  afterEach(() => browser?.close());

  it('opens a held case’s metadata from the legal holds, without its comment', async () => {
    const comment = `Commentaire confidentiel ${Date.now()}`;
    const { caseId } = await sendReport(
      baseUrl(),
      intakeSecret(),
      aReport({
        category: 'threat_violence',
        comment,
        reporter: { externalId: 'u_e2e_meta_1', kind: 'explorer', displayName: 'Inès R.' },
        reported: { externalId: 'u_e2e_meta_2', kind: 'expert', displayName: 'Paul V.' },
      }),
    );
    const { page } = browser;
    await signInAs(page, 'dpo');

    // The DPO holds the case (a court order), then meets its id among the legal holds.
    const held = await page.evaluate(async (id) => {
      const me = (await (await fetch('/api/v1/auth/me')).json()) as { csrfToken: string };
      const res = await fetch(`/api/v1/cases/${id}/legal-hold`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: JSON.stringify({ reason: 'Réquisition judiciaire, dossier 2026/204.' }),
      });
      return res.status;
    }, caseId);
    expect(held).toBe(200);

    await page.getByRole('menuitem', { name: 'Conservation' }).click();
    await page.getByTestId(`hold-${caseId}`).getByRole('link').click();
    const metadata = page.getByTestId('case-metadata');
    await metadata.waitFor();
    expect(page.url()).toContain(`/case-metadata/${caseId}`);
    expect(await page.getByTestId('metadata-case').textContent()).toContain('Menaces ou violence');
    expect(await page.getByTestId('metadata-reports').textContent()).toContain('u_e2e_meta_1');
    expect(await page.getByTestId('metadata-timeline').textContent()).toContain('Gel juridique placé');
    expect(await page.locator('body').textContent()).not.toContain(comment);
    await screenshot(page, 'case-metadata');

    // The same page in English, the second language.
    await page.getByRole('button', { name: 'Français' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByRole('heading', { name: /^Case metadata/, level: 1 }).waitFor();
    expect(await page.getByTestId('metadata-timeline').textContent()).toContain('Legal hold placed');
    await screenshot(page, 'case-metadata-en');

    // Left as it was: the hold lifted.
    const lifted = await page.evaluate(async (id) => {
      const me = (await (await fetch('/api/v1/auth/me')).json()) as { csrfToken: string };
      const res = await fetch(`/api/v1/cases/${id}/legal-hold`, {
        method: 'DELETE',
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: JSON.stringify({ reason: 'Fin de la vérification du parcours.' }),
      });
      return res.status;
    }, caseId);
    expect(lifted).toBe(200);
  });
});
