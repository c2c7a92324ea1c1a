import { STAFF_ROLES, type StaffIdentity, type StaffRole } from '@vigie/contracts';
import type { AuthProvider, UserIdentity } from 'react-admin';
import { API_PREFIX, ApiError, fetchJson, getCsrfToken, setCsrfToken } from './httpClient';

export const LOGIN_FAILURES = [
  'invalid_credentials',
  'invalid_input',
  'mfa_required',
  'mfa_invalid',
  'mfa_enrolment_required',
  'locked',
  'rate_limited',
  'unavailable',
] as const;
export type LoginFailure = (typeof LOGIN_FAILURES)[number];

/** Why a login failed; `message` is the i18n key the login page shows. */
export class LoginError extends Error {
  readonly code: LoginFailure;

  constructor(code: LoginFailure) {
    super(`vigie.login.errors.${code}`);
    this.name = 'LoginError';
    this.code = code;
  }
}

export interface LoginParams {
  email: string;
  password: string;
  totp?: string;
}

const isStaffRole = (value: unknown): value is StaffRole =>
  typeof value === 'string' && (STAFF_ROLES as readonly string[]).includes(value);

interface Session {
  user: StaffIdentity;
  csrfToken: string;
  /** The session may only enrol a second factor: nothing else will answer it. */
  mfaEnrolmentRequired: boolean;
}

const readSession = (body: unknown): Session => {
  if (typeof body === 'object' && body !== null && 'user' in body && 'csrfToken' in body) {
    const { user, csrfToken } = body;
    const mfaEnrolmentRequired = 'mfaEnrolmentRequired' in body && body.mfaEnrolmentRequired === true;
    if (
      typeof csrfToken === 'string' &&
      typeof user === 'object' &&
      user !== null &&
      'id' in user &&
      'email' in user &&
      'name' in user &&
      'roles' in user &&
      typeof user.id === 'string' &&
      typeof user.email === 'string' &&
      typeof user.name === 'string' &&
      Array.isArray(user.roles)
    ) {
      // A role this build does not know grants nothing rather than breaking the session.
      const roles = user.roles.filter(isStaffRole);
      return {
        user: { id: user.id, email: user.email, name: user.name, roles },
        csrfToken,
        mfaEnrolmentRequired,
      };
    }
  }
  throw new Error('Unexpected session body from the API');
};

const isLoginFailure = (value: string | undefined): value is LoginFailure =>
  (LOGIN_FAILURES as readonly (string | undefined)[]).includes(value);

const toLoginError = (error: unknown): LoginError => {
  if (!(error instanceof ApiError)) return new LoginError('unavailable');
  // The API's `details.code` is more precise than the status, whatever the status.
  if (isLoginFailure(error.code)) return new LoginError(error.code);
  if (error.status === 401) return new LoginError('invalid_credentials');
  if (error.status === 400) return new LoginError('invalid_input');
  if (error.status === 429) return new LoginError('rate_limited');
  return new LoginError('unavailable');
};

const statusOf = (error: unknown): number | undefined =>
  typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number'
    ? error.status
    : undefined;

/** A react-admin authProvider over the API's cookie session. */
export const createAuthProvider = (): AuthProvider => {
  // The signed-in staff member, fetched once from `/auth/me` and then reused.
  let session: Promise<StaffIdentity> | null = null;

  const forgetSession = (): void => {
    session = null;
    setCsrfToken(null);
  };

  const currentSession = (): Promise<StaffIdentity> => {
    if (session) return session;
    const pending = fetchJson(`${API_PREFIX}/auth/me`).then(({ json }) => {
      const { user, csrfToken, mfaEnrolmentRequired } = readSession(json);
      setCsrfToken(csrfToken);
      if (mfaEnrolmentRequired) throw new LoginError('mfa_enrolment_required');
      return user;
    });
    session = pending;
    pending.catch((error: unknown) => {
      // Only drop the cache if a login did not replace it in the meantime.
      if (session !== pending) return;
      session = null;
      if (statusOf(error) === 401) setCsrfToken(null);
    });
    return pending;
  };

  return {
    async login({ email, password, totp }: LoginParams) {
      const credentials = totp ? { email, password, totp } : { email, password };
      let body: unknown;
      try {
        ({ json: body } = await fetchJson(`${API_PREFIX}/auth/login`, {
          method: 'POST',
          body: JSON.stringify(credentials),
        }));
      } catch (error) {
        throw toLoginError(error);
      }
      const { user, csrfToken, mfaEnrolmentRequired } = readSession(body);
      setCsrfToken(csrfToken);
      // Enrolment has no screen yet: such a session is not let into the backoffice.
      if (mfaEnrolmentRequired) throw new LoginError('mfa_enrolment_required');
      session = Promise.resolve(user);
    },

    async logout() {
      // Without a CSRF token the API would refuse the call anyway: there is no session to end.
      const hadToken = getCsrfToken() !== null;
      session = null;
      if (hadToken) {
        try {
          await fetchJson(`${API_PREFIX}/auth/logout`, { method: 'POST' });
        } catch {
          // The session may already be gone server-side; the local state is cleared regardless.
        }
      }
      forgetSession();
    },

    async checkAuth() {
      await currentSession();
    },

    async checkError(error: unknown) {
      if (statusOf(error) === 401) {
        forgetSession();
        throw error;
      }
      // 403 and everything else: the session is fine, the page shows the error.
    },

    async getIdentity(): Promise<UserIdentity> {
      const user = await currentSession();
      return { id: user.id, fullName: user.name };
    },

    async getPermissions(): Promise<StaffRole[]> {
      const user = await currentSession();
      return user.roles;
    },
  };
};

export const authProvider = createAuthProvider();
