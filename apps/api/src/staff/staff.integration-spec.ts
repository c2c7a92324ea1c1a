import { createStaff, signIn, type Session } from '../../test/staff-factory';
import { createTestApp, type TestApp } from '../../test/test-app';

describe('staff administration', () => {
  let t: TestApp;
  let admin: Session;
  let adminId: string;
  beforeAll(async () => {
    t = await createTestApp({ env: { MFA_REQUIRED_ROLES: '' } });
    const account = await createStaff(t.app, ['admin']);
    adminId = account.id;
    admin = await signIn(t.app, account.email);
  });
  afterAll(() => t?.close());

  const create = (payload: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url: '/api/v1/staff', headers: admin.headers(true), payload });

  it('creates an account with no password, its roles pending, and a link for the person', async () => {
    const res = await create({ email: 'Nouvelle.Recrue@Vigie.test', name: 'Nouvelle Recrue', roles: ['moderator'] });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ email: 'nouvelle.recrue@vigie.test', roles: [], pendingRoles: ['moderator'], disabled: false, mfaEnabled: false, lastLoginAt: null });
    expect(res.json()).toHaveProperty('passwordLink.url');
    expect(JSON.stringify(res.json())).not.toMatch(/hash/i);
    // Nothing the admin could type signs in before the person sets a password.
    await expect(signIn(t.app, 'nouvelle.recrue@vigie.test', '')).rejects.toThrow(/400|401/);
  });

  it('refuses a weak password set through the link, naming the field and the problem', async () => {
    const created = await create({ email: 'weak@vigie.test', name: 'Weak', roles: ['moderator'] });
    const token = (created.json() as { passwordLink: { url: string } }).passwordLink.url.split('token=')[1];
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/set-password', payload: { token, password: 'password1234' } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ details: { code: 'weak_password', fields: [{ field: 'password', code: 'too_common', message: 'is too common' }] } });
  });

  it('refuses a password the strength estimator sees through, saying what gives it away, and keeps the link usable', async () => {
    const created = await create({ email: 'estimated@vigie.test', name: 'Estelle Mathieu', roles: ['moderator'] });
    const token = (created.json() as { passwordLink: { url: string } }).passwordLink.url.split('token=')[1];
    const setPassword = (password: string) => t.app.inject({ method: 'POST', url: '/api/v1/auth/set-password', payload: { token, password } });
    for (const [password, code] of [['abababababab', 'repetition'], ['Estelle-Mathieu-1990', 'personal_data'], ['azertyuiop123', 'keyboard_pattern']]) {
      const res = await setPassword(password);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ details: { code: 'weak_password', fields: [{ field: 'password', code }] } });
    }
    expect((await setPassword('phare-du-nord-en-hiver-3')).statusCode).toBe(204);
  });

  it('refuses a second account with the same e-mail, whatever its case', async () => {
    await create({ email: 'twin@vigie.test', name: 'Twin', roles: ['lead'] });
    const res = await create({ email: 'TWIN@vigie.test', name: 'Twin 2', roles: ['lead'] });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ details: { code: 'email_taken' } });
  });

  it('validates the body: unknown fields, unknown roles, bad e-mail', async () => {
    const res = await create({ email: 'not-an-email', name: '', roles: ['boss'], isAdmin: true });
    expect(res.statusCode).toBe(400);
    const fields = (res.json().details as { field: string }[]).map((d) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['email', 'name', 'roles.0', 'isAdmin']));
    // Each problem with its stable code, for clients that translate.
    expect(res.json().details).toEqual(
      expect.arrayContaining([
        { field: 'email', code: 'email_invalid', message: 'must be an e-mail address' },
        { field: 'name', code: 'required', message: 'required' },
        { field: 'roles.0', code: 'invalid_value', message: expect.any(String) },
        { field: 'isAdmin', code: 'unknown_field', message: expect.any(String) },
      ]),
    );
  });

  it('lists with paging and sorting, refusing unknown sort fields and filters', async () => {
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/staff?page=1&perPage=2&sort=email&order=asc', headers: admin.headers() });
    expect(list.statusCode).toBe(200);
    const body = list.json() as { data: { email: string }[]; total: number };
    expect(body.data).toHaveLength(2);
    expect(body.total).toBeGreaterThanOrEqual(3);
    expect(body.data[0].email <= body.data[1].email).toBe(true);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/staff?sort=password_hash', headers: admin.headers() })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: "/api/v1/staff?role=admin'--", headers: admin.headers() })).statusCode).toBe(400);
  });

  it('does not let an admin lock themselves out', async () => {
    const res = await t.app.inject({ method: 'PATCH', url: `/api/v1/staff/${adminId}`, headers: admin.headers(true), payload: { disabled: true } });
    expect(res.json()).toMatchObject({ statusCode: 403, details: { code: 'self_change' } });
  });

  it('answers 404 for an unknown account and 400 for a malformed id', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/staff/7b0c2f5e-4a51-4c1e-9d0e-4f1a2b3c4d5e', headers: admin.headers() })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/staff/42', headers: admin.headers() })).statusCode).toBe(400);
  });
});
