import { generateSync } from 'otplib';
import { DataSource } from 'typeorm';
import { ManualClock } from '../common/clock';
import { createStaff, signIn, TEST_PASSWORD } from '../../test/staff-factory';
import { createTestApp, type TestApp } from '../../test/test-app';

const MINUTE = 60_000;

describe('sign-in, sessions and CSRF', () => {
  const clock = new ManualClock(new Date('2026-11-26T09:00:00Z'));
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ clock, env: { MFA_REQUIRED_ROLES: '' } });
  });
  afterAll(() => t?.close());

  const login = (payload: Record<string, unknown>, ip = '10.0.0.1') =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload, remoteAddress: ip });

  it('signs in, answers me with the same body, signs out', async () => {
    const moderator = await createStaff(t.app, ['moderator'], { name: 'Camille Moreau' });
    const res = await login({ email: moderator.email.toUpperCase(), password: TEST_PASSWORD });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toEqual({
      user: { id: moderator.id, email: moderator.email, name: 'Camille Moreau', roles: ['moderator'] },
      pendingRoles: [],
      csrfToken: expect.stringMatching(/^[\w-]{40,}$/),
      mfaEnabled: false,
      mfaEnrolmentRequired: false,
    });
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/^vigie_session=[\w-]{40,};/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    const cookie = setCookie.split(';')[0];

    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toEqual(body);

    const out = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie, 'x-csrf-token': body.csrfToken } });
    expect(out.statusCode).toBe(204);
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
    expect(after.statusCode).toBe(401);
    expect(after.json()).toMatchObject({ statusCode: 401, details: { code: 'not_signed_in' } });
  });

  it('gives a new session id at every sign-in', async () => {
    const lead = await createStaff(t.app, ['lead']);
    const first = await signIn(t.app, lead.email);
    const second = await signIn(t.app, lead.email);
    expect(first.cookie).not.toBe(second.cookie);
    expect(first.csrfToken).not.toBe(second.csrfToken);
  });

  it('refuses a password change with a wrong current password as a 400 that keeps the session', async () => {
    const moderator = await createStaff(t.app, ['moderator']);
    const session = await signIn(t.app, moderator.email);
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: session.headers(true),
      payload: { currentPassword: 'not the password at all', newPassword: 'a brand new passphrase 42' },
    });
    expect(wrong.json()).toMatchObject({
      statusCode: 400,
      details: { code: 'current_password_wrong', fields: [{ field: 'currentPassword', code: 'incorrect' }] },
    });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: session.headers() })).statusCode).toBe(200);
  });

  it('answers a wrong password and an unknown e-mail identically', async () => {
    const moderator = await createStaff(t.app, ['moderator']);
    const wrong = await login({ email: moderator.email, password: 'not the password at all' }, '10.0.1.1');
    const unknown = await login({ email: 'nobody-here@vigie.test', password: 'not the password at all' }, '10.0.1.2');
    expect(wrong.statusCode).toBe(401);
    const strip = (b: Record<string, unknown>) => ({ ...b, requestId: undefined });
    expect(strip(wrong.json())).toEqual(strip(unknown.json()));
    expect(wrong.json()).toMatchObject({ message: 'Invalid e-mail address or password.', details: { code: 'invalid_credentials' } });
    expect(wrong.headers['set-cookie']).toBeUndefined();
  });

  it('locks an address after 5 failures, with back-off, known or not', async () => {
    const moderator = await createStaff(t.app, ['moderator']);
    for (const email of [moderator.email, 'ghost@vigie.test']) {
      for (let i = 0; i < 5; i++) expect((await login({ email, password: 'wrong wrong wrong' }, `10.0.2.${i}`)).statusCode).toBe(401);
      const locked = await login({ email, password: email === moderator.email ? TEST_PASSWORD : 'x' }, '10.0.3.1');
      expect(locked.statusCode).toBe(429);
      expect(locked.json()).toMatchObject({ details: { code: 'locked', retryAfterSeconds: 60 } });
      expect(locked.headers['retry-after']).toBe('60');
    }
    clock.advance(61_000);
    expect((await login({ email: moderator.email, password: TEST_PASSWORD }, '10.0.3.2')).statusCode).toBe(200);
  });

  it('locks a client address after 20 failures across accounts', async () => {
    for (let i = 0; i < 20; i++) await login({ email: `spray-${i}@vigie.test`, password: 'wrong wrong wrong' }, '10.9.9.9');
    const moderator = await createStaff(t.app, ['moderator']);
    const res = await login({ email: moderator.email, password: TEST_PASSWORD }, '10.9.9.9');
    expect(res.statusCode).toBe(429);
    expect((await login({ email: moderator.email, password: TEST_PASSWORD }, '10.9.9.10')).statusCode).toBe(200);
  });

  it('ends a session after 30 idle minutes', async () => {
    const moderator = await createStaff(t.app, ['moderator']);
    const session = await signIn(t.app, moderator.email);
    clock.advance(29 * MINUTE);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: session.headers() })).statusCode).toBe(200);
    clock.advance(29 * MINUTE);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: session.headers() })).statusCode).toBe(200);
    clock.advance(31 * MINUTE);
    const expired = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: session.headers() });
    expect(expired.statusCode).toBe(401);
    expect(expired.json()).toMatchObject({ details: { code: 'session_expired' } });
  });

  it('ends a session 12 hours after sign-in however active it is', async () => {
    const moderator = await createStaff(t.app, ['moderator']);
    const session = await signIn(t.app, moderator.email);
    for (let elapsed = 0; elapsed < 12 * 60 - 20; elapsed += 20) {
      clock.advance(20 * MINUTE);
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: session.headers() })).statusCode).toBe(200);
    }
    clock.advance(25 * MINUTE);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: session.headers() })).statusCode).toBe(401);
  });

  it('refuses a mutating request without the CSRF token, or with a wrong one', async () => {
    const moderator = await createStaff(t.app, ['moderator']);
    const session = await signIn(t.app, moderator.email);
    const missing = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: session.headers() });
    expect(missing.statusCode).toBe(403);
    expect(missing.json()).toMatchObject({ details: { code: 'csrf' } });
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { ...session.headers(), 'x-csrf-token': `${session.csrfToken.slice(0, -1)}x` },
    });
    expect(wrong.statusCode).toBe(403);
    // The session is still alive: the refused request changed nothing.
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: session.headers() })).statusCode).toBe(200);
  });

  it('applies a role change and a disabling at the next request', async () => {
    const admin = await createStaff(t.app, ['admin']);
    const moderator = await createStaff(t.app, ['moderator']);
    const adminSession = await signIn(t.app, admin.email);
    const session = await signIn(t.app, moderator.email);

    const before = await t.app.inject({ method: 'GET', url: '/api/v1/staff', headers: session.headers() });
    expect(before.statusCode).toBe(403);
    expect(before.json()).toMatchObject({ details: { code: 'role' } });

    const promote = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/staff/${moderator.id}`,
      headers: adminSession.headers(true),
      payload: { roles: ['admin'] },
    });
    expect(promote.statusCode).toBe(200);
    // Given through the API, the role waits for a second admin.
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/staff', headers: session.headers() })).json()).toMatchObject({
      statusCode: 403,
      details: { code: 'role_pending' },
    });
    const approver = await signIn(t.app, (await createStaff(t.app, ['admin'])).email);
    const requests = await t.app.inject({ method: 'GET', url: '/api/v1/staff/role-requests', headers: approver.headers() });
    const request = (requests.json() as { data: { id: string; staff: { id: string } }[] }).data.find((r) => r.staff.id === moderator.id);
    const approved = await t.app.inject({ method: 'POST', url: `/api/v1/staff/role-requests/${request?.id}/approve`, headers: approver.headers(true) });
    expect(approved.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/staff', headers: session.headers() })).statusCode).toBe(200);

    const disable = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/staff/${moderator.id}`,
      headers: adminSession.headers(true),
      payload: { disabled: true },
    });
    expect(disable.json()).toMatchObject({ disabled: true });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: session.headers() })).statusCode).toBe(401);
    expect((await login({ email: moderator.email, password: TEST_PASSWORD }, '10.0.5.1')).statusCode).toBe(401);
  });

  it('records authentication events without passwords or tokens', async () => {
    const moderator = await createStaff(t.app, ['moderator'], { password: 'canary-password-5521' });
    const session = await signIn(t.app, moderator.email, 'canary-password-5521');
    await login({ email: moderator.email, password: 'canary-wrong-5521' }, '10.0.6.1');
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: session.headers(true) });
    const rows: { event: string; ip: string | null; text: string }[] = await t.app.get(DataSource).query(
      `SELECT event, host(ip) AS ip, row_to_json(a)::text AS text FROM staff_activity a WHERE subject_id = $1 ORDER BY id`,
      [moderator.id],
    );
    expect(rows.map((r) => r.event)).toEqual(['staff.created_by_cli', 'login.succeeded', 'login.failed', 'logout']);
    expect(rows[2].ip).toBe('10.0.6.1');
    const all = rows.map((r) => r.text).join('\n');
    expect(all).not.toContain('canary');
    expect(all).not.toContain(session.csrfToken);
    expect(all).not.toContain(session.cookie.split('=')[1]);
  });
});

describe('two-factor authentication', () => {
  const clock = new ManualClock(new Date('2026-11-26T09:00:00Z'));
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ clock, env: { MFA_REQUIRED_ROLES: 'dpo,admin' } });
  });
  afterAll(() => t?.close());

  const code = (secret: string) => generateSync({ secret, epoch: Math.floor(clock.now().getTime() / 1000) });

  it('is required of a DPO: only enrolment is open until it is on, then every sign-in needs a code', async () => {
    const dpo = await createStaff(t.app, ['dpo']);
    const session = await signIn(t.app, dpo.email);
    expect(session.body).toMatchObject({ mfaEnabled: false, mfaEnrolmentRequired: true });
    const blocked = await t.app.inject({ method: 'GET', url: '/api/v1/staff', headers: session.headers() });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json()).toMatchObject({ details: { code: 'mfa_enrolment_required' } });

    const enrolment = await t.app.inject({ method: 'POST', url: '/api/v1/auth/mfa/enrolment', headers: session.headers(true) });
    expect(enrolment.statusCode).toBe(201);
    const { secret, otpauthUrl, qrCodeDataUrl } = enrolment.json();
    expect(otpauthUrl).toMatch(/^otpauth:\/\/totp\/Vigie:/);
    expect(qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);

    const bad = await t.app.inject({ method: 'POST', url: '/api/v1/auth/mfa/activate', headers: session.headers(true), payload: { code: '000000' } });
    expect(bad.json()).toMatchObject({ statusCode: 400, details: { code: 'mfa_code_wrong' } });
    const activated = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/mfa/activate',
      headers: session.headers(true),
      payload: { code: code(secret) },
    });
    expect(activated.statusCode).toBe(201);
    const { recoveryCodes } = activated.json() as { recoveryCodes: string[] };
    expect(recoveryCodes).toHaveLength(10);

    const needsCode = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: dpo.email, password: TEST_PASSWORD } });
    expect(needsCode.statusCode).toBe(401);
    expect(needsCode.json()).toMatchObject({ details: { code: 'mfa_required' } });
    const wrongCode = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: dpo.email, password: TEST_PASSWORD, totp: code(secret) === '123456' ? '654321' : '123456' },
    });
    expect(wrongCode.json()).toMatchObject({ statusCode: 401, details: { code: 'mfa_invalid' } });
    clock.advance(MINUTE);
    const withCode = await signIn(t.app, dpo.email, TEST_PASSWORD, code(secret));
    expect(withCode.body).toMatchObject({ mfaEnabled: true, mfaEnrolmentRequired: false });

    // A recovery code works once.
    await signIn(t.app, dpo.email, TEST_PASSWORD, recoveryCodes[0]);
    await expect(signIn(t.app, dpo.email, TEST_PASSWORD, recoveryCodes[0])).rejects.toThrow(/401 .*mfa_invalid/);
  });

  it('is not asked of a moderator when MFA_REQUIRED_ROLES leaves the role out', async () => {
    const moderator = await createStaff(t.app, ['moderator']);
    const session = await signIn(t.app, moderator.email);
    expect(session.body.mfaEnrolmentRequired).toBe(false);
  });
});
