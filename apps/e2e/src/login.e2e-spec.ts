import { baseUrl, type Browser, describeInBrowser, openBrowser, screenshot } from './support/browser';

describeInBrowser('the login page', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await openBrowser('fr-FR');
  });
  afterAll(() => browser?.close());

  it('greets staff in French, and switches to English', async () => {
    const { page } = browser;
    await page.goto(baseUrl());
    await page.waitForSelector('input[name=password]');
    expect(await page.textContent('body')).toContain('Modération des signalements');
    expect(await page.locator('button[type=submit]').textContent()).toBe('Se connecter');
    await screenshot(page, 'login-fr');

    await page.getByTestId('locale-switch').getByRole('button', { name: 'English' }).click();
    await page.waitForFunction(() => document.body.textContent?.includes('Report moderation'));
    expect(await page.locator('button[type=submit]').textContent()).toMatch(/^Sign in$/);
    await screenshot(page, 'login-en');
  });
});
