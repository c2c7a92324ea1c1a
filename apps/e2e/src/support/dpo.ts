import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateSync } from 'otplib';
import type { Page } from 'playwright-core';
import { demoAccount, submitCredentials } from './session';

/**
 * Signs the demo DPO in. Their role requires two-factor authentication: the first journey to
 * need them enrols them and keeps the TOTP secret in the product's data folder for the others.
 */
export async function signInAsDpo(page: Page): Promise<void> {
  const dpo = demoAccount('dpo');
  const secretFile = join(process.env.VIGIE_E2E_DATA_DIR ?? '', 'e2e-dpo-totp-secret');
  await submitCredentials(page, dpo.email, dpo.password);
  if (existsSync(secretFile)) {
    await page.locator('input[name=totp]').fill(generateSync({ secret: readFileSync(secretFile, 'utf8') }));
    await page.getByRole('button', { name: 'Vérifier' }).click();
  } else {
    await page.getByRole('heading', { name: 'Activez la double authentification' }).waitFor();
    const secret = (await page.getByTestId('mfa-secret').textContent())?.replace(/\s/g, '') ?? '';
    await page.locator('input[name=code]').fill(generateSync({ secret }));
    await page.getByRole('button', { name: 'Activer', exact: true }).click();
    await page.getByRole('button', { name: "J'ai enregistré mes codes" }).click();
    writeFileSync(secretFile, secret);
  }
  await page.getByRole('heading', { name: /^Bonjour/ }).waitFor();
}
