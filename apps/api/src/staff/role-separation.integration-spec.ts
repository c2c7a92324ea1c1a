import { generateSync } from 'otplib';
import { ManualClock } from '../common/clock';
import { aReportedCase, requestAccess } from '../../test/gate-factory';
import { ownerQuery } from '../../test/owner-query';
import { createStaff, signIn, TEST_PASSWORD, type Session } from '../../test/staff-factory';
import { createTestApp, type TestApp } from '../../test/test-app';

/**
 * Insiders against the separation of duties: an admin who would give themselves content
 * access, an account stored with a set of roles that mixes auditing and reading, and a TOTP code
 * seen over someone's shoulder and replayed within its window.
 */
describe('separation of duties', () => {
  const clock = new ManualClock(new Date());
  let t: TestApp;
  let admin: Session;
  let adminId: string;
  beforeAll(async () => {
    t = await createTestApp({ clock, env: { MFA_REQUIRED_ROLES: '' } });
    const account = await createStaff(t.app, ['admin']);
    adminId = account.id;
    admin = await signIn(t.app, account.email);
  });
  afterAll(() => t?.close());

  const patch = (id: string, payload: Record<string, unknown>) =>
    t.app.inject({ method: 'PATCH', url: `/api/v1/staff/${id}`, headers: admin.headers(true), payload });

  it('refuses an admin who adds a content role to their own account', async () => {
    const res = await patch(adminId, { roles: ['admin', 'lead'] });
    expect(res.json()).toMatchObject({ statusCode: 403, details: { code: 'self_change' } });
    const [row] = await ownerQuery<{ roles: string[] }>('SELECT roles FROM staff_user WHERE id = $1', [adminId]);
    expect(row.roles).toEqual(['admin']);
  });

  it('refuses an admin who changes their own roles or disables themselves, whatever the change', async () => {
    expect((await patch(adminId, { roles: ['moderator'] })).json()).toMatchObject({ statusCode: 403, details: { code: 'self_change' } });
    expect((await patch(adminId, { disabled: true })).json()).toMatchObject({ statusCode: 403, details: { code: 'self_change' } });
    // Their own name is theirs to fix, even when the form sends the roles and state unchanged.
    expect((await patch(adminId, { name: 'Admin Renamed', roles: ['admin'], disabled: false })).statusCode).toBe(200);
  });

  it.each([
    [['dpo', 'moderator']],
    [['admin', 'lead']],
    [['dpo', 'admin']],
    [['admin', 'moderator', 'lead']],
  ])('refuses to create or give the role set %j', async (roles) => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/staff',
      headers: admin.headers(true),
      payload: { email: `mixed-${roles.join('-')}@vigie.test`, name: 'Mixed Roles', roles },
    });
    expect(created.json()).toMatchObject({ statusCode: 400, details: { code: 'incompatible_roles' } });
    const [{ count }] = await ownerQuery<{ count: string }>('SELECT count(*) FROM staff_user WHERE email = $1', [`mixed-${roles.join('-')}@vigie.test`]);
    expect(Number(count)).toBe(0);

    const other = await createStaff(t.app, ['moderator']);
    expect((await patch(other.id, { roles })).json()).toMatchObject({ statusCode: 400, details: { code: 'incompatible_roles' } });
  });

  it('lets an account stored with a mixed set sign in, but not read a conversation, and records the refusal', async () => {
    const dpo = await createStaff(t.app, ['dpo']);
    // Written past the API, as an old row or a hand-edited one would be.
    await ownerQuery(`UPDATE staff_user SET roles = '{dpo,moderator}' WHERE id = $1`, [dpo.id]);
    const session = await signIn(t.app, dpo.email);
    const { caseId, reportId } = await aReportedCase(t.app);
    await ownerQuery('UPDATE moderation_case SET assignee_id = $2, status = $3 WHERE id = $1', [caseId, dpo.id, 'in_review']);

    const res = await requestAccess(t.app, session, caseId, { reportIds: [reportId] });
    expect(res.json()).toMatchObject({ statusCode: 403, reason: 'role' });
    const queue = await t.app.inject({ method: 'GET', url: '/api/v1/cases', headers: session.headers() });
    expect(queue.statusCode).toBe(403);
    const register = await t.app.inject({ method: 'GET', url: '/api/v1/audit/access-log', headers: session.headers() });
    expect(register.statusCode).toBe(200);
    const [entry] = await ownerQuery<{ outcome: string; reason: string }>(
      'SELECT outcome, reason FROM access_log WHERE case_id = $1 AND staff_id = $2 ORDER BY sequence DESC LIMIT 1',
      [caseId, dpo.id],
    );
    expect(entry).toEqual({ outcome: 'denied', reason: 'role' });
  });

  it('refuses a TOTP code used once, for the rest of its window', async () => {
    const lead = await createStaff(t.app, ['lead']);
    const session = await signIn(t.app, lead.email);
    const enrolment = await t.app.inject({ method: 'POST', url: '/api/v1/auth/mfa/enrolment', headers: session.headers(true), payload: {} });
    const { secret } = enrolment.json() as { secret: string };
    const code = generateSync({ secret, epoch: Math.floor(clock.now().getTime() / 1000) });
    const activated = await t.app.inject({ method: 'POST', url: '/api/v1/auth/mfa/activate', headers: session.headers(true), payload: { code } });
    expect(activated.statusCode).toBe(201);

    const login = () =>
      t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: lead.email, password: TEST_PASSWORD, totp: code }, remoteAddress: '10.9.0.1' });
    // The code that activated MFA does not sign in either: it was seen once already.
    expect((await login()).json()).toMatchObject({ statusCode: 401, details: { code: 'mfa_invalid' } });

    clock.advance(30_000);
    const next = generateSync({ secret, epoch: Math.floor(clock.now().getTime() / 1000) });
    const first = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: lead.email, password: TEST_PASSWORD, totp: next } });
    expect(first.statusCode).toBe(200);
    const again = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: lead.email, password: TEST_PASSWORD, totp: next } });
    expect(again.json()).toMatchObject({ statusCode: 401, details: { code: 'mfa_invalid' } });
  });
});
