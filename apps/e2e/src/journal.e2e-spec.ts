import { type Browser, describeInBrowser, openBrowser, screenshot } from './support/browser';
import { signInAs } from './support/mfa';

describeInBrowser('staff journal', () => {
  let browser: Browser;
  beforeEach(async () => {
    browser = await openBrowser('fr-FR');
  });
  afterEach(() => browser?.close());

  it('lets the DPO open the staff journal and filter it by action', async () => {
    const { page } = browser;
    await signInAs(page, 'dpo');
    // Something of the DPO's own to find: reading the access register is journaled.
    await page.getByRole('menuitem', { name: 'Registre des accès' }).click();
    await page.getByTestId('register-total').waitFor();

    await page.getByRole('menuitem', { name: 'Journal du personnel' }).click();
    await page.getByRole('heading', { name: 'Journal du personnel', level: 1 }).waitFor();
    await page.locator('[data-event="login.succeeded"]').first().waitFor();
    await screenshot(page, 'journal');

    await page.getByLabel('Action').click();
    await page.getByRole('option', { name: 'Registre des accès consulté' }).click();
    await page.locator('[data-event="login.succeeded"]').first().waitFor({ state: 'detached' });
    const events = await page.locator('[data-event]').evaluateAll((cells) => cells.map((cell) => cell.getAttribute('data-event')));
    expect(events.length).toBeGreaterThan(0);
    expect(new Set(events)).toEqual(new Set(['register.viewed']));
    expect(page.url()).toContain('register.viewed');
    await screenshot(page, 'journal-filtered');
  });
});
