/** Staff roles; a staff member may hold several. */
export const STAFF_ROLES = ['moderator', 'lead', 'dpo', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/**
 * The sets of roles an account may hold. Content roles (moderator, lead) never combine with the
 * DPO's or an admin's: the DPO audits content access and must not exercise it; admins administer
 * accounts and must not give themselves a way in.
 */
export const ALLOWED_ROLE_SETS: readonly (readonly StaffRole[])[] = [['moderator'], ['lead'], ['lead', 'moderator'], ['dpo'], ['admin']];

export const isAllowedRoleSet = (roles: readonly StaffRole[]): boolean =>
  ALLOWED_ROLE_SETS.some((set) => set.length === new Set(roles).size && set.every((role) => roles.includes(role)));

/**
 * The roles an account acts with. An account stored with a set that is not allowed (an old row,
 * a hand edit) keeps only its non-content roles until an admin fixes it: it can sign in, but
 * never reach a conversation.
 */
export const effectiveRoles = (roles: readonly StaffRole[]): readonly StaffRole[] =>
  isAllowedRoleSet(roles) ? roles : roles.filter((role) => role === 'dpo' || role === 'admin');

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

/** 200 from `POST /auth/step-up`: until when the gate lets this session open conversations. */
export interface StepUpResponse {
  stepUpUntil: string;
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
