import type { ApiErrorBody } from '@vigie/contracts';

/** A field the payload got wrong, named as the API names it (`conversation.messages.0.sentAt`). */
export interface FieldProblem {
  field: string;
  message: string;
}

/** The payload broke the contracts' schema: nothing was sent. */
export class IntakeValidationError extends Error {
  override readonly name = 'IntakeValidationError';

  constructor(
    readonly payload: 'report' | 'activity',
    readonly fields: readonly FieldProblem[],
  ) {
    super(`Invalid ${payload}, nothing was sent: ${fields.map((f) => `${f.field} (${f.message})`).join('; ')}`);
  }
}

/**
 * `response`: Vigie answered with an error (or an answer the client cannot read);
 * `timeout`: no answer within `timeoutMs`; `network`: the request could not be made or was cut.
 */
export type IntakeFailure = 'response' | 'timeout' | 'network';

export interface IntakeRequestErrorInit {
  failure: IntakeFailure;
  attempts: number;
  retryable: boolean;
  /** Absent when no answer came. */
  status?: number;
  body?: ApiErrorBody;
  requestId?: string;
  cause?: unknown;
}

/** The request failed for good: a refusal that retrying cannot change, or the last of the attempts. */
export class IntakeRequestError extends Error {
  override readonly name = 'IntakeRequestError';
  readonly failure: IntakeFailure;
  readonly status?: number;
  /** The server's error body, `{ statusCode, error, message, details?, requestId? }`. */
  readonly body?: ApiErrorBody;
  /** Vigie's id for the (last) request: quote it when asking Vigie's team. */
  readonly requestId?: string;
  /** The API's stable code for domain refusals (`idempotency_key_reused`, `signature_expired`, …). */
  readonly code?: string;
  /** The fields a 400 names. */
  readonly fields: readonly FieldProblem[];
  /** Whether the failure was of a kind that is retried (true for a 503 on the last attempt, say). */
  readonly retryable: boolean;
  readonly attempts: number;

  constructor(init: IntakeRequestErrorInit) {
    super(describe(init), init.cause === undefined ? undefined : { cause: init.cause });
    this.failure = init.failure;
    this.status = init.status;
    this.body = init.body;
    this.requestId = init.requestId ?? init.body?.requestId;
    this.retryable = init.retryable;
    this.attempts = init.attempts;
    const details = init.body?.details;
    this.code = codeOf(details);
    this.fields = fieldsOf(details);
  }
}

function describe(init: IntakeRequestErrorInit): string {
  const tries = `after ${init.attempts} attempt${init.attempts === 1 ? '' : 's'}`;
  if (init.failure === 'response') {
    const what = init.body ? `${init.body.error}: ${init.body.message}` : 'an unreadable answer';
    const id = (init.requestId ?? init.body?.requestId) ? `, request id ${init.requestId ?? init.body?.requestId}` : '';
    return `Vigie intake answered ${init.status ?? '?'} (${what}) ${tries}${id}`;
  }
  const reason = init.cause instanceof Error ? init.cause.message : String(init.cause);
  return init.failure === 'timeout' ? `Vigie intake did not answer in time ${tries}` : `Vigie intake could not be reached ${tries}: ${reason}`;
}

// The API answers schema failures with `details: [{ field, message }]` and domain refusals with
// `details: { code, fields? }` (a reportedAt in the future, for one): both are read here.
function codeOf(details: unknown): string | undefined {
  const code = isRecord(details) ? details['code'] : undefined;
  return typeof code === 'string' ? code : undefined;
}

function fieldsOf(details: unknown): FieldProblem[] {
  const list: unknown[] = Array.isArray(details) ? details : isRecord(details) && Array.isArray(details['fields']) ? details['fields'] : [];
  return list.filter(
    (item): item is FieldProblem => isRecord(item) && typeof item['field'] === 'string' && typeof item['message'] === 'string',
  );
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
