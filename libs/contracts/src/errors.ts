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

interface ErrorCodeEntry {
  readonly status: number;
  /** For developers; a client translates the code, not this sentence. */
  readonly message: string;
}

/**
 * Every domain error code (`details.code`) with its one HTTP status, written once. The API's
 * services throw a code; its exception filter answers with the status found here. The status
 * says who can change the outcome: 400 what was sent, 401 the session or signature, 403 who
 * asks (whatever the state), 404 nothing there, 409 the state of the thing (whoever asks).
 */
export const ERROR_CODES = {
  // The request itself
  invalid_input: { status: 400, message: 'The request does not match its schema: see the field problems.' },
  invalid_body: { status: 400, message: 'The body breaks a rule checked against stored data.' },
  invalid_assignee: { status: 400, message: 'The assignee is not an active moderator or lead.' },
  idempotency_key: { status: 400, message: 'Idempotency-Key header is required (1–200 visible ASCII characters).' },
  idempotency_key_reused: { status: 409, message: 'This Idempotency-Key was used with another body.' },
  signature_missing: { status: 401, message: 'X-Signature header is missing.' },
  signature_malformed: { status: 401, message: 'X-Signature must read t=<unix seconds>,v1=<hex HMAC-SHA256>.' },
  signature_expired: { status: 401, message: 'X-Signature timestamp is more than 300 s away from now: check the clock, sign each attempt anew.' },
  signature_mismatch: { status: 401, message: 'X-Signature does not match the body: sign the exact bytes sent, with the current secret.' },
  rate_limited: { status: 429, message: 'Too many intake requests from this client address: wait for Retry-After seconds, then retry.' },

  // Sessions and accounts. 401 means "no valid session, or the sign-in failed"; a wrong
  // password or code typed while signed in is a 400 with a code of its own, since the backoffice
  // signs out on any 401 from a signed-in request.
  not_signed_in: { status: 401, message: 'Sign in first.' },
  session_expired: { status: 401, message: 'Your session has expired. Please sign in again.' },
  csrf: { status: 403, message: 'Missing or wrong X-CSRF-Token header.' },
  mfa_enrolment_required: { status: 403, message: 'Your role requires two-factor authentication: enrol an authenticator app in your profile first.' },
  role: { status: 403, message: 'Your roles do not allow this.' },
  invalid_credentials: { status: 401, message: 'Invalid e-mail address or password.' },
  mfa_required: { status: 401, message: 'Enter the code from your authenticator app.' },
  mfa_invalid: { status: 401, message: 'That code is not valid. Try the next one.' },
  current_password_wrong: { status: 400, message: 'The current password is not right.' },
  mfa_code_wrong: { status: 400, message: 'That code is not valid. Check the time on your phone and try the next one.' },
  locked: { status: 429, message: 'Too many failed sign-in attempts.' },
  weak_password: { status: 400, message: 'The password is not acceptable.' },
  mfa_already_enabled: { status: 409, message: 'Two-factor authentication is already on.' },
  mfa_not_started: { status: 409, message: 'Start the enrolment first.' },
  email_taken: { status: 409, message: 'An account with this e-mail address already exists.' },
  step_up_failed: { status: 400, message: 'That password or code is not right.' },
  step_up_method: { status: 400, message: 'An account with two-factor authentication steps up with a code from its app; one without, with its password.' },
  self_change: { status: 403, message: 'Nobody changes their own roles or disables their own account: ask another admin.' },
  incompatible_roles: { status: 400, message: 'These roles cannot be held together: moderator, lead, lead and moderator, dpo, or admin.' },
  staff_not_found: { status: 404, message: 'No such staff account.' },
  role_pending: { status: 403, message: 'Your role is waiting for approval by a second person.' },
  own_request: { status: 403, message: 'A role request is approved or rejected by someone other than who made it, and other than the account concerned.' },
  approval_not_allowed: { status: 403, message: 'Your roles do not allow you to decide this role request.' },
  role_request_not_found: { status: 404, message: 'No pending role request with this id.' },
  link_not_found: { status: 404, message: 'This password link is not valid.' },
  link_used: { status: 410, message: 'This password link was already used: ask an admin for a new one.' },
  link_expired: { status: 410, message: 'This password link has expired: ask an admin for a new one.' },

  // Cases, decisions, notes, appeals
  case_not_found: { status: 404, message: 'No such case.' },
  note_not_found: { status: 404, message: 'No such note on this case.' },
  stale_version: { status: 409, message: 'This case changed since you loaded it: reload it and try again.' },
  already_assigned: { status: 409, message: 'Someone else took this case first.' },
  closed: { status: 409, message: 'This case is closed.' },
  case_not_in_review: { status: 409, message: 'Take the case (in review) before deciding.' },
  decision_pending: { status: 409, message: 'A proposed decision is waiting for a lead.' },
  no_pending_decision: { status: 409, message: 'This decision is not waiting for approval.' },
  appeal_case: { status: 409, message: 'An appeal case is decided with an appeal outcome (upheld or overturned).' },
  transition_not_allowed: { status: 409, message: 'The case cannot make this transition from its status.' },
  conversation_has_open_case: { status: 409, message: 'Another case is open on this conversation: work that one.' },
  note_frozen: { status: 409, message: 'This note can no longer be edited; add a new note instead.' },
  not_an_appeal: { status: 409, message: 'This case is not an appeal.' },
  not_assignee: { status: 403, message: 'Only the assignee or a lead may do this on this case.' },
  not_author: { status: 403, message: 'Only its author may edit a note.' },
  original_decider: { status: 403, message: 'An appeal goes to someone other than the original decider.' },
  decision_not_appealable: { status: 422, message: 'No effective decision with this id.' },
  appeal_window_closed: { status: 422, message: 'The appeal window of this decision has closed.' },

  // The gate's refusals (also `reason` at the top level of the answer): 403 whatever their cause,
  // as the gate promises its callers; `data_purged` keeps that status wherever else it is met.
  data_purged: { status: 403, message: "This case's data was erased by retention." },
  case_closed: { status: 403, message: 'This case is closed.' },
  no_report: { status: 403, message: 'Name the report(s) this access relies on.' },
  report_not_in_case: { status: 403, message: 'A named report does not belong to this case.' },
  justification_too_short: { status: 403, message: 'The justification needs at least 15 letters or digits.' },
  grant_not_found: { status: 404, message: 'No such access grant.' },
  not_grant_holder: { status: 403, message: 'This access grant is not yours.' },
  grant_expired: { status: 410, message: 'This access grant has expired: ask for a new one.' },
  step_up_required: { status: 403, message: 'Confirm your password or code again before opening a conversation.' },
  grant_revoked: { status: 410, message: 'This access grant ended: you would no longer be allowed to open this conversation (see details.cause).' },
  refused_by_database: { status: 403, message: 'The database refused this access by its own rule (see details.rule); the refusal is recorded.' },

  // Register, retention, deliveries, health
  subject_not_found: { status: 404, message: 'No platform user with this id (or their data was erased).' },
  register_empty: { status: 409, message: 'The register has no entry to sign yet.' },
  retention_running: { status: 409, message: 'A retention run is already going on.' },
  run_not_found: { status: 404, message: 'No such retention run.' },
  legal_hold_exists: { status: 409, message: 'This case is already under a legal hold.' },
  no_legal_hold: { status: 409, message: 'This case is not under a legal hold.' },
  alert_not_found: { status: 404, message: 'No such alert.' },
  own_alert: { status: 403, message: 'An alert about you is resolved by another DPO.' },
  alert_resolved: { status: 409, message: 'This alert was already resolved.' },
  // A person's rights (GDPR Art. 17, 18)
  restricted: { status: 403, message: "A person concerned by this case asked for their data's processing to be restricted." },
  subject_cases_held: { status: 409, message: "Some of this person's cases are held (legal hold or appeal under way): nothing was erased (see details.caseIds)." },
  restriction_exists: { status: 409, message: "This person's data is already restricted." },
  no_restriction: { status: 409, message: "This person's data is not restricted." },
  not_pending: { status: 409, message: 'No pending delivery with this id.' },
  not_ready: { status: 503, message: 'Not ready: a dependency is down.' },
  lia_backdated: { status: 400, message: 'A version of the assessment takes effect now or later, and not before the previous one.' },
  lia_not_found: { status: 404, message: 'No such version of the legitimate-interest assessment.' },
  checkpoint_unreadable: { status: 400, message: 'This is not a signed checkpoint file of the register.' },
  checkpoint_signature_invalid: { status: 400, message: 'The signature of this checkpoint does not hold: it was not signed by this installation, or was altered.' },
} as const satisfies Record<string, ErrorCodeEntry>;

export type ErrorCode = keyof typeof ERROR_CODES;
export const ERROR_CODE_NAMES = Object.keys(ERROR_CODES) as ErrorCode[];

export const isErrorCode = (value: string): value is ErrorCode => Object.hasOwn(ERROR_CODES, value);

/** The one HTTP status of a code. */
export const statusOfCode = (code: ErrorCode): number => ERROR_CODES[code].status;

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
  'incompatible',
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
  // A password the strength estimator guesses too soon, by what gives it away
  'too_guessable',
  'keyboard_pattern',
  'repetition',
  'sequence',
  'date_like',
  'single_word',
  'personal_data',
  'already_used',
  'incorrect',
  'in_future',
  'not_assignable',
  'not_granted',
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
