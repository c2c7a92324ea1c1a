import type { RetentionPreview } from '@vigie/contracts';
import { type Browser, baseUrl, describeInBrowser, openBrowser, screenshot } from './support/browser';
import { signInAs } from './support/mfa';
import { demoAccount, signOut, submitCredentials } from './support/session';

describeInBrowser('retention', () => {
  let browser: Browser;
  beforeEach(async () => {
    browser = await openBrowser('fr-FR');
  });
  afterEach(() => browser?.close());

  it('lets the DPO preview and run retention; a demo case past three years is then closed and its conversation gone', async () => {
    const { page } = browser;
    await signInAs(page, 'dpo');

    // A case of the demo data whose last activity is more than three years old.
    const preview = await page.evaluate(async () => (await fetch('/api/v1/retention/preview')).json() as Promise<RetentionPreview>);
    const overdue = preview.cases.find((c) => new Date(c.dueAt).getTime() < Date.now());
    expect(overdue).toBeDefined();
    const caseId = overdue?.caseId as string;

    await page.getByRole('menuitem', { name: 'Conservation' }).click();
    await page.getByTestId('retention-statement').waitFor();
    expect(await page.getByTestId('retention-statement').textContent()).toContain('3 ans');
    await page.getByTestId(`preview-case-${caseId}`).waitFor();
    await screenshot(page, 'retention-preview');

    // A dry run first: its figures, nothing erased.
    await page.getByRole('button', { name: 'Simuler une passe' }).click();
    const result = page.getByTestId('run-result');
    await result.and(page.locator('[data-status=completed]')).waitFor();
    const dryCounts = await page.getByTestId('run-counts').first().textContent();
    expect(dryCounts).toMatch(/\d/);
    await page.getByTestId(`preview-case-${caseId}`).waitFor();

    // Then the real run, after a confirmation that says what goes for good.
    await page.getByRole('button', { name: 'Lancer une passe maintenant' }).click();
    const confirm = page.getByTestId('confirm-run-dialog');
    await confirm.getByText(/irréversible/).waitFor();
    await confirm.getByTestId('confirm-run-count').filter({ hasText: /\d/ }).waitFor();
    await confirm.getByTestId('confirm-run-submit').click();
    await page.locator('tr[data-testid^="run-"][data-dry-run="false"]').first().waitFor();
    await result.and(page.locator('[data-status=completed]')).waitFor();
    await page.getByTestId(`preview-case-${caseId}`).waitFor({ state: 'detached' });
    // The dry run foresaw exactly what the real run did.
    const figures = (text: string | null) => text?.match(/\d+/g);
    expect(figures(await page.getByTestId('run-counts').first().textContent())).toEqual(figures(dryCounts));
    await screenshot(page, 'retention-after-run');
    await signOut(page);

    // A moderator finds the case closed as expired, its data erased, the conversation shut.
    const moderator = demoAccount('moderator');
    await submitCredentials(page, moderator.email, moderator.password);
    await page.getByRole('heading', { name: /^Bonjour/ }).waitFor();
    await page.goto(`${baseUrl()}/#/cases/${caseId}/show`);
    await page.getByTestId('case-purged').waitFor();
    expect(await page.getByTestId('open-conversation').isDisabled()).toBe(true);
    const refusal = await page.evaluate(async (id) => {
      const me = (await (await fetch('/api/v1/auth/me')).json()) as { csrfToken: string };
      const res = await fetch(`/api/v1/cases/${id}/access`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: JSON.stringify({ justification: 'Relire la conversation du dossier expiré.', reportIds: [] }),
      });
      return { status: res.status, body: (await res.json()) as { reason?: string } };
    }, caseId);
    expect(refusal).toMatchObject({ status: 403, body: { reason: 'data_purged' } });
    const kase = await page.evaluate(async (id) => (await fetch(`/api/v1/cases/${id}`)).json() as Promise<{ status: string; closeReason: string }>, caseId);
    expect(kase).toMatchObject({ status: 'closed', closeReason: 'retention_expired' });
    await screenshot(page, 'case-purged');
  });
});
