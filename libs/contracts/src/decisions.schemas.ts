import { z } from 'zod';
import { type CaseTransition, CASE_TRANSITION_NAMES, APPEAL_OUTCOMES, POLICY_CLAUSES, type StatementOfReasons } from './decisions';
import { DECISION_ACTIONS } from './domain';
import { problem } from './errors';
import { instant, platformId } from './fields.schemas';

/** The statement of reasons, with the fields of the EU Digital Services Act, Art. 17. */
export const statementSchema = z.strictObject({
  facts: z.string().trim().min(20, 'needs at least 20 characters').max(5000),
  ground: z.string().trim().min(5, 'needs at least 5 characters').max(1000),
  automated: z.boolean(),
  redress: z.string().trim().min(5, 'needs at least 5 characters').max(1000),
}) satisfies z.ZodType<StatementOfReasons>;

export const decisionRequestSchema = z
  .strictObject({
    action: z.enum(DECISION_ACTIONS),
    policyClause: z.enum(POLICY_CLAUSES),
    statement: statementSchema,
    durationDays: z.number().int().min(1).max(3650).optional(),
    messageIds: z.array(z.string().min(1).max(128)).max(200).optional(),
    version: z.number().int().min(1),
  })
  .refine((d) => d.action !== 'suspension' || d.durationDays !== undefined, { path: ['durationDays'], ...problem('required', 'is required for a suspension') })
  .refine((d) => d.action === 'suspension' || d.durationDays === undefined, { path: ['durationDays'], ...problem('not_allowed', 'only goes with a suspension') })
  .refine((d) => d.action !== 'content_removal' || (d.messageIds?.length ?? 0) > 0, { path: ['messageIds'], ...problem('required', 'names the messages to remove') });
export type DecisionRequest = z.output<typeof decisionRequestSchema>;

export const decisionReviewSchema = z.strictObject({
  approve: z.boolean(),
  note: z.string().trim().max(2000).optional(),
});

export const transitionRequestSchema = z.strictObject({
  transition: z.enum(CASE_TRANSITION_NAMES as [CaseTransition, ...CaseTransition[]]),
  reason: z.string().trim().max(2000).optional(),
  version: z.number().int().min(1),
});

export const noteSchema = z.strictObject({ text: z.string().trim().min(1, 'required').max(10_000) });

/** An appeal from the platform (DSA Art. 20): within 6 months of the decision. */
export const appealPayloadSchema = z.strictObject({
  externalId: platformId,
  decisionId: z.uuid({ message: 'must be the decision id the webhook sent' }),
  appellant: z.strictObject({ externalId: platformId }),
  statement: z.string().trim().max(5000).default(''),
  submittedAt: instant,
});
export type AppealPayload = z.output<typeof appealPayloadSchema>;

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
  .refine((b) => b.action !== 'assign' || b.assigneeId !== undefined, { path: ['assigneeId'], ...problem('required', 'is required to assign') })
  .refine((b) => b.action !== 'dismiss' || (b.policyClause !== undefined && b.statement !== undefined), {
    path: ['statement'],
    ...problem('required', 'a dismissal needs a policy clause and a statement of reasons'),
  });
export type BulkAction = z.output<typeof bulkActionSchema>;

export const transparencyQuerySchema = z.strictObject({
  format: z.enum(['json', 'csv']).default('json'),
  from: instant.optional(),
  to: instant.optional(),
});
