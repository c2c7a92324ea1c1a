/** The body of every error the API answers. Never carries a stack trace or personal data. */
export interface ApiErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details?: unknown;
  /** Why the gate refused (`POST /cases/:id/access`, `GET /access-grants/:id/messages`). */
  reason?: string;
  requestId?: string;
}

/**
 * Stable codes of the problems a 400 lists per field (`details[].code`, or `details.fields[].code`
 * for a domain error). The `message` beside each stays English for developers.
 */
export const FIELD_PROBLEM_CODES = [
  // Derived from zod's own issues
  'required',
  'invalid_type',
  'too_short',
  'too_long',
  'too_small',
  'too_big',
  'invalid_format',
  'email_invalid',
  'unknown_field',
  'invalid_value',
  // Declared by the contracts' refinements
  'roles_required',
  'duplicate_role',
  'code_format',
  'nothing_to_change',
  'not_allowed',
  'duplicate',
  'must_differ',
  'not_a_participant',
  'not_in_conversation',
  // Found by the API against stored data or policy
  'too_common',
  'contains_email',
  'already_used',
  'incorrect',
  'in_future',
  'not_assignable',
] as const;
export type FieldProblemCode = (typeof FIELD_PROBLEM_CODES)[number];

export const isFieldProblemCode = (value: unknown): value is FieldProblemCode =>
  typeof value === 'string' && (FIELD_PROBLEM_CODES as readonly string[]).includes(value);

/** One problem with one field of a request. */
export interface FieldProblem {
  field: string;
  code: FieldProblemCode;
  message: string;
}

/**
 * The options of a refinement whose problem has its own code: zod keeps `params` on the issue
 * through `safeParse`, where the API's validation pipe reads it.
 * `.refine(isUnique, problem('duplicate_role', 'each role once'))`
 */
export const problem = (code: FieldProblemCode, message: string) => ({ message, params: { code } });
