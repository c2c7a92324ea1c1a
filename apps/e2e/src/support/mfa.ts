import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateSync } from 'otplib';
import type { Page } from 'playwright-core';
import { demoAccount, submitCredentials } from './session';

type Role = 'moderator' | 'lead' | 'dpo' | 'admin';

const secretFile = (role: Role) => join(process.env.VIGIE_E2E_DATA_DIR ?? '', `e2e-totp-secret-${role}`);
// Per account: a demo account by its role, any other by its e-mail address.
const stepFile = (account: string) => join(process.env.VIGIE_E2E_DATA_DIR ?? '', `e2e-totp-step-${account}`);
const STEP_MS = 30_000;

/**
 * A TOTP code the account has not used yet. The API takes each 30-second code once, so a journey
 * that signs in right after another one's sign-in or enrolment waits for the next code, as a
 * person would.
 */
export async function freshTotpCode(account: Role | string, secret: string): Promise<string> {
  const used = existsSync(stepFile(account)) ? Number(readFileSync(stepFile(account), 'utf8')) : -1;
  const step = Math.floor(Date.now() / STEP_MS);
  if (step <= used) await new Promise((resolve) => setTimeout(resolve, (used + 1) * STEP_MS - Date.now() + 250));
  const at = Date.now();
  writeFileSync(stepFile(account), String(Math.floor(at / STEP_MS)));
  return generateSync({ secret, epoch: Math.floor(at / 1000) });
}

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
    await totp.fill(await freshTotpCode(role, readFileSync(secretFile(role), 'utf8')));
    await page.getByRole('button', { name: 'Vérifier' }).click();
  } else if (await enrolment.isVisible()) {
    rememberTotpSecret(role, await enrolAtSignIn(page, role));
  }
  await home.waitFor();
}

/** The enrolment a role that requires MFA meets at sign-in: scan, confirm a code, keep the recovery codes. Answers the secret. */
export async function enrolAtSignIn(page: Page, account: Role | string): Promise<string> {
  await page.getByRole('heading', { name: 'Activez la double authentification' }).waitFor();
  const secret = (await page.getByTestId('mfa-secret').textContent())?.replace(/\s/g, '') ?? '';
  await page.locator('input[name=code]').fill(await freshTotpCode(account, secret));
  await page.getByRole('button', { name: 'Activer', exact: true }).click();
  await page.getByRole('button', { name: "J'ai enregistré mes codes" }).click();
  return secret;
}
