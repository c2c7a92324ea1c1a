import { z } from 'zod';

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

const email = z.string().trim().toLowerCase().pipe(z.email({ message: 'must be an e-mail address' })).pipe(z.string().max(254));
const password = z.string().max(PASSWORD_MAX_LENGTH, `must be at most ${PASSWORD_MAX_LENGTH} characters`);
const roles = z
  .array(z.enum(STAFF_ROLES))
  .min(1, 'at least one role')
  .refine((r) => new Set(r).size === r.length, 'each role once');
const name = z.string().trim().min(1, 'required').max(120);

export const loginRequestSchema = z.strictObject({
  email,
  password: password.min(1, 'required'),
  /** A 6-digit TOTP code, or a recovery code (xxxx-xxxx). */
  totp: z
    .string()
    .trim()
    .regex(/^(\d{6}|[a-z0-9]{4}-[a-z0-9]{4})$/i, 'must be a 6-digit code or a recovery code')
    .optional(),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const changePasswordSchema = z.strictObject({
  currentPassword: password.min(1, 'required'),
  newPassword: password,
});

export const mfaActivateSchema = z.strictObject({ code: z.string().trim().regex(/^\d{6}$/, 'must be a 6-digit code') });

export const createStaffSchema = z.strictObject({ email, name, roles, password });
export type CreateStaffRequest = z.infer<typeof createStaffSchema>;

export const updateStaffSchema = z
  .strictObject({ name: name.optional(), roles: roles.optional(), disabled: z.boolean().optional() })
  .refine((u) => u.name !== undefined || u.roles !== undefined || u.disabled !== undefined, 'nothing to change');
export type UpdateStaffRequest = z.infer<typeof updateStaffSchema>;

export const STAFF_SORT_FIELDS = ['email', 'name', 'createdAt', 'lastLoginAt'] as const;
