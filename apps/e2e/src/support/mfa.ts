import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateSync } from 'otplib';
import type { Page } from 'playwright-core';
import { demoAccount, submitCredentials } from './session';

type Role = 'moderator' | 'lead' | 'dpo' | 'admin';

const secretFile = (role: Role) => join(process.env.VIGIE_E2E_DATA_DIR ?? '', `e2e-totp-secret-${role}`);

/** Keeps a demo account's TOTP secret in the product's data folder for the journeys that follow. */
export function rememberTotpSecret(role: Role, secret: string): void {
  writeFileSync(secretFile(role), secret);
}

/**
 * Signs a demo account in, whatever another journey did to it before: plain sign-in, a TOTP
 * code from the secret that journey kept, or the enrolment its role requires at first sign-in.
 */
export async function signInAs(page: Page, role: Role): Promise<void> {
  const account = demoAccount(role);
  await submitCredentials(page, account.email, account.password);
  const home = page.getByRole('heading', { name: /^Bonjour/ });
  const totp = page.locator('input[name=totp]');
  const enrolment = page.getByRole('heading', { name: 'Activez la double authentification' });
  await home.or(totp).or(enrolment).first().waitFor();
  if (await totp.isVisible()) {
    if (!existsSync(secretFile(role))) throw new Error(`The ${role} demo account has two-factor authentication but no journey kept its secret.`);
    await totp.fill(generateSync({ secret: readFileSync(secretFile(role), 'utf8') }));
    await page.getByRole('button', { name: 'Vérifier' }).click();
  } else if (await enrolment.isVisible()) {
    const secret = (await page.getByTestId('mfa-secret').textContent())?.replace(/\s/g, '') ?? '';
    await page.locator('input[name=code]').fill(generateSync({ secret }));
    await page.getByRole('button', { name: 'Activer', exact: true }).click();
    await page.getByRole('button', { name: "J'ai enregistré mes codes" }).click();
    rememberTotpSecret(role, secret);
  }
  await home.waitFor();
}
