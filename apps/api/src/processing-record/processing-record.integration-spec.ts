import type { ProcessingRecord } from '@vigie/contracts';
import { randomUUID } from 'node:crypto';
import { ownerQuery } from '../../test/owner-query';
import { flat, pdfText } from '../../test/pdf-text';
import { createStaff, type Session, signIn } from '../../test/staff-factory';
import { createTestApp, type TestApp } from '../../test/test-app';

/** The record of processing (GDPR Art. 30): written from the configuration the API runs with. */
describe('the record of processing', () => {
  let t: TestApp;
  const sessions: Record<'dpo' | 'admin' | 'moderator' | 'lead', Session> = {} as never;
  const tag = randomUUID().slice(0, 8);
  const env = {
    MFA_REQUIRED_ROLES: '',
    CONTROLLER_NAME: `Entraide Exemple SAS ${tag}`,
    CONTROLLER_CONTACT: `12 rue des Lilas, 69001 Lyon — contact-${tag}@example.org`,
    DPO_CONTACT: `dpo-${tag}@example.org`,
    RETENTION_PERIOD: 'P2Y6M',
    PLATFORM_WEBHOOK_URL: `https://platform.example/${tag}/decisions`,
  };
  const get = (session: Session | undefined, url: string) => t.app.inject({ method: 'GET', url, headers: session?.headers() });

  beforeAll(async () => {
    t = await createTestApp({ env });
    for (const role of ['dpo', 'admin', 'moderator', 'lead'] as const) sessions[role] = await signIn(t.app, (await createStaff(t.app, [role])).email);
  });
  afterAll(() => t?.close());

  it('names the controller, the DPO, the retention period and the webhook as configured, every section filled', async () => {
    const res = await get(sessions.dpo, '/api/v1/audit/processing-record');
    expect(res.statusCode).toBe(200);
    const record = res.json<ProcessingRecord>();
    expect(record).toMatchObject({
      language: 'fr',
      controller: { name: env.CONTROLLER_NAME, contact: env.CONTROLLER_CONTACT },
      dpo: { contact: env.DPO_CONTACT },
      legalBasis: 'GDPR-6-1-f',
      purposes: ['moderation.report-review'],
      retentionPeriod: 'P2Y6M',
      platformWebhookUrl: env.PLATFORM_WEBHOOK_URL,
    });
    expect(record.sections.map((s) => s.id)).toEqual(['controller', 'purposes', 'legal_basis', 'people', 'data', 'recipients', 'retention', 'security', 'transfers']);
    expect(record.sections.every((s) => s.items.length > 0)).toBe(true);
    const text = (id: string) => record.sections.find((s) => s.id === id)?.items.join(' ') ?? '';
    expect(text('retention')).toContain('2 ans et 6 mois');
    expect(text('recipients')).toContain(env.PLATFORM_WEBHOOK_URL);
    expect(text('transfers')).toMatch(/^Aucun/);
    // The assessment in force, named by its version.
    expect(record.lia).toMatchObject({ version: expect.any(Number) });
    expect(text('legal_basis')).toContain(`Analyse d'intérêt légitime en vigueur : version ${record.lia?.version}`);
    expect(text('security')).toContain('au repos : celui de la base de données');
    // No MFA required in this configuration: the record says so rather than claim it.
    expect(text('security')).toContain('exigée de personne');
  });

  it('reads as PDF in French or English, and is journaled', async () => {
    const viewed = async () =>
      (await ownerQuery<{ n: number }>(`SELECT count(*)::int AS n FROM staff_activity WHERE event = 'processing_record.viewed'`))[0].n;
    const before = await viewed();
    const fr = await get(sessions.admin, '/api/v1/audit/processing-record?format=pdf');
    expect(fr.statusCode).toBe(200);
    expect(fr.headers['content-type']).toBe('application/pdf');
    const frText = flat(await pdfText(fr.rawPayload));
    expect(frText).toContain('Registre des activités de traitement');
    expect(frText).toContain(env.CONTROLLER_NAME);
    expect(frText).toContain(env.DPO_CONTACT);
    expect(frText).toContain('2 ans et 6 mois');
    const en = await get(sessions.dpo, '/api/v1/audit/processing-record?format=pdf&lang=en');
    const enText = flat(await pdfText(en.rawPayload));
    expect(enText).toContain('Record of processing activities');
    expect(enText).toContain('2 years and 6 months');
    expect(enText).toContain('Legitimate interest (GDPR, Article 6(1)(f))');
    expect(await viewed()).toBe(before + 2);
  });

  it('refuses an unknown format or language with a 400', async () => {
    for (const query of ['?format=docx', '?lang=de', '?extra=1']) {
      expect((await get(sessions.dpo, `/api/v1/audit/processing-record${query}`)).statusCode).toBe(400);
    }
  });

  it('is for the DPO and admins, not for moderators and leads', async () => {
    expect((await get(sessions.admin, '/api/v1/audit/processing-record')).statusCode).toBe(200);
    expect((await get(sessions.moderator, '/api/v1/audit/processing-record')).statusCode).toBe(403);
    expect((await get(sessions.lead, '/api/v1/audit/processing-record')).statusCode).toBe(403);
    expect((await get(undefined, '/api/v1/audit/processing-record')).statusCode).toBe(401);
  });
});
