import { ManualClock } from '../common/clock';
import { aReportedCase, readGrant, requestAccess } from '../../test/gate-factory';
import { ownerQuery } from '../../test/owner-query';
import { createStaff, signIn, TEST_PASSWORD, type Session } from '../../test/staff-factory';
import { createTestApp, type TestApp } from '../../test/test-app';

const NEW_PASSWORD = 'ciel-ardoise-tram-77';

/**
 * Insiders against four eyes on roles: an admin who gives content roles and would use them at
 * once, approves their own request, chooses a password, or keeps a password link to sign in as
 * someone else. Each gets nothing until a second person approves.
 */
describe('four eyes on roles and passwords', () => {
  const clock = new ManualClock(new Date());
  let t: TestApp;
  let admin: Session;
  let adminId: string;
  let otherAdmin: Session;
  let lead: Session;
  let leadId: string;
  beforeAll(async () => {
    t = await createTestApp({ clock, env: { MFA_REQUIRED_ROLES: '' } });
    const account = await createStaff(t.app, ['admin']);
    adminId = account.id;
    admin = await signIn(t.app, account.email);
    otherAdmin = await signIn(t.app, (await createStaff(t.app, ['admin'])).email);
    const leadAccount = await createStaff(t.app, ['lead']);
    leadId = leadAccount.id;
    lead = await signIn(t.app, leadAccount.email);
  });
  afterAll(() => t?.close());

  const patch = (as: Session, id: string, payload: Record<string, unknown>) =>
    t.app.inject({ method: 'PATCH', url: `/api/v1/staff/${id}`, headers: as.headers(true), payload });
  const post = (as: Session | undefined, url: string, payload: Record<string, unknown> = {}) =>
    t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: as?.headers(true) ?? {}, payload });
  const pendingOf = async (as: Session, staffId: string) => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/staff/role-requests', headers: as.headers() });
    expect(res.statusCode).toBe(200);
    return (res.json() as { data: { id: string; staff: { id: string }; requestedRoles: string[]; canDecide: boolean }[] }).data.find((r) => r.staff.id === staffId);
  };
  const rolesOf = async (id: string) => (await ownerQuery<{ roles: string[] }>('SELECT roles FROM staff_user WHERE id = $1', [id]))[0].roles;
  const journal = (event: string, subjectId: string) =>
    ownerQuery<{ actor_id: string | null; details: Record<string, unknown> }>('SELECT actor_id, details FROM staff_activity WHERE event = $1 AND subject_id = $2 ORDER BY id', [event, subjectId]);
  const tokenOf = (url: string) => new URL(url, 'http://vigie.test').hash.split('token=')[1];

  it('keeps a content role given by an admin ineffective until a lead approves it', async () => {
    const target = await createStaff(t.app, ['dpo']);
    const res = await patch(admin, target.id, { roles: ['moderator'] });
    expect(res.statusCode).toBe(200);
    // Removing is not giving: dpo goes at once; moderator waits.
    expect(res.json()).toMatchObject({ roles: [], pendingRoles: ['moderator'] });
    expect(await rolesOf(target.id)).toEqual([]);

    const session = await signIn(t.app, target.email);
    expect(session.body.pendingRoles).toEqual(['moderator']);
    const { caseId, reportId } = await aReportedCase(t.app);
    await ownerQuery('UPDATE moderation_case SET assignee_id = $2, status = $3 WHERE id = $1', [caseId, target.id, 'in_review']);
    expect((await requestAccess(t.app, session, caseId, { reportIds: [reportId] })).json()).toMatchObject({ statusCode: 403, reason: 'role_pending' });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/cases', headers: session.headers() })).json()).toMatchObject({
      statusCode: 403,
      details: { code: 'role_pending' },
    });
    const [entry] = await ownerQuery<{ outcome: string; reason: string }>(
      'SELECT outcome, reason FROM access_log WHERE case_id = $1 AND staff_id = $2 ORDER BY sequence DESC LIMIT 1',
      [caseId, target.id],
    );
    expect(entry).toEqual({ outcome: 'denied', reason: 'role_pending' });

    const request = await pendingOf(lead, target.id);
    expect(request).toMatchObject({ requestedRoles: ['moderator'], canDecide: true });
    expect((await post(lead, `/staff/role-requests/${request?.id}/approve`)).statusCode).toBe(204);
    expect(await rolesOf(target.id)).toEqual(['moderator']);
    expect((await requestAccess(t.app, session, caseId, { reportIds: [reportId] })).statusCode).toBe(201);
    expect(await journal('staff.roles_requested', target.id)).toEqual([expect.objectContaining({ actor_id: adminId })]);
    expect(await journal('staff.roles_approved', target.id)).toEqual([expect.objectContaining({ actor_id: leadId })]);
  });

  it('refuses the requester approving their own request, and the account concerned approving its own', async () => {
    const target = await createStaff(t.app, ['moderator']);
    await patch(admin, target.id, { roles: ['lead', 'moderator'] });
    const request = await pendingOf(otherAdmin, target.id);
    expect((await post(admin, `/staff/role-requests/${request?.id}/approve`)).json()).toMatchObject({ statusCode: 403, details: { code: 'own_request' } });
    expect((await pendingOf(admin, target.id))?.canDecide).toBe(false);

    const self = await signIn(t.app, target.email);
    // A moderator is not among the approvers at all; as a lead-to-be, still not of their own request.
    expect((await post(self, `/staff/role-requests/${request?.id}/approve`)).json()).toMatchObject({ statusCode: 403 });
    await ownerQuery(`UPDATE staff_user SET roles = '{lead}' WHERE id = $1`, [target.id]);
    expect((await post(self, `/staff/role-requests/${request?.id}/approve`)).json()).toMatchObject({ statusCode: 403, details: { code: 'own_request' } });
    expect(await rolesOf(target.id)).toEqual(['lead']);
  });

  it('lets only another admin approve dpo or admin, and nobody whose own role is pending', async () => {
    const target = await createStaff(t.app, ['moderator']);
    await patch(admin, target.id, { roles: ['admin'] });
    expect(await pendingOf(lead, target.id)).toBeUndefined();
    const id = (await pendingOf(otherAdmin, target.id))?.id;
    expect((await post(lead, `/staff/role-requests/${id}/approve`)).json()).toMatchObject({ statusCode: 403, details: { code: 'approval_not_allowed' } });

    // A lead whose own moderator role waits does not approve anyone's.
    const waiting = await createStaff(t.app, ['lead']);
    await patch(admin, waiting.id, { roles: ['lead', 'moderator'] });
    const waitingSession = await signIn(t.app, waiting.email);
    const other = await createStaff(t.app, ['lead']);
    await patch(admin, other.id, { roles: ['lead', 'moderator'] });
    const otherRequest = await pendingOf(lead, other.id);
    expect((await post(waitingSession, `/staff/role-requests/${otherRequest?.id}/approve`)).json()).toMatchObject({
      statusCode: 403,
      details: { code: 'approval_not_allowed' },
    });

    expect((await post(otherAdmin, `/staff/role-requests/${id}/reject`)).statusCode).toBe(204);
    expect(await rolesOf(target.id)).toEqual([]);
    expect((await post(otherAdmin, `/staff/role-requests/${id}/approve`)).json()).toMatchObject({ statusCode: 404, details: { code: 'role_request_not_found' } });
    expect(await journal('staff.roles_rejected', target.id)).toHaveLength(1);
  });

  it('refuses an account created with a password the admin chose', async () => {
    const res = await post(admin, '/staff', { email: 'chosen@vigie.test', name: 'Chosen Password', roles: ['moderator'], password: 'tram-violet-42-ardoise' });
    expect(res.json()).toMatchObject({ statusCode: 400, details: [{ field: 'password', code: 'unknown_field' }] });
    expect(await ownerQuery('SELECT 1 FROM staff_user WHERE email = $1', ['chosen@vigie.test'])).toHaveLength(0);
  });

  it('creates an account whose person sets their password through a one-time link', async () => {
    const res = await post(admin, '/staff', { email: 'recrue@vigie.test', name: 'Nouvelle Recrue', roles: ['moderator'] });
    expect(res.statusCode).toBe(201);
    const created = res.json() as { id: string; roles: string[]; pendingRoles: string[]; passwordLink: { url: string; expiresAt: string } };
    expect(created).toMatchObject({ roles: [], pendingRoles: ['moderator'] });
    expect(created.passwordLink.url).toMatch(/^\/#\/set-password\?token=[\w-]{40,}$/);
    expect(new Date(created.passwordLink.expiresAt).getTime() - clock.now().getTime()).toBe(24 * 3_600_000);
    const token = tokenOf(created.passwordLink.url);
    // Only its digest is stored.
    expect(await ownerQuery('SELECT 1 FROM staff_password_link WHERE token_hash = $1', [token])).toHaveLength(0);

    expect((await post(undefined, '/auth/password-link', { token })).json()).toEqual({ email: 'recrue@vigie.test', name: 'Nouvelle Recrue', expiresAt: created.passwordLink.expiresAt });
    expect((await post(undefined, '/auth/set-password', { token, password: 'password1234' })).json()).toMatchObject({ statusCode: 400, details: { code: 'weak_password' } });
    expect((await post(undefined, '/auth/set-password', { token, password: NEW_PASSWORD })).statusCode).toBe(204);
    const session = await signIn(t.app, 'recrue@vigie.test', NEW_PASSWORD);
    expect(session.body).toMatchObject({ user: { roles: [] }, pendingRoles: ['moderator'] });

    // A used link: 410, and it sets nothing.
    expect((await post(undefined, '/auth/set-password', { token, password: 'autre-mot-de-passe-99' })).json()).toMatchObject({ statusCode: 410, details: { code: 'link_used' } });
    expect((await post(undefined, '/auth/password-link', { token })).json()).toMatchObject({ statusCode: 410, details: { code: 'link_used' } });
    expect((await post(undefined, '/auth/password-link', { token: 'nope' })).json()).toMatchObject({ statusCode: 404, details: { code: 'link_not_found' } });
    expect(await journal('password.link_used', created.id)).toEqual([expect.objectContaining({ actor_id: created.id })]);
    expect(await journal('password.link_issued', created.id)).toEqual([expect.objectContaining({ actor_id: adminId })]);
  });

  it('expires a link after 24 hours', async () => {
    const res = await post(admin, '/staff', { email: 'tardif@vigie.test', name: 'Arrive Tard', roles: ['lead'] });
    const token = tokenOf((res.json() as { passwordLink: { url: string } }).passwordLink.url);
    clock.advance(24 * 3_600_000);
    try {
      expect((await post(undefined, '/auth/set-password', { token, password: NEW_PASSWORD })).json()).toMatchObject({ statusCode: 410, details: { code: 'link_expired' } });
    } finally {
      clock.advance(-24 * 3_600_000);
    }
  });

  it('suspends the content roles of an account whose password link an admin issues, until someone else approves them', async () => {
    const target = await createStaff(t.app, ['lead', 'moderator']);
    const before = await signIn(t.app, target.email);
    const res = await post(admin, `/staff/${target.id}/password-link`);
    expect(res.statusCode).toBe(201);
    expect(await rolesOf(target.id)).toEqual([]);
    // Whoever holds the link (the admin too) sets a password and signs in: no content.
    const token = tokenOf((res.json() as { url: string }).url);
    expect((await post(undefined, '/auth/set-password', { token, password: NEW_PASSWORD })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: before.headers() })).statusCode).toBe(401);
    const after = await signIn(t.app, target.email, NEW_PASSWORD);
    expect(after.body.pendingRoles).toEqual(['moderator', 'lead']);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/cases', headers: after.headers() })).json()).toMatchObject({ details: { code: 'role_pending' } });
    expect(await journal('staff.roles_suspended', target.id)).toEqual([expect.objectContaining({ actor_id: adminId, details: { roles: ['moderator', 'lead'] } })]);

    const request = await pendingOf(lead, target.id);
    expect((await post(admin, `/staff/role-requests/${request?.id}/approve`)).json()).toMatchObject({ details: { code: 'own_request' } });
    expect((await post(lead, `/staff/role-requests/${request?.id}/approve`)).statusCode).toBe(204);
    expect(await rolesOf(target.id)).toEqual(['moderator', 'lead']);
  });

  it('shows pending roles on the staff list, apart from the approved ones', async () => {
    const target = await createStaff(t.app, ['lead']);
    await patch(admin, target.id, { roles: ['lead', 'moderator'] });
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/staff?perPage=100', headers: admin.headers() });
    const row = (list.json() as { data: { id: string; roles: string[]; pendingRoles: string[] }[] }).data.find((r) => r.id === target.id);
    expect(row).toMatchObject({ roles: ['lead'], pendingRoles: ['moderator'] });
    // Asking again for what is pending changes nothing; giving less withdraws the request.
    await patch(admin, target.id, { roles: ['lead', 'moderator'] });
    expect(await journal('staff.roles_requested', target.id)).toHaveLength(1);
    expect((await patch(admin, target.id, { roles: ['lead'] })).json()).toMatchObject({ roles: ['lead'], pendingRoles: [] });
    expect(await pendingOf(lead, target.id)).toBeUndefined();
  });

  it('stops a reader whose roles a password link suspended from reading with the grant they hold', async () => {
    const moderator = await createStaff(t.app, ['moderator']);
    const session = await signIn(t.app, moderator.email);
    const { caseId, reportId } = await aReportedCase(t.app);
    await ownerQuery('UPDATE moderation_case SET assignee_id = $2, status = $3 WHERE id = $1', [caseId, moderator.id, 'in_review']);
    const granted = await requestAccess(t.app, session, caseId, { reportIds: [reportId] });
    expect(granted.statusCode).toBe(201);
    expect((await post(admin, `/staff/${moderator.id}/password-link`)).statusCode).toBe(201);
    const read = await readGrant(t.app, session, (granted.json() as { grantId: string }).grantId);
    expect(read.json()).toMatchObject({ statusCode: 410, reason: 'grant_revoked', details: { cause: 'roles_changed' } });
    expect(read.body).not.toContain('canary');
  });

  it('refuses an admin issuing a password link for their own account', async () => {
    expect((await post(admin, `/staff/${adminId}/password-link`)).json()).toMatchObject({ statusCode: 403, details: { code: 'self_change' } });
  });

  it('keeps the command line effective at once, recorded in the journal', async () => {
    const account = await createStaff(t.app, ['moderator']);
    expect(await rolesOf(account.id)).toEqual(['moderator']);
    expect(await journal('staff.created_by_cli', account.id)).toEqual([expect.objectContaining({ actor_id: null, details: { roles: ['moderator'] } })]);
    await expect(signIn(t.app, account.email, TEST_PASSWORD)).resolves.toBeDefined();
  });
});
