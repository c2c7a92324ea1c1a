import { STAFF_ROLES, type StaffIdentity, type StaffRole } from '@vigie/contracts';
import type { AuthProvider, UserIdentity } from 'react-admin';
import { type Action, canAccess } from '../permissions';
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
  mfaEnabled: boolean;
  /** The session may only enrol a second factor: nothing else will answer it. */
  mfaEnrolmentRequired: boolean;
}

/** `getIdentity`'s answer: who is signed in, and whether they must enrol a second factor first. */
export interface StaffSessionIdentity extends UserIdentity {
  id: string;
  fullName: string;
  email: string;
  roles: StaffRole[];
  mfaEnabled: boolean;
  mfaEnrolmentRequired: boolean;
}

export const isStaffSessionIdentity = (value: unknown): value is StaffSessionIdentity =>
  typeof value === 'object' &&
  value !== null &&
  'email' in value &&
  'roles' in value &&
  'mfaEnrolmentRequired' in value &&
  typeof value.email === 'string' &&
  Array.isArray(value.roles) &&
  typeof value.mfaEnrolmentRequired === 'boolean';

/** What each resource needs, in the words of `canAccess`. A resource not listed is refused. */
export const RESOURCE_ACTIONS: Readonly<Record<string, Action>> = {
  staff: 'staff.manage',
  cases: 'queue.view',
  'audit/access-log': 'register.view',
  'audit/staff-activity': 'journal.view',
};

const readSession = (body: unknown): Session => {
  if (typeof body === 'object' && body !== null && 'user' in body && 'csrfToken' in body) {
    const { user, csrfToken } = body;
    const mfaEnrolmentRequired = 'mfaEnrolmentRequired' in body && body.mfaEnrolmentRequired === true;
    const mfaEnabled = 'mfaEnabled' in body && body.mfaEnabled === true;
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
        mfaEnabled,
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

/** The authProvider, plus what the enrolment screens need: reading `/auth/me` again. */
export interface VigieAuthProvider extends AuthProvider {
  /** Forgets the cached session and reads `/auth/me` again (after enrolling a second factor). */
  refreshSession(): Promise<void>;
}

export const isVigieAuthProvider = (
  provider: AuthProvider | null | undefined,
): provider is VigieAuthProvider => typeof provider?.refreshSession === 'function';

/** A react-admin authProvider over the API's cookie session. */
export const createAuthProvider = (): VigieAuthProvider => {
  // The signed-in staff member, fetched once from `/auth/me` and then reused.
  let session: Promise<Session> | null = null;

  const forgetSession = (): void => {
    session = null;
    setCsrfToken(null);
  };

  const currentSession = (): Promise<Session> => {
    if (session) return session;
    const pending = fetchJson(`${API_PREFIX}/auth/me`).then(({ json }) => {
      const current = readSession(json);
      setCsrfToken(current.csrfToken);
      return current;
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
      const opened = readSession(body);
      setCsrfToken(opened.csrfToken);
      // A session that must enrol a second factor is let in too: the layout shows it only the enrolment.
      session = Promise.resolve(opened);
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

    async getIdentity(): Promise<StaffSessionIdentity> {
      const { user, mfaEnabled, mfaEnrolmentRequired } = await currentSession();
      return {
        id: user.id,
        fullName: user.name,
        email: user.email,
        roles: user.roles,
        mfaEnabled,
        mfaEnrolmentRequired,
      };
    },

    async getPermissions(): Promise<StaffRole[]> {
      const { user, mfaEnrolmentRequired } = await currentSession();
      // Until the second factor is on, the API answers nothing but enrolment: the roles grant nothing yet.
      return mfaEnrolmentRequired ? [] : user.roles;
    },

    async canAccess({ resource }: { action: string; resource: string }): Promise<boolean> {
      const action = Object.hasOwn(RESOURCE_ACTIONS, resource) ? RESOURCE_ACTIONS[resource] : undefined;
      if (!action) return false;
      const { user, mfaEnrolmentRequired } = await currentSession();
      return !mfaEnrolmentRequired && canAccess(user.roles, action);
    },

    async refreshSession() {
      session = null;
      await currentSession();
    },
  };
};

export const authProvider = createAuthProvider();
