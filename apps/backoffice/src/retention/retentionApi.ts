import {
  CASE_STATUSES,
  type CaseStatus,
  type LegalHold,
  type LegalHoldChange,
  REPORT_CATEGORIES,
  RETENTION_RUN_STATUSES,
  type ReportCategory,
  type RetentionCounts,
  type RetentionPolicy,
  type RetentionPreview,
  type RetentionPreviewCase,
  type RetentionRun,
  type RetentionRunStatus,
} from '@vigie/contracts';
import { HttpError } from 'react-admin';
import { apiCall as call, isCount, isRecord, refusalCodeOf } from '../providers/api';

/** What `legalHoldSchema` requires of a reason, after trimming. */
export const MIN_HOLD_REASON_LENGTH = 10;
export const MAX_HOLD_REASON_LENGTH = 1000;

export interface Page<T> {
  data: T[];
  total: number;
}

type Staff = { id: string; name: string };

const isStatus = (value: unknown): value is CaseStatus =>
  typeof value === 'string' && (CASE_STATUSES as readonly string[]).includes(value);

const isRunStatus = (value: unknown): value is RetentionRunStatus =>
  typeof value === 'string' && (RETENTION_RUN_STATUSES as readonly string[]).includes(value);

const isCategory = (value: unknown): value is ReportCategory =>
  typeof value === 'string' && (REPORT_CATEGORIES as readonly string[]).includes(value);

const categoriesOf = (value: unknown): ReportCategory[] =>
  Array.isArray(value) ? value.filter(isCategory) : [];

const staffOf = (value: unknown): Staff | null =>
  isRecord(value) && typeof value.id === 'string' && typeof value.name === 'string'
    ? { id: value.id, name: value.name }
    : null;

const readPolicy = (body: unknown): RetentionPolicy => {
  if (
    isRecord(body) &&
    typeof body.period === 'string' &&
    isCount(body.scheduleHours) &&
    isCount(body.batchSize) &&
    typeof body.cutoffNow === 'string'
  ) {
    return {
      period: body.period,
      scheduleHours: body.scheduleHours,
      nextRunAt: typeof body.nextRunAt === 'string' ? body.nextRunAt : null,
      batchSize: body.batchSize,
      cutoffNow: body.cutoffNow,
    };
  }
  throw new Error('Unexpected retention policy from the API');
};

// The preview's rows and the legal holds both start with the case, its status and its categories.
const caseRowOf = (value: unknown) =>
  isRecord(value) && typeof value.caseId === 'string' && isStatus(value.status)
    ? { row: value, caseId: value.caseId, status: value.status, categories: categoriesOf(value.categories) }
    : null;

const readPreviewCase = (value: unknown): RetentionPreviewCase | null => {
  const found = caseRowOf(value);
  if (!found) return null;
  const { row, ...summary } = found;
  if (typeof row.lastActivityAt !== 'string' || typeof row.dueAt !== 'string') return null;
  return {
    ...summary,
    reportCount: isCount(row.reportCount) ? row.reportCount : 0,
    messageCount: isCount(row.messageCount) ? row.messageCount : 0,
    lastActivityAt: row.lastActivityAt,
    dueAt: row.dueAt,
  };
};

const readPreview = (body: unknown): RetentionPreview => {
  const totals = isRecord(body) ? body.totals : undefined;
  if (
    isRecord(body) &&
    typeof body.until === 'string' &&
    typeof body.cutoff === 'string' &&
    isRecord(totals) &&
    isCount(totals.cases) &&
    Array.isArray(body.cases)
  ) {
    return {
      until: body.until,
      cutoff: body.cutoff,
      totals: {
        cases: totals.cases,
        messages: isCount(totals.messages) ? totals.messages : 0,
        reports: isCount(totals.reports) ? totals.reports : 0,
      },
      cases: body.cases.map(readPreviewCase).filter((item): item is RetentionPreviewCase => item !== null),
    };
  }
  throw new Error('Unexpected retention preview from the API');
};

const COUNT_KEYS = [
  'casesPurged',
  'casesClosed',
  'messagesErased',
  'reportCommentsErased',
  'notesErased',
  'usersPseudonymised',
  'conversationsPseudonymised',
  'registerEntriesErased',
  'journalEntriesErased',
] as const satisfies readonly (keyof RetentionCounts)[];

const readCounts = (value: unknown): RetentionCounts => {
  const counts = isRecord(value) ? value : {};
  // A count the API leaves out (an older run) reads as nothing done, never as a crash.
  return Object.fromEntries(COUNT_KEYS.map((key) => [key, isCount(counts[key]) ? counts[key] : 0])) as Record<
    (typeof COUNT_KEYS)[number],
    number
  >;
};

const TRIGGERS = ['schedule', 'manual', 'cli', 'request'] as const;
const isTrigger = (value: unknown): value is RetentionRun['trigger'] =>
  typeof value === 'string' && (TRIGGERS as readonly string[]).includes(value);

const readRunOrNull = (body: unknown): RetentionRun | null =>
  isRecord(body) &&
  typeof body.id === 'string' &&
  typeof body.startedAt === 'string' &&
  typeof body.cutoff === 'string' &&
  typeof body.dryRun === 'boolean' &&
  isRunStatus(body.status)
    ? {
        id: body.id,
        startedAt: body.startedAt,
        finishedAt: typeof body.finishedAt === 'string' ? body.finishedAt : null,
        cutoff: body.cutoff,
        reference: typeof body.reference === 'string' ? body.reference : null,
        dryRun: body.dryRun,
        status: body.status,
        trigger: isTrigger(body.trigger) ? body.trigger : 'manual',
        startedBy: staffOf(body.startedBy),
        casesDue: isCount(body.casesDue) ? body.casesDue : 0,
        batches: isCount(body.batches) ? body.batches : 0,
        counts: readCounts(body.counts),
        error: typeof body.error === 'string' ? body.error : null,
      }
    : null;

const readRun = (body: unknown): RetentionRun => {
  const run = readRunOrNull(body);
  if (run) return run;
  throw new Error('Unexpected retention run from the API');
};

const readHold = (value: unknown): LegalHold | null => {
  const found = caseRowOf(value);
  if (!found) return null;
  const { row, ...summary } = found;
  if (typeof row.placedAt !== 'string') return null;
  return {
    ...summary,
    lastActivityAt: typeof row.lastActivityAt === 'string' ? row.lastActivityAt : row.placedAt,
    // Admins get the hold without its reason.
    reason: typeof row.reason === 'string' ? row.reason : null,
    placedAt: row.placedAt,
    placedBy: staffOf(row.placedBy),
  };
};

const readPage = <T>(body: unknown, read: (value: unknown) => T | null, what: string): Page<T> => {
  if (isRecord(body) && Array.isArray(body.data)) {
    const data = body.data.map(read).filter((item): item is T => item !== null);
    return { data, total: isCount(body.total) ? body.total : data.length };
  }
  throw new Error(`Unexpected ${what} from the API`);
};

// The API answers the hold alone (never the case): the case page reloads the case afterwards.
const readHoldChange = (body: unknown): LegalHoldChange => {
  if (isRecord(body) && typeof body.caseId === 'string' && typeof body.legalHold === 'boolean' && typeof body.at === 'string') {
    return {
      caseId: body.caseId,
      legalHold: body.legalHold,
      reason: typeof body.reason === 'string' ? body.reason : '',
      at: body.at,
      by: staffOf(body.by),
    };
  }
  throw new Error('Unexpected legal hold from the API');
};

const holdUrl = (caseId: string) => `/cases/${encodeURIComponent(caseId)}/legal-hold`;

/** The API's refusal to start a run while another one is going. */
export const isRunAlreadyGoing = (error: unknown): boolean =>
  error instanceof HttpError && error.status === 409 && refusalCodeOf(error) === 'retention_running';

/** The retention screen's calls: the policy, what is due, the runs and the legal holds. */
export const retentionApi = {
  async policy(): Promise<RetentionPolicy> {
    return readPolicy(await call('/retention/policy'));
  },

  /** The cases due by `until`, soonest first, with totals. */
  async preview(until: Date): Promise<RetentionPreview> {
    return readPreview(await call(`/retention/preview?until=${encodeURIComponent(until.toISOString())}`));
  },

  /** The runs, newest first. */
  async runs(page: number, perPage: number): Promise<Page<RetentionRun>> {
    return readPage(await call(`/retention/runs?page=${page}&perPage=${perPage}`), readRunOrNull, 'runs');
  },

  async run(id: string): Promise<RetentionRun> {
    return readRun(await call(`/retention/runs/${encodeURIComponent(id)}`));
  },

  /** Starts a run (202, status `running`): it goes on in the background, read it again to follow it. */
  async startRun(dryRun: boolean): Promise<RetentionRun> {
    return readRun(await call('/retention/runs', { method: 'POST', body: JSON.stringify({ dryRun }) }));
  },

  async legalHolds(): Promise<Page<LegalHold>> {
    return readPage(await call('/retention/legal-holds'), readHold, 'legal holds');
  },

  async placeHold(caseId: string, reason: string): Promise<LegalHoldChange> {
    return readHoldChange(await call(holdUrl(caseId), { method: 'POST', body: JSON.stringify({ reason }) }));
  },

  /** A DELETE with a body: the reason for lifting is written to the case's history too. */
  async liftHold(caseId: string, reason: string): Promise<LegalHoldChange> {
    return readHoldChange(await call(holdUrl(caseId), { method: 'DELETE', body: JSON.stringify({ reason }) }));
  },
};

export type RetentionApi = typeof retentionApi;
