import { type Browser, describeInBrowser, openBrowser, screenshot } from './support/browser';
import { productQuery } from './support/database';
import { signInAs } from './support/mfa';

describeInBrowser('system alerts', () => {
  let browser: Browser;
  beforeEach(async () => {
    browser = await openBrowser('fr-FR');
  });
  afterEach(() => browser?.close());

  it('shows the DPO that the night’s verification found the register broken: on the integrity card and among the alerts, as the system’s', async () => {
    const { page } = browser;
    // What the schedule leaves behind when it finds a broken entry (no screen can break the register).
    const at = new Date(Date.now() - 3_600_000);
    await productQuery(
      `INSERT INTO register_verification (at, trigger, intact, entries_checked, first_broken_sequence, problem) VALUES ($1, 'schedule', false, 4812, 4812, 'hash_mismatch')`,
      [at],
    );
    await productQuery(
      `INSERT INTO staff_alert (rule, staff_id, opened_at, window_start, window_end, evidence, details)
       VALUES ('register_broken', NULL, $1, $1, $1, '{}', '{"chain": "register", "sequence": 4812, "problem": "hash_mismatch", "trigger": "schedule"}')`,
      [at],
    );
    await signInAs(page, 'dpo');

    await page.getByRole('menuitem', { name: 'Registre des accès' }).click();
    const line = page.getByTestId('scheduled-verification');
    await line.waitFor();
    expect(await line.getAttribute('data-intact')).toBe('false');
    expect((await line.textContent())?.replace(/\s+/g, ' ')).toContain('première entrée rompue n° 4812');
    await screenshot(page, 'register-scheduled-verification');

    await page.getByRole('menuitem', { name: /Alertes/ }).click();
    const row = page.locator('[data-rule="register_broken"]');
    await row.waitFor();
    expect(await row.getByTestId('alert-system').textContent()).toBe('Système');
    expect((await row.getByTestId('alert-details').textContent())?.replace(/\s+/g, ' ')).toBe('entrée n° 4812 · hash_mismatch');
    await screenshot(page, 'alerts-system');
  });
});
