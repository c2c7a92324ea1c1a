import type { AccessLogEntry, RegisterVerification, SignedCheckpoint } from '@vigie/contracts';
import { generateKeyPairSync } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { aReportedCase, claim, readGrant, requestAccess } from '../../test/gate-factory';
import { ownerQuery } from '../../test/owner-query';
import { createStaff, signIn, type Session } from '../../test/staff-factory';
import { createTestApp, type TestApp } from '../../test/test-app';
import { createOwnDatabase } from '../../test/test-database';
import { CHECKPOINT_FILE_NAME } from './checkpoint-file';
import { signCheckpoint } from './register-signing-key';

// The DPO reading the register: platform ids, reports, filters, and verification against a kept checkpoint.
// It truncates the register at the end: a database of its own.
describe('reading the register', () => {
  let db: { url: string; drop(): Promise<void> };
  let t: TestApp;
  let dpo: Session;
  let moderator: Session;
  const cases: Awaited<ReturnType<typeof aReportedCase>>[] = [];
  let kept: SignedCheckpoint;
  const owner = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => ownerQuery<T>(sql, params, db.url);

  beforeAll(async () => {
    db = await createOwnDatabase('vigie_register_reading');
    t = await createTestApp({ databaseUrl: db.url, env: { MFA_REQUIRED_ROLES: '' } });
    dpo = await signIn(t.app, (await createStaff(t.app, ['dpo'])).email);
    moderator = await signIn(t.app, (await createStaff(t.app, ['moderator'])).email);
    // Two cases, each: a grant (entry), its read (entry). Entries 1–2 on the first, 3–4 on the second.
    for (let i = 0; i < 2; i++) {
      const reported = await aReportedCase(t.app, { messages: 3, at: new Date(Date.now() - (2 - i) * 60_000) });
      await claim(t.app, moderator, reported.caseId);
      const grant = await requestAccess(t.app, moderator, reported.caseId, { reportIds: [reported.reportId] });
      expect(grant.statusCode).toBe(201);
      expect((await readGrant(t.app, moderator, grant.json().grantId)).statusCode).toBe(200);
      cases.push(reported);
    }
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/audit/checkpoints', headers: dpo.headers(true) });
    expect(res.statusCode).toBe(201);
    kept = res.json();
  });
  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  const list = async (query: string): Promise<{ data: AccessLogEntry[]; total: number }> => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/audit/access-log?${query}`, headers: dpo.headers() });
    expect(res.statusCode).toBe(200);
    return res.json();
  };
  const verifyAgainst = (checkpoint: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/audit/verify', headers: dpo.headers(true), payload: { checkpoint } });

  it("shows each entry's platform conversation id, its reports with category and date, its subjects' platform ids", async () => {
    const { data, total } = await list('order=ASC');
    expect(total).toBe(4);
    const [first, , third] = data;
    const { report } = cases[0];
    expect(first.conversationExternalId).toBe(report.conversation.externalId);
    expect(first.reports).toEqual([{ id: cases[0].reportId, category: report.category, reportedAt: new Date(report.reportedAt).toISOString() }]);
    expect(first.subjects.map((s) => s.externalId).sort()).toEqual([report.reported.externalId, report.reporter.externalId].sort());
    expect(third.conversationExternalId).toBe(cases[1].report.conversation.externalId);
    expect(third.reports.map((r) => r.id)).toEqual([cases[1].reportId]);
    expect(JSON.stringify(data)).not.toContain(cases[0].canary);
  });

  it('filters by platform conversation id', async () => {
    const { data, total } = await list(`conversation=${encodeURIComponent(cases[1].report.conversation.externalId)}`);
    expect(total).toBe(2);
    expect(data.map((e) => e.sequence)).toEqual([4, 3]);
    expect((await list('conversation=c_nobody')).total).toBe(0);
  });

  it('jumps to one entry by its number', async () => {
    const { data, total } = await list('sequence=3');
    expect(total).toBe(1);
    expect(data[0]).toMatchObject({ sequence: 3, caseId: cases[1].caseId });
    expect((await list('sequence=99')).total).toBe(0);
  });

  it.each(['abc', '0', '-2', '1.5', ''])('refuses sequence=%j with a 400 naming the field', async (value) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/audit/access-log?sequence=${value}`, headers: dpo.headers() });
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json().details)).toContain('sequence');
  });

  it('exports the platform conversation id and the reports in the CSV, never a body', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/audit/access-log/export?format=csv&conversation=${cases[0].report.conversation.externalId}`,
      headers: dpo.headers(),
    });
    expect(res.statusCode).toBe(200);
    const [header, ...rows] = res.body.trim().split('\n');
    expect(header).toContain('conversation_external_id');
    expect(header).toContain('reports');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain(`"${cases[0].report.conversation.externalId}"`);
    expect(rows[0]).toContain(`${cases[0].report.category} ${new Date(cases[0].report.reportedAt).toISOString().slice(0, 19)}Z`);
    expect(res.body).not.toContain(cases[0].canary);
  });

  describe('verification against a checkpoint the DPO kept', () => {
    it('answers intact for the checkpoint the DPO downloaded, and journals it', async () => {
      const res = await verifyAgainst(JSON.stringify(kept, null, 2));
      expect(res.statusCode).toBe(200);
      const result: RegisterVerification = res.json();
      expect(result).toMatchObject({ intact: true, headSequence: 4 });
      const [row] = await owner<{ n: number }>(`SELECT count(*)::int AS n FROM staff_activity WHERE event = 'register.verified'`);
      expect(row.n).toBeGreaterThan(0);
    });

    it.each([
      ['not JSON', 'ceci n’est pas un checkpoint'],
      ['JSON of something else', JSON.stringify({ hello: 'world' })],
      ['a checkpoint with a field missing', () => JSON.stringify({ ...kept, signature: undefined })],
    ])('refuses %s: 400 checkpoint_unreadable', async (_, text) => {
      const res = await verifyAgainst(typeof text === 'function' ? text() : text);
      expect(res.statusCode).toBe(400);
      expect(res.json().details.code).toBe('checkpoint_unreadable');
    });

    it('refuses an altered checkpoint: 400 checkpoint_signature_invalid', async () => {
      const altered = { ...kept, headHash: 'f'.repeat(64) };
      const res = await verifyAgainst(JSON.stringify(altered));
      expect(res.statusCode).toBe(400);
      expect(res.json().details.code).toBe('checkpoint_signature_invalid');
    });

    it('refuses a checkpoint well signed, but by another key than this installation’s', async () => {
      const { privateKey, publicKey } = generateKeyPairSync('ed25519');
      const forged = signCheckpoint(
        { privateKey, publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() },
        { sequence: 1, headHash: kept.headHash, time: kept.time },
      );
      const res = await verifyAgainst(JSON.stringify(forged));
      expect(res.statusCode).toBe(400);
      expect(res.json().details.code).toBe('checkpoint_signature_invalid');
    });

    it('no one else verifies: a moderator is refused', async () => {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/audit/verify', headers: moderator.headers(true), payload: { checkpoint: JSON.stringify(kept) } });
      expect(res.statusCode).toBe(403);
    });

    // Last: it truncates the register for good.
    it('an intruder who cuts the register, its stored checkpoints and the checkpoint file is caught by the kept checkpoint', async () => {
      await owner(`ALTER TABLE access_log DISABLE TRIGGER USER; ALTER TABLE register_checkpoint DISABLE TRIGGER USER;
                   DELETE FROM access_log WHERE sequence > 2; DELETE FROM register_checkpoint;
                   ALTER TABLE access_log ENABLE TRIGGER USER; ALTER TABLE register_checkpoint ENABLE TRIGGER USER`);
      rmSync(join(t.config.CHECKPOINT_DIR as string, CHECKPOINT_FILE_NAME), { force: true });
      // What the database alone knows looks intact…
      const alone = await t.app.inject({ method: 'GET', url: '/api/v1/audit/verify', headers: dpo.headers() });
      expect(alone.json()).toMatchObject({ intact: true, headSequence: 2 });
      // …the checkpoint kept outside says otherwise, and names where.
      const res = await verifyAgainst(JSON.stringify(kept));
      expect(res.statusCode).toBe(200);
      const result: RegisterVerification = res.json();
      expect(result.intact).toBe(false);
      expect(result.firstBroken?.problem).toBe('truncated_before_checkpoint');
      // Kept on record, and the DPO alerted, as for any verification that finds the register broken.
      expect(await owner(`SELECT trigger, intact, problem FROM register_verification ORDER BY at DESC, id DESC LIMIT 1`)).toEqual([
        { trigger: 'manual', intact: false, problem: 'truncated_before_checkpoint' },
      ]);
      expect(await owner(`SELECT rule, status FROM staff_alert WHERE rule = 'register_broken'`)).toEqual([{ rule: 'register_broken', status: 'open' }]);
    });
  });
});
