import {
  type BulkAction,
  type BulkResult,
  CASE_STATUSES,
  type CaseDetail,
  type CaseNote,
  type CaseStatus,
  type CaseTransition,
  type Decision,
  type DecisionRequest,
  type PolicyClause,
  type StatementOfReasons,
  type UserHistory,
} from '@vigie/contracts';
import { HttpError, type Identifier } from 'react-admin';
import { apiCall as call, apiPost as post, isRecord } from '../providers/api';

const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0;

const isStatus = (value: unknown): value is CaseStatus =>
  typeof value === 'string' && (CASE_STATUSES as readonly string[]).includes(value);

// The API answers the contract's types; checking the fields the screens rely on is enough.
const readCase = (body: unknown): CaseDetail => {
  if (isRecord(body) && typeof body.id === 'string' && Array.isArray(body.timeline)) {
    return body as unknown as CaseDetail;
  }
  throw new Error('Unexpected case from the API');
};

const isDecision = (value: unknown): value is Decision =>
  isRecord(value) &&
  typeof value.id === 'string' &&
  typeof value.caseId === 'string' &&
  typeof value.action === 'string' &&
  typeof value.state === 'string' &&
  typeof value.decidedAt === 'string' &&
  isRecord(value.decidedBy) &&
  isRecord(value.statement);

const readNote = (body: unknown): CaseNote => {
  if (isRecord(body) && typeof body.id === 'string' && typeof body.text === 'string') {
    return body as unknown as CaseNote;
  }
  throw new Error('Unexpected note from the API');
};

type PastDecision = UserHistory['cases'][number]['decisions'][number];

const isPastDecision = (value: unknown): value is PastDecision =>
  isRecord(value) &&
  typeof value.action === 'string' &&
  typeof value.state === 'string' &&
  typeof value.decidedAt === 'string';

const readHistory = (body: unknown): UserHistory => {
  if (
    isRecord(body) &&
    Array.isArray(body.cases) &&
    isCount(body.actionedLast6Months) &&
    isCount(body.actionedLast12Months)
  ) {
    return {
      user: isRecord(body.user) ? (body.user as UserHistory['user']) : null,
      cases: body.cases
        .filter((item): item is Record<string, unknown> => isRecord(item) && typeof item.caseId === 'string')
        .map((item) => ({
          caseId: String(item.caseId),
          status: isStatus(item.status) ? item.status : 'open',
          createdAt: typeof item.createdAt === 'string' ? item.createdAt : '',
          categories: Array.isArray(item.categories)
            ? item.categories.filter((c) => typeof c === 'string')
            : [],
          decisions: Array.isArray(item.decisions) ? item.decisions.filter(isPastDecision) : [],
        })),
      actionedLast6Months: body.actionedLast6Months,
      actionedLast12Months: body.actionedLast12Months,
    };
  }
  throw new Error('Unexpected history from the API');
};

const readBulkResult = (body: unknown): BulkResult => {
  if (isRecord(body) && Array.isArray(body.results) && isCount(body.succeeded) && isCount(body.failed)) {
    return {
      results: body.results
        .filter((item): item is Record<string, unknown> => isRecord(item) && typeof item.caseId === 'string')
        .map((item) => ({
          caseId: String(item.caseId),
          ok: item.ok === true,
          ...(typeof item.code === 'string' ? { code: item.code } : {}),
        })),
      succeeded: body.succeeded,
      failed: body.failed,
    };
  }
  throw new Error('Unexpected bulk result from the API');
};

const caseUrl = (id: Identifier, ...rest: string[]) =>
  ['/cases', encodeURIComponent(String(id)), ...rest.map(encodeURIComponent)].join('/');

/** The field problems of a 400, as the API words them: `[{ field, code?, message }]`. */
export const fieldProblemsOf = (error: unknown): { field: string; code?: string; message: string }[] => {
  if (!(error instanceof HttpError) || error.status !== 400 || !isRecord(error.body)) return [];
  const { details } = error.body;
  const list = Array.isArray(details)
    ? details
    : isRecord(details) && Array.isArray(details.fields)
      ? details.fields
      : [];
  return list.filter(
    (item): item is { field: string; code?: string; message: string } =>
      isRecord(item) && typeof item.field === 'string' && typeof item.message === 'string',
  );
};

export type AppealOutcome = 'upheld' | 'overturned';

export type BulkRequest =
  | { action: 'assign'; caseIds: string[]; assigneeId: string }
  | { action: 'dismiss'; caseIds: string[]; policyClause: PolicyClause; statement: StatementOfReasons };

/** Working a case to the end: deciding, reviewing, notes, closing and reopening, the user's record. */
export const decisionsApi = {
  /** A decision with its statement of reasons; a moderator's heavy sanction comes back pending. */
  async decide(id: Identifier, request: DecisionRequest): Promise<CaseDetail> {
    return readCase(await post(caseUrl(id, 'decision'), request));
  },

  /** A lead approves or rejects a proposed decision. */
  async review(id: Identifier, decisionId: string, approve: boolean, note?: string): Promise<CaseDetail> {
    const body = note ? { approve, note } : { approve };
    return readCase(await post(caseUrl(id, 'decisions', decisionId, 'review'), body));
  },

  /** Proposed decisions waiting for a lead, oldest first. */
  async pending(): Promise<{ data: Decision[]; total: number }> {
    const body = await call('/decisions/pending');
    if (isRecord(body) && Array.isArray(body.data)) {
      const data = body.data.filter(isDecision);
      return { data, total: isCount(body.total) ? body.total : data.length };
    }
    throw new Error('Unexpected pending decisions from the API');
  },

  async transition(id: Identifier, transition: CaseTransition, version: number, reason?: string) {
    const body = reason ? { transition, reason, version } : { transition, version };
    return readCase(await post(caseUrl(id, 'status'), body));
  },

  async addNote(id: Identifier, text: string): Promise<CaseNote> {
    return readNote(await post(caseUrl(id, 'notes'), { text }));
  },

  async editNote(id: Identifier, noteId: string, text: string): Promise<CaseNote> {
    return readNote(
      await call(caseUrl(id, 'notes', noteId), { method: 'PATCH', body: JSON.stringify({ text }) }),
    );
  },

  /** The reported user's other cases and decisions, and their recent sanctions. */
  async history(id: Identifier): Promise<UserHistory> {
    return readHistory(await call(caseUrl(id, 'history')));
  },

  async appealOutcome(
    id: Identifier,
    outcome: AppealOutcome,
    statement: StatementOfReasons,
    version: number,
  ): Promise<CaseDetail> {
    return readCase(await post(caseUrl(id, 'appeal-outcome'), { outcome, statement, version }));
  },

  /** Many cases at once: each gets its own decision or assignment, and its own verdict. */
  async bulk(request: BulkRequest): Promise<BulkResult> {
    return readBulkResult(await post('/cases/bulk', request satisfies BulkAction));
  },
};

export type DecisionsApi = typeof decisionsApi;
