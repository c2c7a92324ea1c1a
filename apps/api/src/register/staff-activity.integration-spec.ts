import type { StaffActivityEntry } from '@vigie/contracts';
import { createStaff, type Session, signIn, TEST_PASSWORD } from '../../test/staff-factory';
import { createTestApp, type TestApp } from '../../test/test-app';

describe('GET /api/v1/audit/staff-activity (the staff journal)', () => {
  let t: TestApp;
  let dpo: Session;
  let admin: Session;
  let adminId: string;
  let moderatorId: string;
  let moderatorEmail: string;
  const startedAt = new Date().toISOString();

  beforeAll(async () => {
    t = await createTestApp({ env: { MFA_REQUIRED_ROLES: '' } });
    dpo = await signIn(t.app, (await createStaff(t.app, ['dpo'])).email);
    const adminAccount = await createStaff(t.app, ['admin'], { name: 'Alix Admin' });
    adminId = adminAccount.id;
    admin = await signIn(t.app, adminAccount.email);
    moderatorEmail = `journal-mod-${Date.now()}@vigie.test`;
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/staff',
      headers: admin.headers(true),
      payload: { email: moderatorEmail, name: 'Morgane Modération', roles: ['moderator'] },
    });
    expect(created.statusCode).toBe(201);
    const { id, passwordLink } = created.json<{ id: string; passwordLink: { url: string } }>();
    moderatorId = id;
    // The person sets their own password with the link the admin handed over.
    const token = new URLSearchParams(passwordLink.url.split('?')[1]).get('token');
    const set = await t.app.inject({ method: 'POST', url: '/api/v1/auth/set-password', payload: { token, password: TEST_PASSWORD } });
    expect(set.statusCode).toBe(204);
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: moderatorEmail, password: 'not-the-password-at-all' } });
  });
  afterAll(() => t?.close());

  const journal = async (query: string, session = dpo) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/audit/staff-activity${query}`, headers: session.headers() });
    expect(res.statusCode).toBe(200);
    return res.json<{ data: StaffActivityEntry[]; total: number }>();
  };

  it('lists a staff member’s entries, as actor or as the account concerned, newest first, with names', async () => {
    const { data, total } = await journal(`?staffId=${moderatorId}`);
    expect(data.map((e) => e.event)).toEqual(['login.failed', 'password.link_used', 'password.link_issued', 'staff.roles_requested', 'staff.created']);
    expect(total).toBe(5);
    expect(data[4]).toMatchObject({
      event: 'staff.created',
      actor: { id: adminId, name: 'Alix Admin' },
      subject: { id: moderatorId, name: 'Morgane Modération' },
      details: { requestedRoles: ['moderator'] },
    });
    expect(data[0].sequence).toBeGreaterThan(data[1].sequence);
    expect(data[1]).toMatchObject({ actor: { id: moderatorId }, subject: { id: moderatorId } });
    expect(data[0]).toMatchObject({ actor: null, subject: { id: moderatorId }, ip: expect.any(String) });
    // Never a password, even a wrong one.
    expect(JSON.stringify(data)).not.toMatch(new RegExp(`${TEST_PASSWORD}|not-the-password-at-all`));
  });

  it('filters by action and period, and pages', async () => {
    const created = await journal(`?action=staff.created&staffId=${adminId}`);
    expect(created.data.map((e) => [e.event, e.actor?.id ?? null, e.subject?.id])).toEqual([
      ['staff.created', adminId, moderatorId],
    ]);
    // The admin's own account came from the command line: effective at once, journaled as such.
    expect((await journal(`?action=staff.created_by_cli&staffId=${adminId}`)).data.map((e) => [e.actor, e.subject?.id])).toEqual([[null, adminId]]);
    expect((await journal(`?staffId=${moderatorId}&from=${encodeURIComponent(startedAt)}`)).total).toBe(5);
    expect((await journal(`?staffId=${moderatorId}&to=${encodeURIComponent(startedAt)}`)).total).toBe(0);
    const page = await journal(`?staffId=${moderatorId}&perPage=1&page=5`);
    expect(page).toMatchObject({ total: 5, data: [{ event: 'staff.created' }] });
  });

  it('refuses unknown filters and actions', async () => {
    for (const query of ['?action=coffee.made', '?staffId=me', '?sort=event', '?password=x']) {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/audit/staff-activity${query}`, headers: dpo.headers() });
      expect({ query, status: res.statusCode }).toEqual({ query, status: 400 });
    }
  });

  it('is for the DPO only', async () => {
    const lead = await signIn(t.app, (await createStaff(t.app, ['lead'])).email);
    const moderator = await signIn(t.app, moderatorEmail);
    for (const [role, session] of [['admin', admin], ['lead', lead], ['moderator', moderator]] as const) {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/audit/staff-activity', headers: session.headers() });
      expect({ role, status: res.statusCode, code: res.json<{ details?: { code?: string } }>().details?.code }).toEqual({ role, status: 403, code: 'role' });
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/audit/staff-activity' })).statusCode).toBe(401);
  });

  it('journals the DPO’s and admins’ actions, its own reading included', async () => {
    const dpoId = dpo.body.user.id;
    await journal('?action=register.viewed');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/audit/access-log?outcome=denied', headers: dpo.headers() })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/audit/verify', headers: dpo.headers() })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/staff/${moderatorId}`, headers: admin.headers() })).statusCode).toBe(200);
    const byDpo = (await journal(`?staffId=${dpoId}&perPage=10`)).data;
    expect(byDpo.slice(0, 3).map((e) => e.event)).toEqual(['register.verified', 'register.viewed', 'journal.viewed']);
    expect(byDpo[1]).toMatchObject({ actor: { id: dpoId }, details: { route: 'GET /api/v1/audit/access-log', query: { outcome: 'denied' } } });
    // The reading that answered is written once it answered: the next reading shows it.
    expect((await journal(`?staffId=${dpoId}&perPage=1`)).data[0]).toMatchObject({ event: 'journal.viewed', details: { query: { staffId: dpoId, perPage: '10' } } });
    const viewed = (await journal(`?action=staff.viewed&staffId=${moderatorId}`)).data;
    expect(viewed[0]).toMatchObject({ actor: { id: adminId }, subject: { id: moderatorId }, details: { params: { id: moderatorId } } });
  });
});
