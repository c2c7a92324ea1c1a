import { randomUUID } from 'node:crypto';
import { type Browser, baseUrl, describeInBrowser, openBrowser, screenshot } from './support/browser';
import { eventually } from './support/eventually';
import { signInAs } from './support/mfa';
import { aReport, intakeSecret, type PlatformUser, sendReport } from './support/intake';
import { demoAccount, signOut, submitCredentials } from './support/session';

const JUSTIFICATION = 'Vérifier la demande de photos signalée par la mentorée.';

/** A conversation of the test's own: twelve messages, the ninth reported. */
function reportedConversation(tag: string) {
  const mentee: PlatformUser = { externalId: `u_chloe_${tag}`, kind: 'explorer', displayName: `Chloé ${tag.slice(0, 2).toUpperCase()}.` };
  const mentor: PlatformUser = { externalId: `u_yann_${tag}`, kind: 'expert', displayName: `Yann ${tag.slice(2, 4).toUpperCase()}.` };
  const report = aReport({ category: 'sexual_content', comment: 'Il me demande des photos de moi.', reporter: mentee, reported: mentor, minutesAgo: 2 });
  const lines: [PlatformUser, string][] = [
    [mentee, 'Bonjour, merci d’avoir accepté de me parler de votre métier.'],
    [mentor, 'Avec plaisir ! Tu es en quelle année ?'],
    [mentee, 'En première, je pense à une école d’ingénieurs.'],
    [mentor, 'Très bon choix. Tu as regardé les journées portes ouvertes ?'],
    [mentee, 'Oui, celle de Lyon est en février.'],
    [mentor, 'Je peux te donner des conseils pour le dossier.'],
    [mentee, 'Ce serait super, merci.'],
    [mentor, 'On pourrait continuer sur une autre appli, c’est plus simple.'],
    [mentor, 'Envoie-moi une photo de toi, pour voir à qui je parle.'],
    [mentee, 'Je préfère rester ici.'],
    [mentor, 'Comme tu veux, pas de souci.'],
    [mentee, 'Merci pour les conseils sur le dossier.'],
  ];
  const start = Date.now() - 60 * 60_000;
  report.conversation.messages = lines.map(([author, body], i) => ({
    externalId: `m_${i + 1}_${tag}`,
    authorExternalId: author.externalId,
    sentAt: new Date(start + i * 3 * 60_000).toISOString(),
    body,
  }));
  report.reportedMessageIds = [`m_9_${tag}`];
  return report;
}

describeInBrowser('the gate and the access register', () => {
  let browser: Browser;
  beforeEach(async () => {
    browser = await openBrowser('fr-FR');
  });
  afterEach(() => browser?.close());

  it('lets a moderator open a claimed case’s conversation with a justification, and the DPO find that access in a verified register', async () => {
    const { page } = browser;
    const tag = randomUUID().slice(0, 8);
    const { caseId } = await sendReport(baseUrl(), intakeSecret(), reportedConversation(tag));

    const moderator = demoAccount('moderator');
    await submitCredentials(page, moderator.email, moderator.password);
    await page.getByRole('heading', { name: /^Bonjour/ }).waitFor();
    await page.goto(`${baseUrl()}/#/cases/${caseId}/show`);
    await page.getByTestId('case-reports').waitFor();
    expect(await page.getByTestId('open-conversation').isDisabled()).toBe(true);

    await page.getByRole('button', { name: 'Prendre le dossier' }).click();
    await page.getByTestId('case-is-mine').waitFor();
    const open = page.getByTestId('open-conversation');
    await open.and(page.locator(':enabled')).waitFor();
    await open.click();

    const dialog = page.getByRole('dialog', { name: 'Ouvrir la conversation' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('intérêt légitime de la plateforme à détecter les activités illicites');
    await dialog.getByRole('checkbox', { name: /Contenu sexuel/ }).check();
    await dialog.getByTestId('gate-justification').fill(JUSTIFICATION);
    await screenshot(page, 'gate-dialog');
    await dialog.getByRole('button', { name: 'Ouvrir pour 15 minutes' }).click();

    const viewer = page.getByRole('dialog', { name: 'Conversation signalée' });
    await viewer.getByText('Envoie-moi une photo de toi, pour voir à qui je parle.').waitFor();
    const reported = viewer.locator('[data-testid=gate-message][data-reported=true]');
    await eventually(
      () => reported.count(),
      (count) => expect(count).toBe(1),
    );
    expect(await reported.textContent()).toContain('Envoie-moi une photo de toi');
    expect(await viewer.getByTestId('gate-countdown').textContent()).toMatch(/^1[45]:\d\d$/);
    // Let the drawer finish sliding in before the picture: its transitions, not a guessed delay.
    await viewer.evaluate((drawer) =>
      Promise.all(drawer.getAnimations({ subtree: true }).map((animation) => animation.finished)),
    );
    await screenshot(page, 'gate-viewer');
    await viewer.getByRole('button', { name: 'Fermer' }).click();
    await page.getByTestId('case-timeline').getByText(/Conversation ouverte/).waitFor();
    await signOut(page);

    // The DPO (two-factor authentication required), then the register.
    await signInAs(page, 'dpo');

    await page.getByRole('menuitem', { name: 'Registre des accès' }).click();
    const entry = page.getByRole('row').filter({ hasText: JUSTIFICATION });
    await entry.first().waitFor();
    expect(await entry.first().textContent()).toContain('Camille Moreau');
    await screenshot(page, 'access-register');

    await page.getByRole('button', { name: "Vérifier l'intégrité" }).click();
    const verdict = page.getByTestId('verification-intact');
    await verdict.waitFor();
    expect(await verdict.textContent()).toContain('Registre intact');
    await screenshot(page, 'access-register-verified');
  });
});
