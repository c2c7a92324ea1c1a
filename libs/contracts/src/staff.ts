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

/**
 * Four eyes on roles: giving a role through the API is a request that a second person approves.
 * Content roles are approved by a lead or another admin; dpo and admin by another admin only.
 */
export const ROLE_APPROVERS: Readonly<Record<StaffRole, readonly StaffRole[]>> = {
  moderator: ['lead', 'admin'],
  lead: ['lead', 'admin'],
  dpo: ['admin'],
  admin: ['admin'],
};

/** Whether an account holding `approverRoles` may approve giving `requested` (its own rule aside). */
export const mayApproveRoles = (approverRoles: readonly StaffRole[], requested: readonly StaffRole[]): boolean =>
  requested.every((role) => effectiveRoles(approverRoles).some((held) => ROLE_APPROVERS[role].includes(held)));

export const CONTENT_ROLES: readonly StaffRole[] = ['moderator', 'lead'];

/** How long a password link works, once. */
export const PASSWORD_LINK_HOURS = 24;

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
  /** Roles given through the API and waiting for a second person's approval: they grant nothing yet. */
  pendingRoles: StaffRole[];
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
  /** Roles waiting for approval; `roles` holds the approved ones only. */
  pendingRoles: StaffRole[];
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
  'role_pending',
] as const;
export type AuthErrorCode = (typeof AUTH_ERROR_CODES)[number];

/**
 * A one-time link with which a person sets their own password: admins never choose it. `url` is
 * relative to the backoffice's origin (`/#/set-password?token=…`).
 */
export interface PasswordLink {
  url: string;
  expiresAt: string;
}

/** 201 from `POST /staff`: the account (its roles pending) and the link to hand over. */
export interface CreatedStaffAccount extends StaffAccount {
  passwordLink: PasswordLink;
}

/** 200 from `POST /auth/password-link`: whose link this is, for the person to recognise it. */
export interface PasswordLinkInfo {
  email: string;
  name: string;
  expiresAt: string;
}

/** Why a role request exists: roles given through the API, or content roles suspended by a password link. */
export const ROLE_REQUEST_CAUSES = ['roles_given', 'password_link'] as const;
export type RoleRequestCause = (typeof ROLE_REQUEST_CAUSES)[number];

/** A pending role request, as leads and admins see it in `GET /staff/role-requests`. */
export interface RoleRequest {
  id: string;
  staff: { id: string; name: string; email: string };
  /** The approved roles now, and the set the account would hold once approved. */
  currentRoles: StaffRole[];
  requestedRoles: StaffRole[];
  cause: RoleRequestCause;
  requestedBy: { id: string; name: string } | null;
  requestedAt: string;
  /** Whether the caller may approve or reject it (not their own request, not their account, roles allow). */
  canDecide: boolean;
}

export const STAFF_SORT_FIELDS = ['email', 'name', 'createdAt', 'lastLoginAt'] as const;
