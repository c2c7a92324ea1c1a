import { randomUUID } from 'node:crypto';
import { approveRolesOf, createAccountWithLink, enrolMfaFromProfile, setPasswordWithLink } from './support/accounts';
import { type Browser, baseUrl, describeInBrowser, openBrowser, screenshot } from './support/browser';
import { cli } from './support/cli';
import { productQuery } from './support/database';
import { eventually } from './support/eventually';
import { aReport, intakeSecret, sendReport } from './support/intake';
import { enrolAtSignIn, freshTotpCode, signInAs } from './support/mfa';
import { signOut, submitCredentials } from './support/session';

/**
 * Nobody reads a conversation alone or unseen: an admin asks for a role, a lead approves it, the
 * person sets their own password and second factor, confirms who they are at the gate, and reads —
 * and the DPO finds each of those steps in the staff journal, the read in the access register.
 */
describeInBrowser('separation of duties, from a new account to a justified read', () => {
  let browser: Browser;
  beforeEach(async () => {
    browser = await openBrowser('fr-FR');
  });
  afterEach(() => browser?.close());

  it('takes a new moderator from the admin’s request to a read, every step in the staff journal', async () => {
    const { page } = browser;
    const tag = randomUUID().slice(0, 8);
    const name = `Noé Petit ${tag}`;
    const email = `noe.petit.${tag}@vigie.test`;
    const password = 'galet-rouge-sur-la-dune-7';

    // An operator creates an admin from the command line: effective at once, journaled as such.
    const admin = { email: `ops.admin.${tag}@vigie.test`, password: 'phare-du-nord-en-hiver-3' };
    const created = await cli(['staff:create', '--email', admin.email, '--name', `Admin ${tag}`, '--roles', 'admin'], `${admin.password}\n`);
    expect(created).toMatchObject({ code: 0, stdout: expect.stringContaining(`Created ${admin.email} (admin)`) });

    // The admin asks for the moderator role and hands over a link: nothing is effective yet.
    await submitCredentials(page, admin.email, admin.password);
    await enrolAtSignIn(page, admin.email);
    await page.getByRole('heading', { name: /^Bonjour/ }).waitFor();
    await page.getByRole('menuitem', { name: 'Équipe' }).click();
    const link = await createAccountWithLink(page, { name, email, role: /^Modération/ });
    await signOut(page);

    // A lead approves it.
    await signInAs(page, 'lead');
    await approveRolesOf(page, email);
    await signOut(page);

    // The moderator chooses their password, signs in and turns on two-factor authentication.
    await setPasswordWithLink(page, link, email, password);
    await submitCredentials(page, email, password);
    await page.getByRole('heading', { name: `Bonjour ${name}` }).waitFor();
    const secret = await enrolMfaFromProfile(page, email);

    // A report arrives; the moderator takes the case.
    const report = aReport({
      category: 'harassment',
      comment: 'Il me relance sans arrêt.',
      reporter: { externalId: `u_lou_${tag}`, kind: 'explorer', displayName: 'Lou R.' },
      reported: { externalId: `u_max_${tag}`, kind: 'expert', displayName: 'Max T.' },
    });
    report.conversation.messages = report.conversation.messages.map((message, i) => ({ ...message, body: `Message ${i + 1} ${tag}` }));
    const { caseId } = await sendReport(baseUrl(), intakeSecret(), report);
    await page.goto(`${baseUrl()}/#/cases/${caseId}/show`);
    await page.getByRole('button', { name: 'Prendre le dossier' }).click();
    await page.getByTestId('case-is-mine').waitFor();

    // Signed in a while ago: the gate asks for the second factor again, inside its dialog.
    await productQuery(
      `UPDATE staff_session SET stepped_up_at = now() - interval '1 hour'
        WHERE revoked_at IS NULL AND staff_id = (SELECT id FROM staff_user WHERE email = $1)`,
      [email],
    );
    const open = page.getByTestId('open-conversation');
    await open.and(page.locator(':enabled')).waitFor();
    await open.click();
    const dialog = page.getByRole('dialog', { name: 'Ouvrir la conversation' });
    await dialog.getByRole('checkbox').first().check();
    await dialog.getByTestId('gate-justification').fill('Vérifier le harcèlement signalé par Lou R.');
    await dialog.getByRole('button', { name: 'Ouvrir pour 15 minutes' }).click();
    const stepUp = dialog.getByTestId('gate-step-up');
    await stepUp.getByLabel('Code à 6 chiffres').fill(await freshTotpCode(email, secret));
    await screenshot(page, 'separation-step-up-code');
    await dialog.getByRole('button', { name: 'Confirmer et ouvrir' }).click();
    const viewer = page.getByRole('dialog', { name: 'Conversation signalée' });
    await viewer.getByText(`Message 1 ${tag}`).waitFor();
    await page.keyboard.press('Escape');
    await viewer.waitFor({ state: 'detached' });
    await signOut(page);

    // The DPO finds every step of it in the staff journal.
    await signInAs(page, 'dpo');
    await page.getByRole('menuitem', { name: 'Journal du personnel' }).click();
    await page.getByRole('heading', { name: 'Journal du personnel', level: 1 }).waitFor();
    await page.getByLabel("Membre de l'équipe").click();
    await page.getByRole('option', { name: new RegExp(email.replace(/\./g, '\\.')) }).click();
    // Newest first, in the order they happened: the admin's request, the approval, the password,
    // the sign-in, the second factor, the step-up at the gate, signing out after the read.
    await eventually(
      () => page.locator('[data-event]').evaluateAll((cells) => cells.map((cell) => cell.getAttribute('data-event'))),
      (shown) => {
        expect(shown.slice(0, 6)).toEqual(['logout', 'step_up', 'mfa.enrolled', 'login.succeeded', 'password.link_used', 'staff.roles_approved']);
        expect(shown.slice(6)).toEqual(expect.arrayContaining(['staff.created', 'staff.roles_requested', 'password.link_issued']));
      },
    );
    await screenshot(page, 'separation-journal');

    // And the read itself in the access register.
    await page.getByRole('menuitem', { name: 'Registre des accès' }).click();
    await page.getByTestId('register-total').waitFor();
    await page.getByText(name).first().waitFor();
    // Each TOTP code works once: the journey waits for fresh ones, as a person would.
  }, 180_000);
});
