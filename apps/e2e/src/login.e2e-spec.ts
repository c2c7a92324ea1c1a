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

  it('sends the backoffice precompressed', async () => {
    const { page } = browser;
    const sent: { encoding: string; length: number }[] = [];
    page.on('response', (response) => {
      if (!response.url().endsWith('.js')) return;
      const headers = response.headers();
      sent.push({ encoding: headers['content-encoding'] ?? 'identity', length: Number(headers['content-length'] ?? 0) });
    });
    await page.goto(baseUrl());
    await page.waitForSelector('input[name=password]');
    expect(sent.filter((s) => s.encoding === 'br' || s.encoding === 'gzip').length).toBeGreaterThan(0);
    // Only files too small to gain from it (under 1 KB) travel uncompressed.
    expect(sent.filter((s) => s.encoding === 'identity' && s.length >= 1024)).toEqual([]);
  });
});
