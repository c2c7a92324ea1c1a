import type { GateRefusal, GrantRevocationCause } from '@vigie/contracts';
import { DomainException } from '../common/domain.exception';

// Said of the gate in particular; the status is the code's, in the contracts' ERROR_CODES.
const MESSAGES: Partial<Record<GateRefusal, string>> = {
  role: 'Only moderators and leads may open conversations.',
  role_pending: 'Your moderator or lead role is waiting for approval by a second person.',
  not_assignee: 'Only the assignee of the case, or a lead, may open its conversation.',
  step_up_required: 'Confirm your password or code again (POST /auth/step-up), then ask again.',
  restricted: "A person concerned by this case asked for their data's processing to be restricted: no conversation of theirs opens.",
};

/** A refusal of the gate, already recorded; its code is also answered as the top-level `reason`. */
export class GateRefusedException extends DomainException {
  override readonly reason: GateRefusal;

  constructor(reason: GateRefusal, cause?: GrantRevocationCause | { rule: string }) {
    const details = typeof cause === 'string' ? { cause } : cause;
    super(reason, { message: MESSAGES[reason], ...(details ? { details } : {}) });
    this.reason = reason;
  }
}

/**
 * The rule a refusal of the database's gate functions names (`gate refused: <rule>`, raised as
 * insufficient_privilege), or undefined for any other error.
 */
export function databaseRefusalOf(error: unknown): string | undefined {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (code !== '42501' || typeof message !== 'string') return undefined;
  return /^gate refused: (\w+)/.exec(message)?.[1];
}
