import { approveRolesOf, createAccountWithLink, setPasswordWithLink } from './support/accounts';
import { eventually } from './support/eventually';
import { freshTotpCode, rememberTotpSecret, signInAs } from './support/mfa';
import { type Browser, describeInBrowser, openBrowser, screenshot } from './support/browser';
import { demoAccount, menuEntries, signOut, submitCredentials } from './support/session';

// Each test opens its own browser (its own cookies) and signs in as its own demo account.
describeInBrowser('staff accounts, sessions and two-factor authentication', () => {
  let browser: Browser;
  beforeEach(async () => {
    browser = await openBrowser('fr-FR');
  });
  afterEach(() => browser?.close());

  it('shows a moderator the moderation screens only', async () => {
    const { page } = browser;
    const moderator = demoAccount('moderator');

    await submitCredentials(page, moderator.email, moderator.password);
    await page.getByRole('heading', { name: /^Bonjour/ }).waitFor();

    // The menu follows the permissions, read after the greeting may already show.
    const entries = await eventually(
      () => menuEntries(page),
      (shown) => expect(shown).toEqual(['Tableau de bord', "File d'attente"]),
    );
    for (const hidden of ['Équipe', 'Registre des accès', 'Conservation']) expect(entries).not.toContain(hidden);

    // A typed-in address is refused too, not only hidden from the menu.
    await page.goto(`${page.url().split('#')[0]}#/staff`);
    await page.getByText("Vous n'avez pas les droits d'accès à cette page").waitFor();
    expect(await page.locator('table').count()).toBe(0);

    await signOut(page);
  });

  it('takes an admin through enrolment, then an account from its creation to its first sign-in with a lead’s approval, and its disabling', async () => {
    const { page } = browser;
    const admin = demoAccount('admin');

    // MFA_REQUIRED_ROLES (dpo, admin on the journeys' server): the admin is let in, to the enrolment only.
    await submitCredentials(page, admin.email, admin.password);
    await page.getByRole('heading', { name: 'Activez la double authentification' }).waitFor();
    await page.getByTestId('mfa-qr').waitFor();
    expect(await menuEntries(page)).toEqual([]);
    await screenshot(page, 'mfa-enrolment');

    const secret = (await page.getByTestId('mfa-secret').textContent())?.replace(/\s/g, '') ?? '';
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    rememberTotpSecret('admin', secret);
    await page.locator('input[name=code]').fill(await freshTotpCode('admin', secret));
    await page.getByRole('button', { name: 'Activer', exact: true }).click();

    const codes = page.getByTestId('recovery-codes');
    await codes.waitFor();
    await eventually(
      () => codes.getByRole('listitem').count(),
      (count) => expect(count).toBe(10),
    );
    expect(await codes.textContent()).toMatch(/[a-z0-9]{4}-[a-z0-9]{4}/);
    await screenshot(page, 'mfa-recovery-codes');
    await page.getByRole('button', { name: "J'ai enregistré mes codes" }).click();

    // The identity is read again: the full backoffice opens on the dashboard.
    await page.getByRole('heading', { name: /^Bonjour/ }).waitFor();
    await eventually(
      () => menuEntries(page),
      (shown) =>
        expect(shown).toEqual(['Tableau de bord', 'Traitements RGPD', 'Conservation', 'Envois à la plateforme', 'Équipe', 'Rôles à approuver']),
    );

    await page.getByRole('menuitem', { name: 'Équipe' }).click();
    await page.getByRole('row', { name: new RegExp(admin.email) }).waitFor();
    await screenshot(page, 'staff-list');

    // The admin gives the role and hands over a link: no password field, nothing effective yet.
    const email = `lea.martin.${Date.now()}@vigie.test`;
    const password = 'correct horse battery staple';
    const link = await createAccountWithLink(page, { name: 'Léa Martin', email, role: /^Modération/ });

    const row = page.getByRole('row', { name: new RegExp(email.replace(/\./g, '\\.')) });
    await row.waitFor();
    expect(await row.textContent()).toContain('Léa Martin');
    expect(await row.textContent()).toContain('Modération · en attente');
    await screenshot(page, 'staff-list-pending-role');
    // The admin cannot approve what they asked for: the page says so instead of offering buttons.
    await page.getByRole('menuitem', { name: 'Rôles à approuver' }).click();
    const ownRequest = page.locator(`[data-testid=role-request][data-staff="${email}"]`);
    await ownRequest.getByTestId('not-yours').waitFor();
    expect(await ownRequest.getByTestId('approve-roles').count()).toBe(0);
    await signOut(page);

    // A lead approves it.
    await signInAs(page, 'lead');
    await approveRolesOf(page, email);
    await signOut(page);

    // The person opens the link, chooses their password, and signs in.
    await setPasswordWithLink(page, link, email, password);
    await submitCredentials(page, email, password);
    await page.getByRole('heading', { name: 'Bonjour Léa Martin' }).waitFor();
    await eventually(
      () => menuEntries(page),
      (shown) => expect(shown).toEqual(['Tableau de bord', "File d'attente"]),
    );
    await signOut(page);

    // The link works once.
    await page.goto(link);
    await page.getByTestId('link-problem').filter({ hasText: 'Ce lien a déjà servi' }).waitFor();

    // Back to the admin: rename and disable the account.
    await signInAs(page, 'admin');
    await page.getByRole('menuitem', { name: 'Équipe' }).click();
    await row.waitFor();
    expect(await row.textContent()).not.toContain('en attente');
    await row.click();
    // Resetting the password hands over a new link, and suspends the content role until approved again.
    await page.getByTestId('reset-password').click();
    await page.getByTestId('reset-password-confirm').click();
    const newLink = await page.getByTestId('password-link-url').inputValue();
    expect(newLink).not.toBe(link);
    await page.getByTestId('password-link-done').click();
    await page.getByTestId('pending-roles-notice').filter({ hasText: /En attente d'approbation\s*: Modération/ }).waitFor();
    await page.getByLabel('Compte désactivé').check();
    await page.locator('input[name=name]').fill('Léa Martin-Durand');
    await page.getByText("À l'enregistrement, les sessions ouvertes de ce compte seront fermées aussitôt.").waitFor();
    await page.locator('button[type=submit]:not([disabled])').waitFor();
    await screenshot(page, 'staff-edit');
    await page.getByRole('button', { name: 'Enregistrer' }).click();

    await page.getByRole('row', { name: /Léa Martin-Durand/ }).waitFor();
    const disabledRow = page.getByRole('row', { name: /Léa Martin-Durand/ });
    expect(await disabledRow.textContent()).toContain('Désactivé');
    await screenshot(page, 'staff-list-after-disabling');

    await signOut(page);

    // The disabled account is refused like a wrong password: nothing tells a stranger it exists.
    await submitCredentials(page, email, password);
    await eventually(
      () => page.getByRole('alert').textContent(),
      (text) => expect(text).toBe('Adresse e-mail ou mot de passe incorrect.'),
    );
  });

  it('lets a lead turn on two-factor authentication from their profile, then sign in with a recovery code', async () => {
    const { page } = browser;
    const lead = demoAccount('lead');

    await submitCredentials(page, lead.email, lead.password);
    await page.getByRole('heading', { name: /^Bonjour/ }).waitFor();
    await page.getByRole('button', { name: 'Profil' }).click();
    await page.getByRole('menuitem', { name: 'Mon profil' }).click();
    await page.getByRole('heading', { name: 'Mot de passe' }).waitFor();
    await eventually(
      () => page.getByTestId('mfa-status').textContent(),
      (status) => expect(status).toBe('Non activée'),
    );

    await page.getByRole('button', { name: 'Activer la double authentification' }).click();
    const secret = (await page.getByTestId('mfa-secret').textContent())?.replace(/\s/g, '') ?? '';
    rememberTotpSecret('lead', secret);
    await page.locator('input[name=code]').fill(await freshTotpCode('lead', secret));
    await page.getByRole('button', { name: 'Activer', exact: true }).click();
    // The codes show once the API has confirmed the code: read them when all ten are there.
    const codes = await eventually(
      async () => (await page.getByTestId('recovery-codes').locator('code').allTextContents()).map((c) => c.trim()),
      (shown) => expect(shown).toHaveLength(10),
    );
    await page.getByRole('button', { name: "J'ai enregistré mes codes" }).click();

    await page.getByTestId('mfa-status').filter({ hasText: 'Active' }).waitFor();
    await screenshot(page, 'profile');
    await signOut(page);

    await submitCredentials(page, lead.email, lead.password);
    await page.locator('input[name=totp]').waitFor();
    await page.getByRole('button', { name: 'Utiliser un code de secours' }).click();
    await page.locator('input[name=totp]').fill(codes[0].toUpperCase());
    await screenshot(page, 'login-recovery-code');
    await page.getByRole('button', { name: 'Vérifier' }).click();
    await page.getByRole('heading', { name: /^Bonjour/ }).waitFor();
    await signOut(page);

    // A recovery code works once.
    await submitCredentials(page, lead.email, lead.password);
    await page.getByRole('button', { name: 'Utiliser un code de secours' }).click();
    await page.locator('input[name=totp]').fill(codes[0]);
    await page.getByRole('button', { name: 'Vérifier' }).click();
    await eventually(
      () => page.getByRole('alert').textContent(),
      (text) => expect(text).toBe('Code de secours incorrect ou déjà utilisé.'),
    );
  });
});
