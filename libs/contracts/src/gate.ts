import type { CaseParticipant } from './cases';
import type { ErrorCode } from './errors';

/** Why the gate refused to open a conversation: stable codes, recorded in the register. */
export const GATE_REFUSALS = [
  'role',
  'role_pending',
  'case_not_found',
  'data_purged',
  'case_closed',
  'not_assignee',
  'no_report',
  'report_not_in_case',
  'justification_too_short',
  'grant_not_found',
  'not_grant_holder',
  'grant_expired',
  'step_up_required',
  'grant_revoked',
  // The database's own rules (gate_open_grant, access_log_append) refused what the API allowed:
  // they disagree — clocks apart, a change in between — and the database has the last word.
  'refused_by_database',
  // A person concerned has asked for their data's processing to be restricted (GDPR Art. 18).
  'restricted',
] as const satisfies readonly ErrorCode[];
export type GateRefusal = (typeof GATE_REFUSALS)[number];

/**
 * Why a grant stopped working before it expired (`details.cause` of a `grant_revoked` answer;
 * recorded in the register as the reason `grant_revoked:<cause>`): its holder would no longer be
 * allowed to open the conversation.
 */
export const GRANT_REVOCATION_CAUSES = [
  'reassigned',
  'unassigned',
  'case_closed',
  'data_purged',
  'roles_changed',
  'account_disabled',
  'signed_out',
  'session_expired',
  'restricted',
] as const;
export type GrantRevocationCause = (typeof GRANT_REVOCATION_CAUSES)[number];

/** The shortest justification the gate accepts, in letters and digits (`justificationLength`). */
export const MIN_JUSTIFICATION_LENGTH = 15;

/**
 * What a justification says, for its minimum: its letters and digits after NFKC, in any script.
 * Spaces, punctuation, emoji and invisible characters (zero-width, braille blanks, direction
 * overrides) do not justify an access.
 */
export const justificationLength = (justification: string): number => justification.normalize('NFKC').match(/[\p{L}\p{N}]/gu)?.length ?? 0;

const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Text as PostgreSQL can store it: U+0000 (which no text or jsonb column takes) and lone
 * surrogates (which UTF-8 cannot encode; JSON's `\ud800` carries one) become U+FFFD, so that
 * what someone typed is kept and decided on, never a 500.
 */
export const storableText = (text: string): string => text.replace(UNSTORABLE, '\ufffd');
export const MAX_JUSTIFICATION_LENGTH = 2000;

/**
 * `context`: the reported messages with a few messages on each side (the default, data
 * minimisation). `full`: the whole conversation, asked for with its own justification.
 */
export const GRANT_SCOPES = ['context', 'full'] as const;
export type GrantScope = (typeof GRANT_SCOPES)[number];

export interface GrantScopeSummary {
  kind: GrantScope;
  /** How many messages the grant lets its holder read. */
  messageCount: number;
  /** How many messages the conversation holds in all. */
  conversationMessageCount: number;
}

/** 201 from `POST /cases/:id/access`. */
export interface AccessGrant {
  grantId: string;
  caseId: string;
  expiresAt: string;
  scope: GrantScopeSummary;
}

export interface ConversationMessage {
  id: string;
  externalId: string;
  authorId: string;
  sentAt: string;
  /** Its place in the conversation, 1 for the first message: gaps between windows show. */
  position: number;
  /** Null once retention erased it. */
  body: string | null;
  /** The reports (ids) that point at this message. */
  reportIds: string[];
}

/** 200 from `GET /access-grants/:grantId/messages`: the one answer that carries message bodies. */
export interface GrantedConversation {
  grantId: string;
  caseId: string;
  expiresAt: string;
  scope: GrantScopeSummary;
  participants: CaseParticipant[];
  /** Messages of the conversation outside the grant, before and after the window. */
  hiddenBefore: number;
  hiddenAfter: number;
  messages: ConversationMessage[];
}
