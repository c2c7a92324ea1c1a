import { randomUUID } from 'node:crypto';
import { type Browser, baseUrl, describeInBrowser, openBrowser, screenshot } from './support/browser';
import { productQuery } from './support/database';
import { aReport, intakeSecret, type PlatformUser, sendReport } from './support/intake';
import { signInAs } from './support/mfa';
import { demoAccount } from './support/session';

const JUSTIFICATION = 'Vérifier le message signalé dans son contexte.';

describeInBrowser('step-up before content', () => {
  let browser: Browser;
  beforeEach(async () => {
    browser = await openBrowser('fr-FR');
  });
  afterEach(() => browser?.close());

  it('asks a moderator whose step-up is too old to confirm their password inside the dialog, then opens', async () => {
    const { page } = browser;
    const tag = randomUUID().slice(0, 8);
    const reporter: PlatformUser = { externalId: `u_lea_${tag}`, kind: 'explorer', displayName: 'Léa B.' };
    const reported: PlatformUser = { externalId: `u_marc_${tag}`, kind: 'expert', displayName: 'Marc D.' };
    const report = aReport({ category: 'harassment', comment: 'Il insiste.', reporter, reported });
    report.conversation.messages = report.conversation.messages.map((message, i) => ({ ...message, body: `Message ${i + 1} ${tag}` }));
    const { caseId } = await sendReport(baseUrl(), intakeSecret(), report);

    const moderator = demoAccount('moderator');
    await signInAs(page, 'moderator');
    await page.goto(`${baseUrl()}/#/cases/${caseId}/show`);
    await page.getByRole('button', { name: 'Prendre le dossier' }).click();
    await page.getByTestId('case-is-mine').waitFor();

    // Signed in a while ago: the sign-in no longer counts as a step-up.
    await productQuery(
      `UPDATE staff_session SET stepped_up_at = now() - interval '1 hour'
        WHERE revoked_at IS NULL AND staff_id = (SELECT id FROM staff_user WHERE email = $1)`,
      [moderator.email],
    );

    const open = page.getByTestId('open-conversation');
    await open.and(page.locator(':enabled')).waitFor();
    await open.click();
    const dialog = page.getByRole('dialog', { name: 'Ouvrir la conversation' });
    await dialog.getByRole('checkbox').first().check();
    await dialog.getByTestId('gate-justification').fill(JUSTIFICATION);
    await dialog.getByRole('button', { name: 'Ouvrir pour 15 minutes' }).click();

    const panel = dialog.getByTestId('gate-step-up');
    await panel.waitFor();
    expect(await panel.textContent()).toContain('Confirmez votre identité');
    await screenshot(page, 'gate-step-up');
    await panel.getByLabel(/Mot de passe/).fill(moderator.password);
    await dialog.getByRole('button', { name: 'Confirmer et ouvrir' }).click();

    const viewer = page.getByRole('dialog', { name: 'Conversation signalée' });
    await viewer.getByText(`Message 1 ${tag}`).waitFor();
  });
});
