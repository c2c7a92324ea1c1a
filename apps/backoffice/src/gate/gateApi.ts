import {
  type AccessGrant,
  GATE_REFUSALS,
  type GateRefusal,
  GRANT_REVOCATION_CAUSES,
  GRANT_SCOPES,
  type GrantRevocationCause,
  type GrantedConversation,
  type GrantScope,
  type GrantScopeSummary,
} from '@vigie/contracts';
import { HttpError } from 'react-admin';
import { apiPost, apiResponse, isRecord } from '../providers/api';
import type { JsonResponse } from '../providers/httpClient';
import { toHttpError } from '../providers/serverErrors';
import { localDeadline } from './gateRules';

const isScope = (value: unknown): value is GrantScope =>
  typeof value === 'string' && (GRANT_SCOPES as readonly string[]).includes(value);

const isRefusal = (value: unknown): value is GateRefusal =>
  typeof value === 'string' && (GATE_REFUSALS as readonly string[]).includes(value);

const isRevocationCause = (value: unknown): value is GrantRevocationCause =>
  typeof value === 'string' && (GRANT_REVOCATION_CAUSES as readonly string[]).includes(value);

const isScopeSummary = (value: unknown): value is GrantScopeSummary =>
  isRecord(value) &&
  isScope(value.kind) &&
  typeof value.messageCount === 'number' &&
  typeof value.conversationMessageCount === 'number';

const unexpected = (what: string) => new Error(`Unexpected ${what} from the API`);

// The API answers the contract's types; checking what the screens rely on is enough.
const readGrant = (body: unknown): AccessGrant => {
  if (
    isRecord(body) &&
    typeof body.grantId === 'string' &&
    typeof body.caseId === 'string' &&
    typeof body.expiresAt === 'string' &&
    isScopeSummary(body.scope)
  ) {
    return body as unknown as AccessGrant;
  }
  throw unexpected('access grant');
};

const readConversation = (body: unknown): GrantedConversation => {
  if (
    isRecord(body) &&
    typeof body.grantId === 'string' &&
    typeof body.expiresAt === 'string' &&
    isScopeSummary(body.scope) &&
    Array.isArray(body.participants) &&
    Array.isArray(body.messages) &&
    typeof body.hiddenBefore === 'number' &&
    typeof body.hiddenAfter === 'number'
  ) {
    return body as unknown as GrantedConversation;
  }
  throw unexpected('conversation');
};

/**
 * A failure of the gate. `message` is the i18n key to show: the refusal's own sentence when
 * the API gave a reason, the app's usual error sentence otherwise.
 */
export class GateError extends Error {
  readonly status: number;
  readonly reason: GateRefusal | undefined;
  /** Why a grant was revoked (`grant_revoked`). */
  readonly revocation: GrantRevocationCause | undefined;

  constructor(message: string, status: number, reason?: GateRefusal, revocation?: GrantRevocationCause) {
    super(message);
    this.name = 'GateError';
    this.status = status;
    this.reason = reason;
    this.revocation = revocation;
  }
}

/** Any failure of a gate call as a GateError, through the app's usual error mapping. */
export const gateErrorOf = (error: unknown): GateError => {
  if (error instanceof GateError) return error;
  const http = error instanceof HttpError ? error : toHttpError(error);
  const body = isRecord(http.body) ? http.body : {};
  const details = isRecord(body.details) ? body.details : {};
  const reason = isRefusal(body.reason) ? body.reason : isRefusal(details.code) ? details.code : undefined;
  if (reason === 'grant_revoked' && isRevocationCause(details.cause)) {
    return new GateError(`vigie.gate.revoked.${details.cause}`, http.status, reason, details.cause);
  }
  if (reason) return new GateError(`vigie.gate.refusals.${reason}`, http.status, reason);
  // A malformed body is ours to explain: the dialog checks what it can before sending.
  if (http.status === 400) return new GateError('vigie.gate.dialog.errors.invalid_request', 400);
  return new GateError(http.message, http.status);
};

const call = async (path: string, init?: RequestInit): Promise<JsonResponse & { receivedAt: number }> => {
  try {
    const response = await apiResponse(path, init);
    return { ...response, receivedAt: Date.now() };
  } catch (error) {
    // An abort is the caller leaving: nothing to explain.
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw gateErrorOf(error);
  }
};

// An answer of an unexpected shape reads as the service being unavailable.
const parse = <T>(read: (body: unknown) => T, body: unknown): T => {
  try {
    return read(body);
  } catch (error) {
    throw gateErrorOf(error);
  }
};

/** What a step-up confirms: the password, or a TOTP code when the account has MFA. */
export type StepUpInput = { password: string } | { totp: string };
export type StepUpMethod = 'password' | 'totp';

/** Why a step-up was refused (`details.code`), and the method the account uses when the API said. */
export const stepUpFailureOf = (error: unknown): { code: string | undefined; method: StepUpMethod | undefined } => {
  const http = error instanceof HttpError ? error : toHttpError(error);
  const details = isRecord(http.body) && isRecord(http.body.details) ? http.body.details : {};
  const method = details.method === 'password' || details.method === 'totp' ? details.method : undefined;
  return { code: typeof details.code === 'string' ? details.code : undefined, method };
};

export interface AccessRequestInput {
  justification: string;
  reportIds: string[];
  scope: GrantScope;
}

/** A grant, with when it ends on this browser's clock. */
export interface GrantReceipt {
  grant: AccessGrant;
  deadline: number;
}

/** A grant being used: what the viewer needs, and the reports it was asked on (to widen it). */
export interface GateSession extends GrantReceipt {
  reportIds: string[];
}

export interface ConversationReceipt {
  conversation: GrantedConversation;
  deadline: number;
}

/** The gate: asking for a time-boxed grant, then reading what it covers. */
export const gateApi = {
  /** `POST /cases/:id/access`: the API records the grant (or the refusal) in the access register. */
  async requestAccess(caseId: string, input: AccessRequestInput): Promise<GrantReceipt> {
    const response = await call(`/cases/${encodeURIComponent(caseId)}/access`, {
      method: 'POST',
      body: JSON.stringify(input),
    });
    const grant = parse(readGrant, response.json);
    return {
      grant,
      deadline: localDeadline(grant.expiresAt, response.headers.get('Date'), response.receivedAt),
    };
  },

  /**
   * `POST /auth/step-up`: confirms who is asking, for STEP_UP_MINUTES. Fails with react-admin's
   * HttpError (`details.code`: step_up_failed, step_up_method, locked).
   */
  async stepUp(input: StepUpInput): Promise<void> {
    await apiPost('/auth/step-up', input);
  },

  /** `GET /access-grants/:grantId/messages`: the only answer that carries message bodies. */
  async conversation(grantId: string, signal?: AbortSignal): Promise<ConversationReceipt> {
    // Bodies never go to the browser's HTTP cache either: read from the network, stored nowhere.
    const response = await call(`/access-grants/${encodeURIComponent(grantId)}/messages`, {
      signal,
      cache: 'no-store',
    });
    const conversation = parse(readConversation, response.json);
    return {
      conversation,
      deadline: localDeadline(conversation.expiresAt, response.headers.get('Date'), response.receivedAt),
    };
  },
};

export type GateApi = typeof gateApi;
