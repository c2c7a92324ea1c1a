import { randomUUID } from 'node:crypto';
import { type Browser, baseUrl, describeInBrowser, openBrowser, screenshot } from './support/browser';
import { aReport, intakeSecret, type PlatformUser, sendReport } from './support/intake';
import { eventually } from './support/eventually';
import { signInAs } from './support/mfa';
import { signOut } from './support/session';

const person = (kind: PlatformUser['kind'], name: string, tag: string): PlatformUser => ({
  externalId: `u_${name.toLowerCase()}_${tag}`,
  kind,
  displayName: `${name} ${tag.slice(0, 2).toUpperCase()}.`,
});

/** A harassment report of the journey's own, its case claimed by the demo moderator. */
async function aClaimedCase(page: Browser['page'], tag: string): Promise<string> {
  const { caseId } = await sendReport(
    baseUrl(),
    intakeSecret(),
    aReport({ category: 'harassment', comment: 'Il insiste pour me voir.', reporter: person('explorer', 'Emma', tag), reported: person('expert', 'Hugo', tag), minutesAgo: 3 }),
  );
  await page.goto(`${baseUrl()}/#/cases/${caseId}/show`);
  await page.getByTestId('claim-case').click();
  await page.getByTestId('case-is-mine').waitFor();
  return caseId;
}

describeInBrowser('working a case to the end', () => {
  let browser: Browser;
  beforeEach(async () => {
    browser = await openBrowser('fr-FR');
  });
  afterEach(() => browser?.close());

  it('lets a moderator read the conversation and take a warning with reasons; the case is actioned and every step is on the timeline', async () => {
    const { page } = browser;
    await signInAs(page, 'moderator');
    const caseId = await aClaimedCase(page, randomUUID().slice(0, 8));

    // Read first, through the gate.
    await page.getByTestId('open-conversation').click();
    const gate = page.getByRole('dialog', { name: 'Ouvrir la conversation' });
    await gate.getByRole('checkbox', { name: /Harcèlement/ }).check();
    await gate.getByTestId('gate-justification').fill('Vérifier l’insistance signalée avant de décider.');
    await gate.getByRole('button', { name: 'Ouvrir pour 15 minutes' }).click();
    const viewer = page.getByRole('dialog', { name: 'Conversation signalée' });
    await viewer.locator('[data-testid=gate-message][data-reported=true]').waitFor();
    await viewer.getByRole('button', { name: 'Fermer' }).click();

    // Then decide.
    await page.getByTestId('decide-case').click();
    const form = page.getByTestId('decision-dialog');
    await form.getByRole('radio', { name: 'Avertissement' }).check();
    await form.getByTestId('statement-facts').fill('Propositions répétées de rencontre hors plateforme malgré les refus.');
    await screenshot(page, 'decision-form');
    await form.getByTestId('decision-submit').click();

    await page.locator('[data-testid=case-header] [data-status=actioned]').waitFor();
    const decision = page.getByTestId('case-decisions').locator('[data-testid=decision][data-state=effective]');
    await decision.locator('[data-action=warning]').waitFor();
    const timeline = page.getByTestId('case-timeline');
    for (const type of ['case_opened', 'claimed', 'conversation_accessed', 'decision']) {
      await timeline.locator(`li[data-event-type=${type}]`).first().waitFor();
    }
    await screenshot(page, 'case-actioned');

    // What goes to the platform is for leads and admins to follow, not moderators.
    const deliveries = await page.evaluate(async () => (await fetch('/api/v1/deliveries')).status);
    expect(deliveries).toBe(403);
    const kase = await page.evaluate(async (id) => (await fetch(`/api/v1/cases/${id}`)).json() as Promise<{ status: string }>, caseId);
    expect(kase.status).toBe('actioned');
  });

  it('makes a moderator’s ban wait for a lead, who approves it from the approvals screen', async () => {
    const { page } = browser;
    await signInAs(page, 'moderator');
    const caseId = await aClaimedCase(page, randomUUID().slice(0, 8));
    await page.getByTestId('decide-case').click();
    const form = page.getByTestId('decision-dialog');
    await form.getByRole('radio', { name: 'Bannissement' }).check();
    await form.getByTestId('four-eyes-notice').waitFor();
    await form.getByTestId('statement-facts').fill('Menaces répétées envers plusieurs mentorés, déjà averti le mois dernier.');
    await form.getByTestId('decision-submit').click();
    await page.getByTestId('decision-pending-chip').waitFor();
    await page.getByTestId('case-timeline').locator('li[data-event-type=decision_proposed]').waitFor();
    await signOut(page);

    await signInAs(page, 'lead');
    await page.getByRole('menuitem', { name: 'Approbations' }).click();
    await page.getByRole('heading', { level: 1, name: 'Approbations' }).waitFor();
    const card = page.locator(`[data-testid=approval]:has([data-testid=approval-case][href$="${caseId}/show"])`);
    await card.waitFor();
    await screenshot(page, 'approvals');
    await card.getByTestId('approve-decision').click();
    await page.getByTestId('review-dialog').getByTestId('review-submit').click();
    await card.waitFor({ state: 'detached' });

    await page.goto(`${baseUrl()}/#/cases/${caseId}/show`);
    await page.locator('[data-testid=case-header] [data-status=actioned]').waitFor();
    await page.getByTestId('case-decisions').locator('[data-testid=decision][data-state=effective] [data-action=ban]').waitFor();
    await eventually(
      () => page.getByTestId('decision-review').first().textContent(),
      (review) => expect(review).toMatch(/Approuvée par/),
    );
    await page.getByTestId('case-timeline').locator('li[data-event-type=decision_approved]').waitFor();

    // The platform's message is in the outbox, visible to leads.
    await page.getByRole('menuitem', { name: 'Envois à la plateforme' }).click();
    await page.getByText(caseId.slice(0, 8)).first().waitFor();
    await screenshot(page, 'deliveries');
  });
});
