import type { Page } from 'playwright-core';
import { baseUrl } from './browser';
import type { DemoAccount } from './server';

/** A demo account the global set-up read from the product's first start. */
export function demoAccount(role: 'moderator' | 'lead' | 'dpo' | 'admin'): DemoAccount {
  const accounts = JSON.parse(process.env.VIGIE_E2E_DEMO_ACCOUNTS ?? '[]') as DemoAccount[];
  const account = accounts.find((candidate) => candidate.role === role);
  if (!account) throw new Error(`No ${role} demo account: run through jest (its global set-up starts the product).`);
  return account;
}

/** Fills the login page's first step and submits it; what follows is the caller's to check. */
export async function submitCredentials(page: Page, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl()}/#/login`);
  await page.locator('input[name=email]').fill(email);
  await page.locator('input[name=password]').fill(password);
  await page.locator('button[type=submit]').click();
}

/** Signs out from the user menu and waits for the login page. */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Profil' }).click();
  await page.getByRole('menuitem', { name: 'Déconnexion' }).click();
  await page.locator('input[name=password]').waitFor();
}

/** The entries of the side menu, in order. */
export async function menuEntries(page: Page): Promise<string[]> {
  const entries = await page.locator('.RaMenu-open [role=menuitem], .RaMenu-closed [role=menuitem]').allTextContents();
  return entries.map((entry) => entry.trim());
}
