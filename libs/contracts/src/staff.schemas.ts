import { z } from 'zod';
import { problem } from './errors';
import { PASSWORD_MAX_LENGTH, STAFF_ROLES } from './staff';

// Request schemas live apart from the plain types so that the backoffice's first load does not
// pull zod in for a constant.
const email = z.string().trim().toLowerCase().pipe(z.email({ message: 'must be an e-mail address' })).pipe(z.string().max(254));
const password = z.string().max(PASSWORD_MAX_LENGTH, `must be at most ${PASSWORD_MAX_LENGTH} characters`);
const roles = z
  .array(z.enum(STAFF_ROLES))
  .refine((r) => r.length > 0, problem('roles_required', 'at least one role'))
  .refine((r) => new Set(r).size === r.length, problem('duplicate_role', 'each role once'));
const name = z.string().trim().min(1, 'required').max(120);

export const loginRequestSchema = z.strictObject({
  email,
  password: password.min(1, 'required'),
  /** A 6-digit TOTP code, or a recovery code (xxxx-xxxx). */
  totp: z
    .string()
    .trim()
    .refine((c) => /^(\d{6}|[a-z0-9]{4}-[a-z0-9]{4})$/i.test(c), problem('code_format', 'must be a 6-digit code or a recovery code'))
    .optional(),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const changePasswordSchema = z.strictObject({
  currentPassword: password.min(1, 'required'),
  newPassword: password,
});

export const mfaActivateSchema = z.strictObject({
  code: z
    .string()
    .trim()
    .refine((c) => /^\d{6}$/.test(c), problem('code_format', 'must be a 6-digit code')),
});

/** Confirming who one is before the gate: the password, or a TOTP code when the account has MFA. */
export const stepUpSchema = z
  .strictObject({
    password: password.min(1, 'required').optional(),
    totp: z
      .string()
      .trim()
      .refine((c) => /^\d{6}$/.test(c), problem('code_format', 'must be a 6-digit code'))
      .optional(),
  })
  .refine((s) => (s.password === undefined) !== (s.totp === undefined), problem('incompatible', 'send either password or totp'));
export type StepUpRequest = z.infer<typeof stepUpSchema>;

// No password: admins never choose one; the person sets it through a one-time link.
export const createStaffSchema = z.strictObject({ email, name, roles });
export type CreateStaffRequest = z.infer<typeof createStaffSchema>;

/** The command line (operators with server access) still creates an account with its password. */
export const createStaffWithPasswordSchema = z.strictObject({ email, name, roles, password });
export type CreateStaffWithPasswordRequest = z.infer<typeof createStaffWithPasswordSchema>;

const token = z.string().trim().min(1, 'required').max(200);
export const passwordLinkTokenSchema = z.strictObject({ token });
export const setPasswordSchema = z.strictObject({ token, password });
export type SetPasswordRequest = z.infer<typeof setPasswordSchema>;

export const updateStaffSchema = z
  .strictObject({ name: name.optional(), roles: roles.optional(), disabled: z.boolean().optional() })
  .refine((u) => u.name !== undefined || u.roles !== undefined || u.disabled !== undefined, problem('nothing_to_change', 'nothing to change'));
export type UpdateStaffRequest = z.infer<typeof updateStaffSchema>;
