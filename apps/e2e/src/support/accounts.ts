import type { Page } from 'playwright-core';
import { screenshot } from './browser';
import { eventually } from './eventually';
import { freshTotpCode } from './mfa';

/**
 * An admin, on the team screen, creates an account with one content role: the role waits for a
 * second person and the admin gets the one-time link to hand over.
 */
export async function createAccountWithLink(page: Page, account: { name: string; email: string; role: RegExp }): Promise<string> {
  await page.getByRole('link', { name: 'Nouveau compte' }).first().click();
  await page.locator('input[name=name]').fill(account.name);
  await page.locator('input[name=email]').fill(account.email);
  await page.getByRole('checkbox', { name: account.role }).check();
  // Admins never choose a password.
  expect(await page.locator('input[name=password]').count()).toBe(0);
  await screenshot(page, 'staff-create');
  await page.getByRole('button', { name: 'Créer le compte' }).click();
  await page.getByTestId('password-link-dialog').getByText(`Lien à remettre à ${account.name}`).waitFor();
  const link = await page.getByTestId('password-link-url').inputValue();
  expect(link).toMatch(/\/#\/set-password\?token=[\w-]{40,}$/);
  await screenshot(page, 'staff-password-link');
  await page.getByTestId('password-link-done').click();
  return link;
}

/** A lead or another admin approves the roles waiting for the account with this e-mail. */
export async function approveRolesOf(page: Page, email: string): Promise<void> {
  await page.getByRole('menuitem', { name: 'Rôles à approuver' }).click();
  const request = page.locator(`[data-testid=role-request][data-staff="${email}"]`);
  await request.getByTestId('approve-roles').waitFor();
  await screenshot(page, 'role-requests');
  await request.getByTestId('approve-roles').click();
  await eventually(
    () => request.count(),
    (count) => expect(count).toBe(0),
  );
}

/** The person opens the link the admin handed over and chooses their password; then the sign-in page. */
export async function setPasswordWithLink(page: Page, link: string, email: string, password: string): Promise<void> {
  await page.goto(link);
  await page.getByTestId('link-account').filter({ hasText: email }).waitFor();
  await page.locator('input[name=password]').fill(password);
  await page.locator('input[name=confirmPassword]').fill(password);
  await screenshot(page, 'set-password');
  await page.getByRole('button', { name: 'Enregistrer mon mot de passe' }).click();
  await page.getByTestId('password-set').waitFor();
  await page.getByTestId('go-sign-in').click();
}

/** Turns on two-factor authentication from one's profile; answers the secret. */
export async function enrolMfaFromProfile(page: Page, account: string): Promise<string> {
  await page.getByRole('button', { name: 'Profil' }).click();
  await page.getByRole('menuitem', { name: 'Mon profil' }).click();
  await page.getByRole('button', { name: 'Activer la double authentification' }).click();
  const secret = (await page.getByTestId('mfa-secret').textContent())?.replace(/\s/g, '') ?? '';
  await page.locator('input[name=code]').fill(await freshTotpCode(account, secret));
  await page.getByRole('button', { name: 'Activer', exact: true }).click();
  await eventually(
    () => page.getByTestId('recovery-codes').locator('code').count(),
    (count) => expect(count).toBe(10),
  );
  await page.getByRole('button', { name: "J'ai enregistré mes codes" }).click();
  await page.getByTestId('mfa-status').filter({ hasText: 'Active' }).waitFor();
  return secret;
}
