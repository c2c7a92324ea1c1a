import type { AccessGrant } from '@vigie/contracts';
import { Client } from 'pg';
import { aReportedCase, claim, readGrant, requestAccess } from '../../test/gate-factory';
import { ownerQuery } from '../../test/owner-query';
import { createStaff, signIn, type Session } from '../../test/staff-factory';
import { createTestApp, testDatabaseUrl, type TestApp } from '../../test/test-app';

jest.setTimeout(120_000);

/**
 * A restriction of processing (GDPR Art. 18, 21): while it stands, no conversation involving the
 * person opens — refused by the gate (403 `restricted`) and, underneath, by the database, whoever
 * holds the application's role. Lifted with a reason. Nobody else's cases are touched.
 */
describe("restricting a person's data", () => {
  let t: TestApp;
  let moderator: Session;
  let moderatorId: string;
  let dpoEmail: string;
  let dpoId: string;
  beforeAll(async () => {
    t = await createTestApp({ env: { MFA_REQUIRED_ROLES: '' } });
    const account = await createStaff(t.app, ['moderator']);
    moderatorId = account.id;
    moderator = await signIn(t.app, account.email);
    const dpo = await createStaff(t.app, ['dpo']);
    dpoEmail = dpo.email;
    dpoId = dpo.id;
  });
  afterAll(() => t?.close());

  async function asApplication<T>(work: (db: Client) => Promise<T>): Promise<T> {
    const db = new Client({ connectionString: testDatabaseUrl(), application_name: 'vigie-test-attacker' });
    await db.connect();
    try {
      await db.query('SET ROLE vigie_app');
      return await work(db);
    } finally {
      await db.end();
    }
  }

  const userIdOf = async (externalId: string) => (await ownerQuery<{ id: string }>(`SELECT id FROM platform_user WHERE external_id = $1`, [externalId]))[0].id;

  async function dpoPost(externalId: string, path: string, payload: Record<string, string>) {
    const dpo = await signIn(t.app, dpoEmail);
    return t.app.inject({ method: 'POST', url: `/api/v1/audit/subjects/${encodeURIComponent(externalId)}/${path}`, headers: dpo.headers(true), payload });
  }
  const restrict = (externalId: string, reference = 'REQ-18-001') =>
    dpoPost(externalId, 'restriction', { reason: 'The person contests the accuracy of the report.', reference });
  const lift = (externalId: string) => dpoPost(externalId, 'restriction/lift', { reason: 'Accuracy verified with the person.' });

  it('as vigie_app, a grant for a restricted person\'s case is refused by the database, directly or through the gate function', async () => {
    const { caseId, reportId, report } = await aReportedCase(t.app);
    await claim(t.app, moderator, caseId);
    // Placed by hand, as the owner: the database alone must refuse, whatever the API does.
    await ownerQuery(
      `INSERT INTO subject_restriction (user_id, reason, reference, restricted_by, restricted_at) VALUES ($1, 'contests the report', 'REQ-ATTACK', $2, now())`,
      [await userIdOf(report.reported.externalId), dpoId],
    );
    const [{ id: sessionId }] = await ownerQuery<{ id: string }>(`SELECT id FROM staff_session WHERE staff_id = $1 AND revoked_at IS NULL LIMIT 1`, [moderatorId]);
    const errors = await asApplication(async (db) => {
      const found: string[] = [];
      for (const sql of [
        `INSERT INTO access_grant (case_id, staff_id, scope, report_ids, message_ids, created_at, expires_at, session_id)
         VALUES ('${caseId}', '${moderatorId}', 'full', ARRAY['${reportId}']::uuid[], '{}', now(), now() + interval '10 minutes', '${sessionId}')`,
        `SELECT * FROM gate_open_grant('${caseId}', '${moderatorId}', '${sessionId}', 'full', ARRAY['${reportId}']::uuid[], '{}', 10)`,
      ]) {
        try {
          await db.query(sql);
          found.push('accepted');
        } catch (error) {
          found.push((error as Error).message);
        }
      }
      return found;
    });
    expect(errors[0]).toMatch(/permission denied|gate refused: restricted/);
    expect(errors[1]).toBe('gate refused: restricted');
    expect(await ownerQuery(`SELECT 1 FROM access_grant WHERE case_id = $1`, [caseId])).toEqual([]);
    await ownerQuery(`UPDATE subject_restriction SET lifted_by = $1, lifted_at = now(), lift_reason = 'test over' WHERE reference = 'REQ-ATTACK'`, [dpoId]);
  });

  it('as vigie_app, a restriction is neither deleted nor rewritten, only lifted once', async () => {
    const { report } = await aReportedCase(t.app);
    expect((await restrict(report.reporter.externalId, 'REQ-18-TAMPER')).statusCode).toBe(201);
    const userId = await userIdOf(report.reporter.externalId);
    const outcomes = await asApplication(async (db) => {
      const found: string[] = [];
      for (const sql of [
        `DELETE FROM subject_restriction WHERE user_id = '${userId}'`,
        `UPDATE subject_restriction SET reason = 'rewritten reason here' WHERE user_id = '${userId}'`,
        `UPDATE subject_restriction SET lifted_at = now() WHERE user_id = '${userId}'`,
        `UPDATE subject_restriction SET restricted_at = now() - interval '1 year' WHERE user_id = '${userId}'`,
      ]) {
        try {
          await db.query(sql);
          found.push('accepted');
        } catch (error) {
          found.push((error as Error).message);
        }
      }
      return found;
    });
    expect(outcomes.every((o) => o !== 'accepted')).toBe(true);
    expect(await ownerQuery(`SELECT reason, lifted_at FROM subject_restriction WHERE user_id = $1`, [userId])).toEqual([
      { reason: 'The person contests the accuracy of the report.', lifted_at: null },
    ]);
    expect((await lift(report.reporter.externalId)).statusCode).toBe(200);
  });

  it('the gate refuses a restricted case with reason "restricted", revokes its grants, and opens again once lifted; nothing about anyone else', async () => {
    const mine = await aReportedCase(t.app);
    const other = await aReportedCase(t.app);
    await claim(t.app, moderator, mine.caseId);
    await claim(t.app, moderator, other.caseId);
    const before = (await requestAccess(t.app, moderator, mine.caseId, { reportIds: [mine.reportId] })).json() as AccessGrant;
    expect((await readGrant(t.app, moderator, before.grantId)).statusCode).toBe(200);

    const placed = await restrict(mine.report.reported.externalId);
    expect(placed.statusCode).toBe(201);
    expect(placed.json()).toMatchObject({ restriction: { reference: 'REQ-18-001', restrictedBy: { id: dpoId } } });
    expect((await restrict(mine.report.reported.externalId)).json()).toMatchObject({ details: { code: 'restriction_exists' } });

    const refused = await requestAccess(t.app, moderator, mine.caseId, { reportIds: [mine.reportId] });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ reason: 'restricted' });
    const revoked = await readGrant(t.app, moderator, before.grantId);
    expect(revoked.statusCode).toBe(410);
    expect(revoked.json()).toMatchObject({ reason: 'grant_revoked', details: { cause: 'restricted' } });
    // Both refusals are in the register.
    const denied = await ownerQuery<{ reason: string }>(`SELECT reason FROM access_log WHERE case_id = $1 AND outcome = 'denied' ORDER BY sequence`, [mine.caseId]);
    expect(denied.map((d) => d.reason)).toEqual(['restricted', 'grant_revoked:restricted']);

    // Someone else's case still opens.
    expect((await requestAccess(t.app, moderator, other.caseId, { reportIds: [other.reportId] })).statusCode).toBe(201);

    // The case says so, to staff and to the DPO; the person's report shows the restriction.
    const detail = await t.app.inject({ method: 'GET', url: `/api/v1/cases/${mine.caseId}`, headers: moderator.headers() });
    expect(detail.json()).toMatchObject({ restricted: true });
    const otherDetail = await t.app.inject({ method: 'GET', url: `/api/v1/cases/${other.caseId}`, headers: moderator.headers() });
    expect(otherDetail.json()).toMatchObject({ restricted: false });
    const dpo = await signIn(t.app, dpoEmail);
    const reportOf = (id: string) => t.app.inject({ method: 'GET', url: `/api/v1/audit/subjects/${encodeURIComponent(id)}/report`, headers: dpo.headers() });
    expect((await reportOf(mine.report.reported.externalId)).json().restriction).toMatchObject({ reference: 'REQ-18-001' });
    expect((await reportOf(other.report.reported.externalId)).json().restriction).toBeNull();

    const lifted = await lift(mine.report.reported.externalId);
    expect(lifted.statusCode).toBe(200);
    expect((await lift(mine.report.reported.externalId)).json()).toMatchObject({ details: { code: 'no_restriction' } });
    expect((await requestAccess(t.app, moderator, mine.caseId, { reportIds: [mine.reportId] })).statusCode).toBe(201);

    // The journal: the reference and counts, never the person.
    const journal = await ownerQuery<{ event: string; details: Record<string, unknown> }>(
      `SELECT event, details FROM staff_activity WHERE event IN ('subject.restricted', 'subject.restriction_lifted') AND details->>'reference' = 'REQ-18-001' ORDER BY sequence`,
    );
    expect(journal.map((j) => j.event)).toEqual(['subject.restricted', 'subject.restriction_lifted']);
    expect(JSON.stringify(journal)).not.toContain(mine.report.reported.externalId);
    expect(JSON.stringify(journal)).not.toContain(`${mine.report.reported.displayName}`);
  });

  it('only the DPO restricts', async () => {
    const { report } = await aReportedCase(t.app);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/audit/subjects/${encodeURIComponent(report.reported.externalId)}/restriction`,
      headers: moderator.headers(true),
      payload: { reason: 'The person contests the accuracy of the report.', reference: 'REQ-X' },
    });
    expect(res.statusCode).toBe(403);
    expect(await ownerQuery(`SELECT 1 FROM subject_restriction WHERE reference = 'REQ-X'`)).toEqual([]);
  });
});
