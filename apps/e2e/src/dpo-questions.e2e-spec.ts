import type { SessionResponse, StaffAlert } from '@vigie/contracts';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { type Browser, baseUrl, describeInBrowser, openBrowser, screenshot } from './support/browser';
import { cli } from './support/cli';
import { eventually } from './support/eventually';
import { aReport, intakeSecret, type PlatformUser, sendReport } from './support/intake';
import { signInAs } from './support/mfa';
import { flat, pdfText } from './support/pdf-text';
import { demoAccount } from './support/session';

const JUSTIFICATION = 'Vérifier les propos insistants signalés par la mentorée.';

/** A staff member's session on the API, outside the browser: how the seed's accesses are made. */
async function apiSession(role: 'moderator' | 'lead') {
  const account = demoAccount(role);
  const login = await fetch(`${baseUrl()}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: account.email, password: account.password }),
  });
  expect(login.status).toBe(200);
  const session = (await login.json()) as SessionResponse;
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  const call = (method: string, path: string, body?: unknown) =>
    fetch(`${baseUrl()}/api/v1${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': session.csrfToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  return { user: session.user, call };
}

/** Runs one question's answer through the screens and prints how long it took: a figure to read, not an assertion. */
async function timed(question: string, answer: () => Promise<void>): Promise<void> {
  const start = performance.now();
  await answer();
  console.log(`DPO question — ${question}: answered through the UI in ${((performance.now() - start) / 1000).toFixed(1)} s`);
}

const menu = (page: Page, name: string) => page.getByRole('menuitem', { name }).click();

describeInBrowser('the five questions a DPO asks, answered through the screens', () => {
  let browser: Browser;
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'vigie-dpo-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  beforeEach(async () => {
    browser = await openBrowser('fr-FR');
  });
  afterEach(() => browser?.close());

  it('who opened a conversation, is the register intact, what is purged next, every access about one person, whose access is anomalous', async () => {
    const tag = randomUUID().slice(0, 8);
    const mentee: PlatformUser = { externalId: `u_lina_${tag}`, kind: 'explorer', displayName: `Lina ${tag.slice(0, 2).toUpperCase()}.` };
    const mentor: PlatformUser = { externalId: `u_hugo_${tag}`, kind: 'expert', displayName: `Hugo ${tag.slice(2, 4).toUpperCase()}.` };
    const conversation = `c_dpo_${tag}`;

    // The seed: a report; a moderator takes the case, opens the conversation with a justification and reads it.
    const { caseId, reportId } = await sendReport(
      baseUrl(),
      intakeSecret(),
      aReport({ category: 'harassment', reporter: mentee, reported: mentor, conversation, minutesAgo: 3 }),
    );
    const moderator = await apiSession('moderator');
    expect((await moderator.call('POST', `/cases/${caseId}/claim`, {})).status).toBe(200);
    const access = await moderator.call('POST', `/cases/${caseId}/access`, { justification: JUSTIFICATION, reportIds: [reportId] });
    expect(access.status).toBe(201);
    const { grantId } = (await access.json()) as { grantId: string };
    expect((await moderator.call('GET', `/access-grants/${grantId}/messages`)).status).toBe(200);

    // And a lead knocking on cases that do not exist, again and again: the pattern an alert is for.
    const lead = await apiSession('lead');
    for (let i = 0; i < 3; i++) {
      const knock = await lead.call('POST', `/cases/${randomUUID()}/access`, { justification: JUSTIFICATION, reportIds: [randomUUID()] });
      expect(knock.status).toBe(404);
    }

    // A checkpoint already signed, as on any register in use: its card shows it above the list.
    expect((await cli(['audit:checkpoint'])).code).toBe(0);

    const { page } = browser;
    await page.setViewportSize({ width: 1280, height: 800 });
    await signInAs(page, 'dpo');

    // 1. Who opened conversation X (its platform id), when, why, on which report?
    await timed('1. who opened conversation X, when, why, on which report', async () => {
      await menu(page, 'Registre des accès');
      await page.getByRole('textbox', { name: 'Conversation (identifiant)' }).fill(conversation);
      await page.getByTestId('register-total').filter({ hasText: /^2 entrées$/ }).waitFor();
      const rows = page.locator('tr:has([data-conversation])');
      await eventually(
        () => rows.count(),
        (count) => expect(count).toBe(2),
      );
      await screenshot(page, 'dpo-q1-register-conversation');
      // Newest first: the read, then the grant it used.
      expect(await rows.nth(0).textContent()).toContain('Lecture');
      const granted = rows.nth(1);
      const text = flat((await granted.textContent()) ?? '');
      expect(text).toContain(moderator.user.name);
      expect(text).toContain(conversation);
      expect(text).toContain('Harcèlement');
      expect(text).toContain(JUSTIFICATION.slice(0, 30));
      expect(await granted.locator('time').getAttribute('datetime')).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    });
    // The list, under the integrity card, is in view at 1280×800 without scrolling.
    const firstRow = page.locator('tr:has([data-conversation])').first();
    const box = await firstRow.boundingBox();
    expect(box).not.toBeNull();
    expect((box?.y ?? 800) + (box?.height ?? 0)).toBeLessThanOrEqual(800);
    // …and whole in width: no sideways scrolling to reach the justification.
    const table = page.locator('.RaDataTable-tableWrapper');
    expect(await table.evaluate((wrapper) => wrapper.scrollWidth - wrapper.clientWidth)).toBeLessThanOrEqual(0);
    // The case the entry names leads to its metadata (never its messages).
    await page.locator('tr:has([data-conversation])').first().getByRole('link', { name: new RegExp(caseId) }).click();
    await page.getByTestId('case-metadata').waitFor();
    expect(page.url()).toContain(`/case-metadata/${caseId}`);
    expect(await page.getByTestId('metadata-reports').textContent()).toContain(mentee.externalId);

    // 2. Is the register intact — against the checkpoints Vigie keeps, and against a file kept outside?
    await timed('2. is the register intact (and against a checkpoint file)', async () => {
      await menu(page, 'Registre des accès');
      // Filters reset on leaving: the whole register is back.
      expect(await page.getByRole('textbox', { name: 'Conversation (identifiant)' }).inputValue()).toBe('');
      await page.getByRole('button', { name: "Vérifier l'intégrité" }).click();
      await page.getByTestId('verification-intact').waitFor();

      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Signer un point de contrôle' }).click()]);
      const file = join(dir, download.suggestedFilename());
      await download.saveAs(file);
      const kept = JSON.parse(readFileSync(file, 'utf8')) as { sequence: number };
      await page.getByTestId('checkpoint-upload').setInputFiles(file);
      const against = page.getByTestId('verified-against');
      await against.waitFor();
      expect(flat((await against.textContent()) ?? '')).toContain(`n° ${kept.sequence}`);
      await page.getByTestId('verification-intact').waitFor();
      expect(await page.getByTestId('verification-broken').count()).toBe(0);
    });
    await screenshot(page, 'dpo-q2-integrity-against-checkpoint');

    // 3. Which cases will be purged next? The screen's first case is the API's earliest due.
    const preview = await page.evaluate(
      async () => (await (await fetch('/api/v1/retention/preview')).json()) as { cases: { caseId: string; dueAt: string }[] },
    );
    expect(preview.cases.length).toBeGreaterThan(0);
    const earliest = [...preview.cases].sort((a, b) => a.dueAt.localeCompare(b.dueAt))[0];
    await timed('3. which cases will be purged next', async () => {
      await menu(page, 'Conservation');
      await page.getByTestId('preview-totals').waitFor();
      const next = page.locator('[data-testid^=preview-case-]');
      await next.first().waitFor();
      expect(await next.first().getAttribute('data-testid')).toBe(`preview-case-${earliest.caseId}`);
      expect(await page.getByTestId('preview-totals').textContent()).toMatch(/\d/);
    });
    await screenshot(page, 'dpo-q3-retention-next');

    // 4. Every access concerning one person (GDPR Art. 15): the PDF handed to them, read back.
    let pdf = '';
    await timed('4. every access concerning one person (the PDF, read back)', async () => {
      await menu(page, 'Personnes');
      await page.getByTestId('subjects-search-input').fill(mentee.externalId);
      await page.getByRole('button', { name: 'Rechercher' }).click();
      await page.getByTestId(`subject-${mentee.externalId}`).click();
      await page.getByTestId('subject-report').waitFor();
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('subject-download-pdf').click()]);
      const file = join(dir, download.suggestedFilename());
      await download.saveAs(file);
      pdf = flat(await pdfText(readFileSync(file)));
    });
    expect(pdf).toContain('Relevé des accès à vos données');
    expect(pdf).toContain(mentee.displayName);
    expect(pdf).toContain('Examiner un signalement fait sur la plateforme (modération)');
    expect(pdf).toContain('Intérêt légitime (RGPD, article 6, paragraphe 1, point f)');
    // The other participant is never named to the person.
    expect(pdf).not.toContain(mentor.externalId);
    expect(pdf).not.toContain(JUSTIFICATION);
    await screenshot(page, 'dpo-q4-subject-report');

    // 5. Whose access pattern is anomalous? The alert is raised within a minute: waited for before timing.
    const alert = await eventually(
      () =>
        page.evaluate(async () => (await (await fetch('/api/v1/audit/alerts?status=open&perPage=200')).json()) as { data: StaffAlert[] }),
      (alerts) => expect(alerts.data.some((a) => a.staffId === lead.user.id && a.rule === 'repeated_denials')).toBe(true),
      90_000,
    ).then((alerts) => alerts.data.find((a) => a.staffId === lead.user.id && a.rule === 'repeated_denials') as StaffAlert);
    await timed('5. whose access pattern is anomalous', async () => {
      await menu(page, 'Alertes');
      const row = page.getByTestId(`alert-${alert.id}`);
      await row.waitFor();
      expect(await row.getAttribute('data-rule')).toBe('repeated_denials');
      expect(await row.getByTestId('alert-staff').textContent()).toContain(lead.user.name);
    });
    await screenshot(page, 'dpo-q5-alerts');

    // The register in the second language, at the same laptop size.
    await page.getByRole('button', { name: 'Français' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByRole('menuitem', { name: 'Access register' }).click();
    await page.getByRole('spinbutton', { name: 'Go to entry no.' }).fill('1');
    await page.getByTestId('register-total').filter({ hasText: /^1 entry$/ }).waitFor();
    expect(await page.locator('thead').textContent()).toContain('Reports');
    expect(await page.locator('[data-sequence="1"]').count()).toBe(1);
    await screenshot(page, 'dpo-register-en');
  }, 240_000);
});
