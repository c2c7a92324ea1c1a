import { z } from 'zod';
import type { CaseStatus, DecisionAction } from './domain';
import { DECISION_ACTIONS } from './domain';
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

/** The statement of reasons, with the fields of the EU Digital Services Act, Art. 17. */
export const statementSchema = z.strictObject({
  facts: z.string().trim().min(20, 'needs at least 20 characters').max(5000),
  ground: z.string().trim().min(5, 'needs at least 5 characters').max(1000),
  automated: z.boolean(),
  redress: z.string().trim().min(5, 'needs at least 5 characters').max(1000),
});
export type StatementOfReasons = z.output<typeof statementSchema>;

export const decisionRequestSchema = z
  .strictObject({
    action: z.enum(DECISION_ACTIONS),
    policyClause: z.enum(POLICY_CLAUSES),
    statement: statementSchema,
    durationDays: z.number().int().min(1).max(3650).optional(),
    messageIds: z.array(z.string().min(1).max(128)).max(200).optional(),
    version: z.number().int().min(1),
  })
  .refine((d) => d.action !== 'suspension' || d.durationDays !== undefined, { path: ['durationDays'], message: 'is required for a suspension' })
  .refine((d) => d.action === 'suspension' || d.durationDays === undefined, { path: ['durationDays'], message: 'only goes with a suspension' })
  .refine((d) => d.action !== 'content_removal' || (d.messageIds?.length ?? 0) > 0, { path: ['messageIds'], message: 'names the messages to remove' });
export type DecisionRequest = z.output<typeof decisionRequestSchema>;

export const DECISION_STATES = ['effective', 'pending_approval', 'rejected'] as const;
export type DecisionState = (typeof DECISION_STATES)[number];

/** What a decision record says was done: a moderation action, or an appeal's outcome. */
export type DecisionRecordAction = DecisionAction | 'appeal_upheld' | 'appeal_overturned';

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

export const decisionReviewSchema = z.strictObject({
  approve: z.boolean(),
  note: z.string().trim().max(2000).optional(),
});

export const transitionRequestSchema = z.strictObject({
  transition: z.enum(CASE_TRANSITION_NAMES as [CaseTransition, ...CaseTransition[]]),
  reason: z.string().trim().max(2000).optional(),
  version: z.number().int().min(1),
});

/** Notes are editable by their author for a short while, then frozen. */
export const NOTE_EDIT_WINDOW_MINUTES = 15;
export const noteSchema = z.strictObject({ text: z.string().trim().min(1, 'required').max(10_000) });

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
  /** Effective sanctions (anything but no_violation) in the last 6 and 12 months. */
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

const instant = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time with a time zone' });
const platformId = z.string().trim().min(1, 'required').max(128).regex(/^[\w.:-]+$/, 'letters, digits and . _ : - only');

/** An appeal from the platform (DSA Art. 20): within 6 months of the decision. */
export const appealPayloadSchema = z.strictObject({
  externalId: platformId,
  decisionId: z.uuid({ message: 'must be the decision id the webhook sent' }),
  appellant: z.strictObject({ externalId: platformId }),
  statement: z.string().trim().max(5000).default(''),
  submittedAt: instant,
});
export type AppealPayload = z.output<typeof appealPayloadSchema>;
export const APPEAL_WINDOW_MONTHS = 6;

export const APPEAL_OUTCOMES = ['upheld', 'overturned'] as const;
export const appealOutcomeSchema = z.strictObject({
  outcome: z.enum(APPEAL_OUTCOMES),
  statement: statementSchema,
  version: z.number().int().min(1),
});

/** Waves of spam: one request, each case still gets its own decision record. */
export const bulkActionSchema = z
  .strictObject({
    action: z.enum(['assign', 'dismiss']),
    caseIds: z.array(z.uuid({ message: 'must be case ids (UUID)' })).min(1).max(200),
    assigneeId: z.uuid({ message: 'must be a staff id' }).optional(),
    policyClause: z.enum(POLICY_CLAUSES).optional(),
    statement: statementSchema.optional(),
  })
  .refine((b) => b.action !== 'assign' || b.assigneeId !== undefined, { path: ['assigneeId'], message: 'is required to assign' })
  .refine((b) => b.action !== 'dismiss' || (b.policyClause !== undefined && b.statement !== undefined), {
    path: ['statement'],
    message: 'a dismissal needs a policy clause and a statement of reasons',
  });
export type BulkAction = z.output<typeof bulkActionSchema>;

export interface BulkResult {
  results: { caseId: string; ok: boolean; code?: string }[];
  succeeded: number;
  failed: number;
}

export const transparencyQuerySchema = z.strictObject({
  format: z.enum(['json', 'csv']).default('json'),
  from: instant.optional(),
  to: instant.optional(),
});
