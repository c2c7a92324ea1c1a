import type { AccessGrant } from '@vigie/contracts';
import { DataSource } from 'typeorm';
import { ManualClock } from '../common/clock';
import { RegisterService } from '../register/register.service';
import { aReportedCase, claim, readGrant, requestAccess } from '../../test/gate-factory';
import { ownerQuery } from '../../test/owner-query';
import { createStaff, signIn, type Session } from '../../test/staff-factory';
import { createTestApp, type TestApp } from '../../test/test-app';
import { GateRepository } from './gate.repository';

// A grant ends the moment its holder would no longer be allowed to open the case: each test
// obtains one as an insider would, changes one thing, and reads again.
describe('a grant ends with the entitlement', () => {
  let t: TestApp;
  const clock = new ManualClock(new Date());
  let admin: Session;
  let lead: Session;
  let otherModeratorId: string;
  beforeAll(async () => {
    t = await createTestApp({ env: { MFA_REQUIRED_ROLES: '' }, clock });
    admin = await signIn(t.app, (await createStaff(t.app, ['admin'])).email);
    lead = await signIn(t.app, (await createStaff(t.app, ['lead'])).email);
    otherModeratorId = (await createStaff(t.app, ['moderator'])).id;
  });
  afterAll(() => t?.close());

  /** A moderator of the test's own, a case they claimed, and a grant they read once. */
  async function aLiveGrant() {
    const account = await createStaff(t.app, ['moderator']);
    const session = await signIn(t.app, account.email);
    const reported = await aReportedCase(t.app, { at: clock.now() });
    await claim(t.app, session, reported.caseId);
    const grant = (await requestAccess(t.app, session, reported.caseId, { reportIds: [reported.reportId] })).json() as AccessGrant;
    expect((await readGrant(t.app, session, grant.grantId)).statusCode).toBe(200);
    return { account, session, grant, ...reported };
  }

  async function expectRevoked(session: Session, grant: AccessGrant, cause: string, canary: string) {
    const res = await readGrant(t.app, session, grant.grantId);
    expect(res.statusCode).toBe(410);
    expect(res.json()).toMatchObject({ reason: 'grant_revoked', details: { code: 'grant_revoked', cause } });
    expect(res.body).not.toContain(canary);
    const [last] = await ownerQuery<{ outcome: string; reason: string; grant_id: string }>(
      `SELECT outcome, reason, grant_id FROM access_log WHERE grant_id = $1 ORDER BY sequence DESC LIMIT 1`,
      [grant.grantId],
    );
    expect(last).toEqual({ outcome: 'denied', reason: `grant_revoked:${cause}`, grant_id: grant.grantId });
  }

  const assign = (caseId: string, assigneeId: string | null) =>
    t.app.inject({ method: 'POST', url: `/api/v1/cases/${caseId}/assign`, headers: lead.headers(true), payload: { assigneeId } });

  it('reassigned: the case now belongs to another moderator', async () => {
    const { session, grant, caseId, canary } = await aLiveGrant();
    expect((await assign(caseId, otherModeratorId)).statusCode).toBe(200);
    await expectRevoked(session, grant, 'reassigned', canary);
  });

  it('unassigned: a lead took the case back to the queue', async () => {
    const { session, grant, caseId, canary } = await aLiveGrant();
    expect((await assign(caseId, null)).statusCode).toBe(200);
    await expectRevoked(session, grant, 'unassigned', canary);
  });

  it('case_closed and data_purged', async () => {
    const closed = await aLiveGrant();
    await ownerQuery(`UPDATE moderation_case SET status = 'closed', closed_at = now(), close_reason = 'resolved' WHERE id = $1`, [closed.caseId]);
    await expectRevoked(closed.session, closed.grant, 'case_closed', closed.canary);
    const purged = await aLiveGrant();
    await ownerQuery(`UPDATE moderation_case SET data_purged_at = now() WHERE id = $1`, [purged.caseId]);
    await expectRevoked(purged.session, purged.grant, 'data_purged', purged.canary);
  });

  it('roles_changed: the holder is a moderator no more', async () => {
    const { account, session, grant, canary } = await aLiveGrant();
    const res = await t.app.inject({ method: 'PATCH', url: `/api/v1/staff/${account.id}`, headers: admin.headers(true), payload: { roles: ['dpo'] } });
    expect(res.statusCode).toBe(200);
    await expectRevoked(session, grant, 'roles_changed', canary);
  });

  it('roles_changed: a lead reading a colleague’s case is a lead no more', async () => {
    const account = await createStaff(t.app, ['lead', 'moderator']);
    const session = await signIn(t.app, account.email);
    const reported = await aReportedCase(t.app, { at: clock.now() });
    expect((await assign(reported.caseId, otherModeratorId)).statusCode).toBe(200);
    const grant = (await requestAccess(t.app, session, reported.caseId, { reportIds: [reported.reportId] })).json() as AccessGrant;
    // Whoever removed it (an admin, an approval): the account holds moderator only now.
    await ownerQuery(`UPDATE staff_user SET roles = '{moderator}' WHERE id = $1`, [account.id]);
    await expectRevoked(session, grant, 'roles_changed', reported.canary);
  });

  it('account_disabled: disabling and enabling again does not bring the grant back', async () => {
    const { account, grant, canary } = await aLiveGrant();
    for (const disabled of [true, false]) {
      const res = await t.app.inject({ method: 'PATCH', url: `/api/v1/staff/${account.id}`, headers: admin.headers(true), payload: { disabled } });
      expect(res.statusCode).toBe(200);
    }
    await expectRevoked(await signIn(t.app, account.email), grant, 'account_disabled', canary);
  });

  it('signed_out: signing out ends the grants of the session, even for a new session of the holder', async () => {
    const { account, session, grant, canary } = await aLiveGrant();
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: session.headers(true) })).statusCode).toBe(204);
    await expectRevoked(await signIn(t.app, account.email), grant, 'signed_out', canary);
  });

  it('session_expired: the session that obtained the grant timed out', async () => {
    const { account, session, grant, canary } = await aLiveGrant();
    const [{ id }] = await ownerQuery<{ id: string }>(
      `SELECT s.id FROM access_grant g JOIN staff_session s ON s.id = g.session_id WHERE g.id = $1`,
      [grant.grantId],
    );
    await ownerQuery(`UPDATE staff_session SET expires_at = $2 WHERE id = $1`, [id, new Date(clock.now().getTime() - 1000)]);
    expect((await readGrant(t.app, session, grant.grantId)).statusCode).toBe(401);
    await expectRevoked(await signIn(t.app, account.email), grant, 'session_expired', canary);
  });

  it('a lead keeps reading a case they do not hold, as the gate lets them open it', async () => {
    const reported = await aReportedCase(t.app, { at: clock.now() });
    const grant = (await requestAccess(t.app, lead, reported.caseId, { reportIds: [reported.reportId] })).json() as AccessGrant;
    expect((await assign(reported.caseId, otherModeratorId)).statusCode).toBe(200);
    expect((await readGrant(t.app, lead, grant.grantId)).statusCode).toBe(200);
  });

  it('the register stays intact through revocations', async () => {
    const dpo = await signIn(t.app, (await createStaff(t.app, ['dpo'])).email);
    const verification = await t.app.inject({ method: 'GET', url: '/api/v1/audit/verify', headers: dpo.headers() });
    expect(verification.json()).toMatchObject({ intact: true });
  });

  describe('the database hands out no body for a revoked grant, even with a committed read entry', () => {
    // What a gate that forgot to check would do: record the read, then ask for the bodies.
    async function recordedRead(staffId: string, grantId: string, caseId: string): Promise<string> {
      const entry = await t.app.get(DataSource).transaction((m) =>
        t.app.get(RegisterService).record(m, {
          staff: { id: staffId, roles: ['moderator'] },
          caseId,
          conversationId: null,
          reportIds: [],
          subjectIds: [],
          outcome: 'read',
          grantId,
          justification: null,
          client: { ip: null, userAgent: null, requestId: null },
        }),
      );
      return entry.sequence;
    }

    type Change = (ids: { caseId: string; staffId: string }) => Promise<unknown>;
    const changes: [string, Change][] = [
      ['the case closed', ({ caseId }) => ownerQuery(`UPDATE moderation_case SET status = 'closed', closed_at = now(), close_reason = 'resolved' WHERE id = $1`, [caseId])],
      ['the case purged', ({ caseId }) => ownerQuery(`UPDATE moderation_case SET data_purged_at = now() WHERE id = $1`, [caseId])],
      ['the case reassigned', ({ caseId }) => ownerQuery(`UPDATE moderation_case SET assignee_id = $2 WHERE id = $1`, [caseId, otherModeratorId])],
      ['the holder disabled', ({ staffId }) => ownerQuery(`UPDATE staff_user SET disabled_at = now() WHERE id = $1`, [staffId])],
      ['the holder without a content role', ({ staffId }) => ownerQuery(`UPDATE staff_user SET roles = '{dpo}' WHERE id = $1`, [staffId])],
      ['the session signed out', ({ staffId }) => ownerQuery(`UPDATE staff_session SET revoked_at = now(), ended_by = 'signed_out' WHERE staff_id = $1`, [staffId])],
    ];
    it.each(changes)('%s', async (_name, change) => {
      const { account, grant, caseId } = await aLiveGrant();
      const entry = await recordedRead(account.id, grant.grantId, caseId);
      const bodies = async () => (await t.app.get(GateRepository).bodies(entry, account.id)).size;
      // The same entry, before the change, does hand the bodies out: the refusal is the change's.
      expect(await bodies()).toBeGreaterThan(0);
      await change({ caseId, staffId: account.id });
      expect(await bodies()).toBe(0);
    });
  });
});
