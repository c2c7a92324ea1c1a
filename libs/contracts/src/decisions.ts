import type { CaseStatus, DecisionAction } from './domain';
import type { StaffRole } from './staff';

/**
 * The case's status machine, written once: which move each role may make. Decisions move a
 * case from `in_review` to `actioned` (any sanction) or `dismissed` (`no_violation`).
 */
export const CASE_TRANSITIONS = {
  close: { from: ['actioned', 'dismissed'], to: 'closed', roles: ['moderator', 'lead'] },
  reopen: { from: ['actioned', 'dismissed', 'closed'], to: 'in_review', roles: ['lead'] },
} as const satisfies Record<string, { from: readonly CaseStatus[]; to: CaseStatus; roles: readonly StaffRole[] }>;
export type CaseTransition = keyof typeof CASE_TRANSITIONS;
export const CASE_TRANSITION_NAMES = Object.keys(CASE_TRANSITIONS) as CaseTransition[];

/** Whether `roles` may make `transition` from `status`. */
export const canTransition = (roles: readonly StaffRole[], transition: CaseTransition, status: CaseStatus): boolean => {
  const rule = CASE_TRANSITIONS[transition];
  return (rule.from as readonly CaseStatus[]).includes(status) && roles.some((role) => (rule.roles as readonly StaffRole[]).includes(role));
};

/** A moderator's decision that a lead must approve (four eyes): a ban, or a suspension over a week. */
export const MAX_SUSPENSION_DAYS_WITHOUT_LEAD = 7;
export const needsLeadApproval = (action: DecisionAction, durationDays?: number | null): boolean =>
  action === 'ban' || (action === 'suspension' && (durationDays ?? 0) > MAX_SUSPENSION_DAYS_WITHOUT_LEAD);

/** The clauses of the platform's terms of use a decision can rest on. */
export const POLICY_CLAUSES = [
  'cgu.4.1-respect',
  'cgu.4.2-harcelement',
  'cgu.4.3-contenus-sexuels',
  'cgu.4.4-haine',
  'cgu.4.5-menaces',
  'cgu.4.6-spam-arnaque',
  'cgu.4.7-donnees-personnelles',
  'cgu.4.8-protection-mineurs',
  'cgu.4.9-usurpation',
  'cgu.5.1-hors-plateforme',
] as const;
export type PolicyClause = (typeof POLICY_CLAUSES)[number];

export const DECISION_STATES = ['effective', 'pending_approval', 'rejected'] as const;
export type DecisionState = (typeof DECISION_STATES)[number];

/** What a decision record says was done: a moderation action, or an appeal's outcome. */
export type DecisionRecordAction = DecisionAction | 'appeal_upheld' | 'appeal_overturned';

/** The statement of reasons, with the fields of the EU Digital Services Act, Art. 17 (schema: `statementSchema`). */
export interface StatementOfReasons {
  facts: string;
  ground: string;
  automated: boolean;
  redress: string;
}

export interface Decision {
  id: string;
  caseId: string;
  action: DecisionRecordAction;
  policyClause: PolicyClause;
  statement: StatementOfReasons;
  durationDays: number | null;
  messageIds: string[];
  state: DecisionState;
  decidedBy: { id: string; name: string };
  decidedAt: string;
  reviewedBy: { id: string; name: string } | null;
  reviewedAt: string | null;
  reviewNote: string | null;
}

/** Notes are editable by their author for a short while, then frozen. */
export const NOTE_EDIT_WINDOW_MINUTES = 15;
export interface CaseNote {
  id: string;
  caseId: string;
  author: { id: string; name: string };
  text: string;
  createdAt: string;
  editedAt: string | null;
  /** Until when its author may still edit it. */
  editableUntil: string;
}

/** The reported user's record, so that a moderator sees a pattern. */
export interface UserHistory {
  user: { id: string; externalId: string; displayName: string | null } | null;
  cases: {
    caseId: string;
    status: CaseStatus;
    createdAt: string;
    categories: string[];
    decisions: { action: DecisionRecordAction; state: DecisionState; decidedAt: string }[];
  }[];
  /** Effective sanctions (anything but no_violation) on their other cases, in the last 6 and 12 months. */
  actionedLast6Months: number;
  actionedLast12Months: number;
}

/** One message to the platform and every attempt to deliver it. */
export interface Delivery {
  id: number;
  eventType: string;
  caseId: string;
  createdAt: string;
  attempts: number;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
  lastStatus: number | null;
  lastError: string | null;
  log: { at: string; statusCode: number | null; error: string | null; durationMs: number }[];
}


/** Appeals are accepted within this many months of the decision (DSA Art. 20). */
export const APPEAL_WINDOW_MONTHS = 6;

export const APPEAL_OUTCOMES = ['upheld', 'overturned'] as const;
export interface BulkResult {
  results: { caseId: string; ok: boolean; code?: string }[];
  succeeded: number;
  failed: number;
}

