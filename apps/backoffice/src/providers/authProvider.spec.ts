import type { ApiErrorBody, SessionResponse } from '@vigie/contracts';
import { LoginError, createAuthProvider } from './authProvider';
import { ApiError, fetchJson, getCsrfToken, setCsrfToken } from './httpClient';
import { createFetchMock, jsonReply } from '../testing/fakeFetch';


const fetchMock = createFetchMock();

const session: SessionResponse = {
  user: { id: 'st_1', email: 'camille@vigie.test', name: 'Camille Martin', roles: ['moderator', 'lead'] },
  pendingRoles: [],
  csrfToken: 'csrf-from-login',
  mfaEnrolmentRequired: false,
  mfaEnabled: true,
};

const unauthorized = (code?: string): ApiErrorBody => ({
  statusCode: 401,
  error: 'Unauthorized',
  message: 'Authentication failed',
  ...(code ? { details: { code } } : {}),
});

const sent = (call: number): RequestInit => fetchMock.mock.calls[call][1] ?? {};
const sentHeaders = (call: number): Headers => new Headers(sent(call).headers);

beforeEach(() => {
  fetchMock.mockReset();
  global.fetch = fetchMock;
  sessionStorage.clear();
  setCsrfToken(null);
});

describe('fetchJson', () => {
  it('sends the CSRF token on mutating requests only, with same-origin credentials', async () => {
    setCsrfToken('tok-1');
    fetchMock.mockResolvedValue(jsonReply(200, { ok: true }));

    await fetchJson('/api/v1/cases/1/notes', { method: 'POST', body: '{}' });
    await fetchJson('/api/v1/cases', { method: 'PATCH', body: '{}' });
    await fetchJson('/api/v1/cases/1/legal-hold', { method: 'delete' });
    await fetchJson('/api/v1/cases');

    expect(sentHeaders(0).get('X-CSRF-Token')).toBe('tok-1');
    expect(sentHeaders(0).get('Content-Type')).toBe('application/json');
    expect(sentHeaders(1).get('X-CSRF-Token')).toBe('tok-1');
    expect(sentHeaders(2).get('X-CSRF-Token')).toBe('tok-1');
    expect(sentHeaders(3).get('X-CSRF-Token')).toBeNull();
    expect(fetchMock.mock.calls.every(([, init]) => init?.credentials === 'same-origin')).toBe(true);
  });

  it('turns an error answer into an ApiError carrying the status and the details code', async () => {
    fetchMock.mockResolvedValue(jsonReply(401, unauthorized('mfa_required')));

    const error: unknown = await fetchJson('/api/v1/auth/me').catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, code: 'mfa_required', message: 'Authentication failed' });
  });
});

describe('authProvider', () => {
  it('logs in with email and password, keeps the CSRF token and uses it on logout', async () => {
    const authProvider = createAuthProvider();
    fetchMock.mockResolvedValueOnce(jsonReply(200, session)).mockResolvedValueOnce(jsonReply(204, undefined));

    await authProvider.login({ email: 'camille@vigie.test', password: 'correct horse' });

    expect(fetchMock.mock.calls[0][0]).toBe('/api/v1/auth/login');
    expect(JSON.parse(String(sent(0).body))).toEqual({
      email: 'camille@vigie.test',
      password: 'correct horse',
    });
    expect(getCsrfToken()).toBe('csrf-from-login');
    expect(sessionStorage.getItem('vigie.csrfToken')).toBe('csrf-from-login');

    await authProvider.logout({});

    expect(fetchMock.mock.calls[1][0]).toBe('/api/v1/auth/logout');
    expect(sent(1).method).toBe('POST');
    expect(sentHeaders(1).get('X-CSRF-Token')).toBe('csrf-from-login');
    expect(getCsrfToken()).toBeNull();
    expect(sessionStorage.getItem('vigie.csrfToken')).toBeNull();
  });

  it('maps a 401 mfa_required to a LoginError the login page can act on', async () => {
    const authProvider = createAuthProvider();
    fetchMock.mockResolvedValue(jsonReply(401, unauthorized('mfa_required')));

    const error: unknown = await authProvider
      .login({ email: 'a@b.c', password: 'pw' })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(LoginError);
    expect(error).toMatchObject({ code: 'mfa_required', message: 'vigie.login.errors.mfa_required' });
  });

  it('sends the TOTP code when one is given', async () => {
    const authProvider = createAuthProvider();
    fetchMock.mockResolvedValue(jsonReply(200, session));

    await authProvider.login({ email: 'a@b.c', password: 'pw', totp: '123456' });

    expect(JSON.parse(String(sent(0).body))).toEqual({
      email: 'a@b.c',
      password: 'pw',
      totp: '123456',
    });
  });

  it.each([
    [401, unauthorized('mfa_enrolment_required'), 'mfa_enrolment_required'],
    [401, unauthorized('mfa_invalid'), 'mfa_invalid'],
    [403, { ...unauthorized('locked'), statusCode: 403, error: 'Forbidden' }, 'locked'],
    [401, unauthorized(), 'invalid_credentials'],
    [400, { statusCode: 400, error: 'Bad Request', message: 'email must be an email' }, 'invalid_input'],
    [429, { statusCode: 429, error: 'Too Many Requests', message: 'Slow down' }, 'rate_limited'],
    [500, { statusCode: 500, error: 'Internal Server Error', message: 'Internal error' }, 'unavailable'],
  ])('maps a %i answer to %s', async (status, body, code) => {
    const authProvider = createAuthProvider();
    fetchMock.mockResolvedValue(jsonReply(status, body));

    await expect(authProvider.login({ email: 'a@b.c', password: 'pw' })).rejects.toMatchObject({ code });
  });

  it('lets in a session that must enrol a second factor, with an identity that says so and no rights yet', async () => {
    const authProvider = createAuthProvider();
    fetchMock.mockResolvedValue(
      jsonReply(200, {
        ...session,
        user: { ...session.user, roles: ['admin'] },
        mfaEnrolmentRequired: true,
        mfaEnabled: false,
      }),
    );

    await expect(authProvider.login({ email: 'a@b.c', password: 'pw' })).resolves.toBeUndefined();
    await expect(authProvider.checkAuth({})).resolves.toBeUndefined();
    await expect(authProvider.getIdentity?.()).resolves.toMatchObject({
      roles: ['admin'],
      mfaEnabled: false,
      mfaEnrolmentRequired: true,
    });
    // The API answers nothing but enrolment to such a session: the roles grant nothing yet.
    await expect(authProvider.getPermissions?.({})).resolves.toEqual([]);
    await expect(authProvider.canAccess?.({ action: 'list', resource: 'staff' })).resolves.toBe(false);
    expect(getCsrfToken()).toBe('csrf-from-login');
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('reads /auth/me again on refreshSession, so that enrolment opens the backoffice', async () => {
    const authProvider = createAuthProvider();
    const admin = { ...session.user, roles: ['admin'] };
    fetchMock
      .mockResolvedValueOnce(
        jsonReply(200, { ...session, user: admin, mfaEnrolmentRequired: true, mfaEnabled: false }),
      )
      .mockResolvedValueOnce(
        jsonReply(200, { ...session, user: admin, mfaEnrolmentRequired: false, mfaEnabled: true }),
      );

    await expect(authProvider.getPermissions?.({})).resolves.toEqual([]);
    await authProvider.refreshSession();

    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(fetchMock.mock.calls[1][0]).toBe('/api/v1/auth/me');
    await expect(authProvider.getPermissions?.({})).resolves.toEqual(['admin']);
    await expect(authProvider.getIdentity?.()).resolves.toMatchObject({
      mfaEnabled: true,
      mfaEnrolmentRequired: false,
    });
    await expect(authProvider.canAccess?.({ action: 'list', resource: 'staff' })).resolves.toBe(true);
  });

  it.each([
    [['admin'], 'staff', true],
    [['moderator', 'lead', 'dpo'], 'staff', false],
    [['admin'], 'cases', false],
    [['admin'], 'constructor', false],
  ] as const)('with roles %j, canAccess to the %s resource is %s', async (roles, resource, allowed) => {
    const authProvider = createAuthProvider();
    fetchMock.mockResolvedValue(jsonReply(200, { ...session, user: { ...session.user, roles } }));

    await expect(authProvider.canAccess?.({ action: 'edit', resource })).resolves.toBe(allowed);
  });

  it('maps a network failure to unavailable', async () => {
    const authProvider = createAuthProvider();
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));

    await expect(authProvider.login({ email: 'a@b.c', password: 'pw' })).rejects.toMatchObject({
      code: 'unavailable',
    });
  });

  it('calls /auth/me once for checkAuth, identity and permissions, and takes its fresh token', async () => {
    const authProvider = createAuthProvider();
    setCsrfToken('stale-token');
    fetchMock.mockResolvedValue(jsonReply(200, { ...session, csrfToken: 'fresh-token' }));

    await Promise.all([authProvider.checkAuth({}), authProvider.checkAuth({})]);
    const identity = await authProvider.getIdentity?.();
    const permissions: unknown = await authProvider.getPermissions?.({});

    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(fetchMock.mock.calls[0][0]).toBe('/api/v1/auth/me');
    expect(identity).toEqual({
      id: 'st_1',
      fullName: 'Camille Martin',
      email: 'camille@vigie.test',
      roles: ['moderator', 'lead'],
      pendingRoles: [],
      mfaEnabled: true,
      mfaEnrolmentRequired: false,
    });
    expect(permissions).toEqual(['moderator', 'lead']);
    expect(getCsrfToken()).toBe('fresh-token');
  });

  it('rejects checkAuth without a session and asks /auth/me again next time', async () => {
    const authProvider = createAuthProvider();
    fetchMock.mockResolvedValueOnce(jsonReply(401, unauthorized())).mockResolvedValueOnce(jsonReply(200, session));

    await expect(authProvider.checkAuth({})).rejects.toMatchObject({ status: 401 });
    await expect(authProvider.checkAuth({})).resolves.toBeUndefined();
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('ignores roles it does not know instead of granting anything for them', async () => {
    const authProvider = createAuthProvider();
    fetchMock.mockResolvedValue(
      jsonReply(200, { ...session, user: { ...session.user, roles: ['dpo', 'superuser'] } }),
    );

    await expect(authProvider.getPermissions?.({})).resolves.toEqual(['dpo']);
  });

  it('logs out on a 401 and stays on a 403', async () => {
    const authProvider = createAuthProvider();
    setCsrfToken('tok');

    await expect(authProvider.checkError(new ApiError(403, null, 'Forbidden'))).resolves.toBeUndefined();
    expect(getCsrfToken()).toBe('tok');

    await expect(authProvider.checkError(new ApiError(401, null, 'Unauthorized'))).rejects.toBeInstanceOf(
      ApiError,
    );
    expect(getCsrfToken()).toBeNull();
  });

  it('does not call the API on logout when it holds no session token', async () => {
    const authProvider = createAuthProvider();

    await authProvider.logout({});

    expect(fetchMock).not.toHaveBeenCalled();
  });
});
