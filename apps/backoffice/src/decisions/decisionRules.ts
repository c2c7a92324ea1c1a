import {
  type CaseDetail,
  type CaseListItem,
  type CaseReport,
  canTransition,
  DECISION_ACTIONS,
  type Decision,
  type DecisionAction,
  type DecisionRequest,
  needsLeadApproval,
  POLICY_CLAUSES,
  type PolicyClause,
  type ReportCategory,
  type StaffRole,
  type StatementOfReasons,
} from '@vigie/contracts';
import { byGravity } from '../common/casePriority';

/** The clause a report's category usually rests on, offered first in the picker. */
const CLAUSE_OF_CATEGORY: Readonly<Record<ReportCategory, PolicyClause | undefined>> = {
  minor_safety: 'cgu.4.8-protection-mineurs',
  threat_violence: 'cgu.4.5-menaces',
  sexual_content: 'cgu.4.3-contenus-sexuels',
  hate: 'cgu.4.4-haine',
  harassment: 'cgu.4.2-harcelement',
  personal_data: 'cgu.4.7-donnees-personnelles',
  impersonation: 'cgu.4.9-usurpation',
  spam_scam: 'cgu.4.6-spam-arnaque',
  other: undefined,
};

/** The clause of the case's gravest category, if it has one. */
export const suggestedClause = (categories: readonly ReportCategory[]): PolicyClause | undefined =>
  byGravity(categories)
    .map((category) => CLAUSE_OF_CATEGORY[category])
    .find((clause) => clause !== undefined);

/** The messages the reports point at, once each, with the categories they were reported for. */
export const reportedMessages = (
  reports: readonly CaseReport[],
): { id: string; categories: ReportCategory[] }[] => {
  const byId = new Map<string, Set<ReportCategory>>();
  for (const report of reports)
    for (const id of report.reportedMessageIds) {
      const categories = byId.get(id) ?? new Set<ReportCategory>();
      categories.add(report.category);
      byId.set(id, categories);
    }
  return [...byId].map(([id, categories]) => ({ id, categories: [...categories] }));
};

/**
 * Whether the timeline shows `staffId` opening the case's conversation: a removal names only
 * messages its decider's own access covered (the reported ones are in every access's scope).
 */
export const conversationReadBy = (detail: Pick<CaseDetail, 'timeline'>, staffId: string): boolean =>
  detail.timeline.some((event) => event.type === 'conversation_accessed' && event.actor?.id === staffId);

/** The decision waiting for a lead, if any: one at most per case. */
export const pendingDecisionOf = (detail: Pick<CaseDetail, 'decisions'>): Decision | undefined =>
  detail.decisions.find((decision) => decision.state === 'pending_approval');

const isLead = (roles: readonly StaffRole[]) => roles.includes('lead');

/** What the case page offers its viewer about deciding. */
export type DecideAccess = 'decide' | 'pending' | 'none';

/**
 * Mirrors the API: the assignee or a lead decides a case in review, with no proposal waiting
 * and its data still there. The API decides in the end.
 */
export const decideAccess = (
  record: CaseListItem | CaseDetail,
  selfId: string | undefined,
  roles: readonly StaffRole[],
): DecideAccess => {
  if (!('decisions' in record) || !Array.isArray(record.decisions) || selfId === undefined) return 'none';
  if (record.status !== 'in_review' || record.dataPurgedAt) return 'none';
  if (!isLead(roles) && !(roles.includes('moderator') && record.assignee?.id === selfId)) return 'none';
  return pendingDecisionOf(record) ? 'pending' : 'decide';
};

/** Whether the viewer took or approved the appealed decision: the appeal must go to someone else. */
export const isOriginalDecider = (
  detail: Pick<CaseDetail, 'appeal'>,
  selfId: string | undefined,
): boolean => {
  const decision = detail.appeal?.decision;
  return (
    selfId !== undefined &&
    decision !== undefined &&
    (decision.decidedBy.id === selfId || decision.reviewedBy?.id === selfId)
  );
};

/** "Clore le dossier": a decided case, by its assignee or a lead. */
export const canClose = (record: CaseListItem, selfId: string | undefined, roles: readonly StaffRole[]) =>
  canTransition(roles, 'close', record.status) && (isLead(roles) || record.assignee?.id === selfId);

/** Notes are the assignee's and leads': the API neither shows nor takes them from anyone else. */
export const canWriteNotes = (record: CaseListItem, selfId: string | undefined, roles: readonly StaffRole[]) =>
  isLead(roles) || (roles.includes('moderator') && record.assignee?.id === selfId);

/** "Rouvrir": leads, on a decided or closed case whose data is still there. */
export const canReopen = (record: CaseListItem | CaseDetail, roles: readonly StaffRole[]) =>
  canTransition(roles, 'reopen', record.status) && !('dataPurgedAt' in record && record.dataPurgedAt);

/** Whether this choice waits for a lead: only when the one deciding is not a lead. */
export const waitsForLead = (
  roles: readonly StaffRole[],
  action: DecisionAction | null,
  durationDays: number | undefined,
): boolean => action !== null && !isLead(roles) && needsLeadApproval(action, durationDays);

/** Reading the duration as typed: whole days, or NaN (which the schema refuses). */
export const parseDays = (typed: string): number | undefined => {
  const trimmed = typed.trim();
  if (trimmed === '') return undefined;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
};

export interface StatementDraft {
  facts: string;
  ground: string;
  automated: boolean;
  redress: string;
}

export interface DecisionDraft extends StatementDraft {
  action: DecisionAction | null;
  durationDays: string;
  messageIds: string[];
  policyClause: PolicyClause | '';
}

export type StatementField = keyof StatementDraft;
export type DecisionField = 'action' | 'durationDays' | 'messageIds' | 'policyClause' | StatementField;

/** Each field's problem, named by the i18n key of its sentence under `vigie.decisions.form.errors`. */
export type DraftErrors<Field extends string> = Partial<Record<Field, string>>;

/** The limits the statement's fields are checked against, for their counters and messages. */
export const STATEMENT_LIMITS: Readonly<
  Record<Exclude<StatementField, 'automated'>, { min: number; max: number }>
> = {
  facts: { min: 20, max: 5000 },
  ground: { min: 5, max: 1000 },
  redress: { min: 5, max: 1000 },
};

const STATEMENT_TEXTS = ['facts', 'ground', 'redress'] as const;

const trimmedProblem = (field: (typeof STATEMENT_TEXTS)[number], value: string): string | undefined => {
  const { length } = value.trim();
  if (length < STATEMENT_LIMITS[field].min) return `${field}_short`;
  return length > STATEMENT_LIMITS[field].max ? 'too_long' : undefined;
};

/**
 * The statement of reasons checked as `statementSchema` checks it (trimmed lengths), trimmed on
 * success. Written out rather than running the schema: zod would weigh on the queue's first load;
 * decisionRules.spec checks both agree.
 */
export const checkStatement = (
  draft: StatementDraft,
):
  | { statement: StatementOfReasons; errors: null }
  | { statement: null; errors: DraftErrors<StatementField> } => {
  const errors: DraftErrors<StatementField> = {};
  for (const field of STATEMENT_TEXTS) {
    const problem = trimmedProblem(field, draft[field]);
    if (problem) errors[field] = problem;
  }
  if (Object.keys(errors).length > 0) return { statement: null, errors };
  return {
    statement: {
      facts: draft.facts.trim(),
      ground: draft.ground.trim(),
      automated: draft.automated,
      redress: draft.redress.trim(),
    },
    errors: null,
  };
};

const MAX_DURATION_DAYS = 3650;
const MAX_MESSAGE_IDS = 200;
const MAX_MESSAGE_ID_LENGTH = 128;

const isAction = (value: unknown): value is DecisionAction =>
  typeof value === 'string' && (DECISION_ACTIONS as readonly string[]).includes(value);

const isClause = (value: unknown): value is PolicyClause =>
  typeof value === 'string' && (POLICY_CLAUSES as readonly string[]).includes(value);

/**
 * The request a draft makes, checked as the API's `decisionRequestSchema` checks it; or each
 * field's problem. The duration goes only with a suspension, the messages only with a removal.
 */
export const checkDecision = (
  draft: DecisionDraft,
  version: number,
): { request: DecisionRequest; errors: null } | { request: null; errors: DraftErrors<DecisionField> } => {
  const checked = checkStatement(draft);
  const errors: DraftErrors<DecisionField> = { ...(checked.errors ?? {}) };
  if (!isAction(draft.action)) errors.action = 'action_required';
  if (!isClause(draft.policyClause)) errors.policyClause = 'clause_required';
  const days = draft.action === 'suspension' ? parseDays(draft.durationDays) : undefined;
  if (
    draft.action === 'suspension' &&
    (days === undefined || !Number.isInteger(days) || days < 1 || days > MAX_DURATION_DAYS)
  )
    errors.durationDays = 'duration_invalid';
  const messageIds = draft.messageIds;
  if (
    draft.action === 'content_removal' &&
    (messageIds.length === 0 ||
      messageIds.length > MAX_MESSAGE_IDS ||
      messageIds.some((id) => id.length === 0 || id.length > MAX_MESSAGE_ID_LENGTH))
  )
    errors.messageIds = 'messages_required';
  if (
    checked.errors ||
    !isAction(draft.action) ||
    !isClause(draft.policyClause) ||
    Object.keys(errors).length > 0
  )
    return { request: null, errors };
  return {
    request: {
      action: draft.action,
      policyClause: draft.policyClause,
      statement: checked.statement,
      ...(draft.action === 'suspension' ? { durationDays: days } : {}),
      ...(draft.action === 'content_removal' ? { messageIds } : {}),
      version,
    },
    errors: null,
  };
};

/** API field paths (`statement.facts`) to the form's fields. */
export const fieldOfApiPath = (path: string): DecisionField | undefined => {
  const [head, tail] = path.split('.');
  if (head === 'statement' && tail && (tail in STATEMENT_LIMITS || tail === 'automated'))
    return tail as StatementField;
  if (head === 'action' || head === 'durationDays' || head === 'messageIds' || head === 'policyClause')
    return head;
  return undefined;
};

/** How many effective sanctions in 12 months make a pattern the moderator must not miss. */
export const PATTERN_THRESHOLD = 2;

/** Actions from the mildest to the heaviest, for colours and the choice cards' order. */
export const ACTION_SEVERITY: Readonly<Record<Decision['action'], number>> = {
  no_violation: 0,
  appeal_upheld: 0,
  appeal_overturned: 0,
  warning: 1,
  content_removal: 2,
  suspension: 3,
  ban: 4,
};
