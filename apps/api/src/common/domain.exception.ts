import { ERROR_CODES, type ErrorCode, type FieldProblem } from '@vigie/contracts';

export interface DomainExceptionOptions {
  /** A more specific English sentence than the code's default, for developers. */
  message?: string;
  /** Answered beside the code: `details: { code, ...details }`. */
  details?: Record<string, unknown>;
}

/**
 * An error of the domain: a stable code clients act on (`details.code`). Its HTTP status is not
 * chosen here but in the contracts' `ERROR_CODES`, which the exception filter reads.
 */
export class DomainException extends Error {
  override readonly name = 'DomainException';
  readonly details: Record<string, unknown>;
  /** Echoed at the top level of the answer (the gate's refusals: clients read `reason`). */
  readonly reason?: string;

  constructor(
    readonly code: ErrorCode,
    options: DomainExceptionOptions = {},
  ) {
    super(options.message ?? ERROR_CODES[code].message);
    this.details = options.details ?? {};
  }
}

/** A request that breaks its schema: `details` is the list of field problems itself. */
export class InvalidInputException extends DomainException {
  constructor(
    message: string,
    readonly problems: FieldProblem[],
  ) {
    super('invalid_input', { message });
  }
}

/** Field problems found by a service, in the shape the validation pipe answers. */
export const fieldProblems = (...problems: FieldProblem[]) => ({ fields: problems });
