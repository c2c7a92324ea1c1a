import { HttpError } from 'react-admin';
import { type ErrorCode, type FieldProblemCode, isFieldProblemCode } from '@vigie/contracts';
import { ApiError } from './httpClient';

/**
 * Errors of the API in the shape react-admin's forms understand: an `HttpError` whose
 * `body.errors` maps each input to the i18n key of its message, and whose own message is
 * an i18n key too when the API's `details.code` is one we know (notifications translate it).
 */

/** Codes with a sentence of their own in `vigie.errors.*`. */
export const KNOWN_ERROR_CODES = [
  'email_taken',
  'weak_password',
  'current_password_wrong',
  'mfa_code_wrong',
  'mfa_already_enabled',
  'mfa_not_started',
  'mfa_enrolment_required',
  'self_change',
  'incompatible_roles',
  'staff_not_found',
  'already_assigned',
  'stale_version',
  'case_not_found',
  'invalid_assignee',
  'role',
  'csrf',
  'role_pending',
  'own_request',
  'approval_not_allowed',
  'role_request_not_found',
  'link_not_found',
  'link_used',
  'link_expired',
] as const satisfies readonly ErrorCode[];
type KnownErrorCode = (typeof KNOWN_ERROR_CODES)[number];

const isKnownCode = (value: string | undefined): value is KnownErrorCode =>
  (KNOWN_ERROR_CODES as readonly (string | undefined)[]).includes(value);

/** What react-admin's `setSubmissionErrors` reads: field paths to message keys, plus `root.serverError`. */
export type FormErrors = Record<string, string | { serverError: string }>;

interface FieldProblem {
  field: string;
  code?: string;
  message: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isFieldProblem = (value: unknown): value is FieldProblem =>
  isRecord(value) && typeof value.field === 'string' && typeof value.message === 'string';

const FIELD_KEY = 'vigie.errors.fields';

// The API's field problems carry a stable code (`FIELD_PROBLEM_CODES`); its English message is
// for developers and never read here. Codes without a sentence of their own say "invalid".
const FIELD_MESSAGES: Partial<Record<FieldProblemCode, string>> = {
  required: 'ra.validation.required',
  email_invalid: `${FIELD_KEY}.email_invalid`,
  roles_required: `${FIELD_KEY}.roles_required`,
  duplicate_role: `${FIELD_KEY}.roles_required`,
  code_format: `${FIELD_KEY}.code_format`,
  too_long: `${FIELD_KEY}.too_long`,
  too_big: `${FIELD_KEY}.too_long`,
  too_common: `${FIELD_KEY}.password_too_common`,
  contains_email: `${FIELD_KEY}.password_contains_email`,
};

// A password's length has a sentence that says the rule; the strength estimator's refusals say
// what gives the password away (the server judges: its dictionaries are too large to ship here).
const PASSWORD_FIELD_MESSAGES: Partial<Record<FieldProblemCode, string>> = {
  too_short: `${FIELD_KEY}.password_too_short`,
  too_guessable: `${FIELD_KEY}.password_too_guessable`,
  keyboard_pattern: `${FIELD_KEY}.password_keyboard_pattern`,
  repetition: `${FIELD_KEY}.password_repetition`,
  sequence: `${FIELD_KEY}.password_sequence`,
  date_like: `${FIELD_KEY}.password_date_like`,
  single_word: `${FIELD_KEY}.password_single_word`,
  personal_data: `${FIELD_KEY}.password_personal_data`,
};

// When a domain code says it all, its field message does not need reading.
const FIELD_MESSAGE_OF_CODE: Partial<Record<KnownErrorCode, string>> = {
  email_taken: `${FIELD_KEY}.email_taken`,
  incompatible_roles: `${FIELD_KEY}.roles_incompatible`,
  current_password_wrong: `${FIELD_KEY}.current_password_wrong`,
  mfa_code_wrong: `${FIELD_KEY}.code_wrong`,
};

const isPasswordField = (field: string): boolean => /password$/i.test(field);

const fieldMessageKey = (problem: FieldProblem, code: string | undefined): string => {
  const byCode = isKnownCode(code) ? FIELD_MESSAGE_OF_CODE[code] : undefined;
  if (byCode) return byCode;
  if (isFieldProblemCode(problem.code)) {
    const byProblem =
      (isPasswordField(problem.field) ? PASSWORD_FIELD_MESSAGES[problem.code] : undefined) ?? FIELD_MESSAGES[problem.code];
    if (byProblem) return byProblem;
  }
  return code === 'weak_password' ? `${FIELD_KEY}.password_weak` : `${FIELD_KEY}.invalid`;
};

/**
 * `roles.0` → `roles`: an array's inputs are one control (checkboxes), which shows the error
 * of the whole array; other dotted paths stay, as react-hook-form reads them.
 */
export const inputPathOf = (field: string): string =>
  field
    .split('.')
    .filter((part) => !/^\d+$/.test(part))
    .join('.');

/** Where the API puts field problems: `details` itself (validation) or `details.fields` (domain). */
const fieldProblemsOf = (details: unknown): FieldProblem[] => {
  if (Array.isArray(details)) return details.filter(isFieldProblem);
  if (isRecord(details) && Array.isArray(details.fields)) return details.fields.filter(isFieldProblem);
  return [];
};

/** The i18n key of the error as a whole, or the API's own sentence when we have none. */
export const errorMessageOf = (error: ApiError): string => {
  const { code } = error;
  if (isKnownCode(code)) return `vigie.errors.${code}`;
  if (error.status === 400) return 'vigie.errors.invalid_input';
  if (error.status === 403) return 'vigie.errors.role';
  if (error.status === 404) return 'vigie.errors.not_found';
  if (error.status === 409) return 'vigie.errors.conflict';
  if (error.status >= 500) return 'vigie.errors.unavailable';
  return error.message;
};

/**
 * The errors to show on a form, or null when the error is not about what was typed
 * (a 403, a 404, a 500: a notification says those). The first problem of a field wins:
 * an input shows one message at a time.
 */
export const formErrorsOf = (error: ApiError): FormErrors | null => {
  if (error.status !== 400 && error.status !== 409 && error.status !== 422) return null;
  const { code } = error;
  const errors: FormErrors = {};
  for (const problem of fieldProblemsOf(error.body?.details)) {
    const path = inputPathOf(problem.field);
    // A problem with the body as a whole has no input: it goes to the notification.
    if (path === '' || path === 'body' || path === 'query' || path === 'param') continue;
    if (!(path in errors)) errors[path] = fieldMessageKey(problem, code);
  }
  const message = errorMessageOf(error);
  if (isKnownCode(code) || Object.keys(errors).length === 0) errors.root = { serverError: message };
  return errors;
};

/** Any failure of a data call, as react-admin expects it. Network failures say the service is away. */
export const toHttpError = (error: unknown): HttpError => {
  if (error instanceof HttpError) return error;
  if (!(error instanceof ApiError)) return new HttpError('vigie.errors.unavailable', 0, null);
  const errors = formErrorsOf(error);
  return new HttpError(errorMessageOf(error), error.status, {
    ...error.body,
    ...(errors ? { errors } : {}),
  });
};
