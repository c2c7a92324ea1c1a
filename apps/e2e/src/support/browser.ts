import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { REPO_ROOT } from './server';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const SCREENSHOTS = join(REPO_ROOT, 'apps/e2e/screenshots');

/** Why the browser journeys cannot run here, or undefined when they can. */
export function browserUnavailable(): string | undefined {
  return existsSync(CHROMIUM) ? undefined : `Chromium not found at ${CHROMIUM} (apt-get install -y chromium)`;
}

/** `describe`, or a loud skip where Chromium is missing — which CI (E2E_REQUIRED=1) refuses in global set-up. */
export function describeInBrowser(name: string, body: () => void): void {
  const reason = browserUnavailable();
  if (reason) {
    console.warn(`\n*** BROWSER TESTS SKIPPED: ${reason} ***\n`);
    describe.skip(`${name} [skipped: ${reason}]`, body);
  } else {
    describe(name, body);
  }
}

export interface Browser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** Debian's Chromium, headless, in a fresh profile, French by default like our users. */
export async function openBrowser(locale = 'fr-FR'): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'vigie-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    locale,
    viewport: { width: 1440, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

export function baseUrl(): string {
  const url = process.env.VIGIE_E2E_BASE_URL;
  if (!url) throw new Error('VIGIE_E2E_BASE_URL is not set: run through jest (its global set-up starts the product).');
  return url;
}
