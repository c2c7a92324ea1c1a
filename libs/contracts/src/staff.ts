/** Staff roles; a staff member may hold several. */
export const STAFF_ROLES = ['moderator', 'lead', 'dpo', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

/** The staff member as the API returns it after login and from `GET /auth/me`. */
export interface StaffIdentity {
  id: string;
  email: string;
  name: string;
  roles: StaffRole[];
}

export interface SessionResponse {
  user: StaffIdentity;
  csrfToken: string;
  /** The account's roles require MFA and it has none yet: only enrolment is open until it does. */
  mfaEnrolmentRequired: boolean;
  mfaEnabled: boolean;
}

/** A staff account as admins see it. */
export interface StaffAccount extends StaffIdentity {
  disabled: boolean;
  mfaEnabled: boolean;
  lastLoginAt: string | null;
  createdAt: string;
}

/** Codes in `details.code` of the auth errors, for clients to react to. */
export const AUTH_ERROR_CODES = [
  'invalid_credentials',
  'mfa_required',
  'mfa_invalid',
  'mfa_enrolment_required',
  'locked',
  'session_expired',
  'not_signed_in',
  'csrf',
  'role',
] as const;
export type AuthErrorCode = (typeof AUTH_ERROR_CODES)[number];

export const STAFF_SORT_FIELDS = ['email', 'name', 'createdAt', 'lastLoginAt'] as const;
