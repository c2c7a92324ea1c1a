import type { CaseStatus, ReportCategory } from './domain';

export const RETENTION_RUN_STATUSES = ['running', 'completed', 'failed', 'interrupted'] as const;
export type RetentionRunStatus = (typeof RETENTION_RUN_STATUSES)[number];

/** What a run did (or, dry, would do), by kind. */
export interface RetentionCounts {
  /** Expired cases processed: closed if they were open, their personal data erased. */
  casesPurged: number;
  /** Of those, cases that were still open or in review and were closed as `retention_expired`. */
  casesClosed: number;
  messagesErased: number;
  reportCommentsErased: number;
  /** Internal notes deleted; decision facts, review notes and appeal statements blanked with them. */
  notesErased: number;
  usersPseudonymised: number;
  conversationsPseudonymised: number;
  registerEntriesErased: number;
  /** Staff journal entries older than STAFF_JOURNAL_RETENTION whose personal fields were blanked (the chain still verifies). */
  journalEntriesErased: number;
}

export interface RetentionRun {
  id: string;
  startedAt: string;
  finishedAt: string | null;
  /** Cases whose last activity is before this instant were due. */
  cutoff: string;
  dryRun: boolean;
  status: RetentionRunStatus;
  trigger: 'schedule' | 'manual' | 'cli' | 'request';
  /** The person's request a `request` run answered (the DPO's reference); null otherwise. */
  reference?: string | null;
  startedBy: { id: string; name: string } | null;
  /** Expired cases found when the run started: progress is `counts.casesPurged / casesDue`. */
  casesDue: number;
  batches: number;
  counts: RetentionCounts;
  error: string | null;
}

/** The policy in force, as configured. */
export interface RetentionPolicy {
  /** ISO 8601 duration, `P3Y` by default. */
  period: string;
  /** Hours between scheduled runs; 0 when runs are manual only. */
  scheduleHours: number;
  nextRunAt: string | null;
  batchSize: number;
  /** The cutoff a run started now would use. */
  cutoffNow: string;
}

/** A case that runs up to the preview's date will erase. Pseudonymous: no names, no platform ids. */
export interface RetentionPreviewCase {
  caseId: string;
  status: CaseStatus;
  categories: ReportCategory[];
  reportCount: number;
  messageCount: number;
  lastActivityAt: string;
  /** When the case becomes due: its last activity plus the retention period. */
  dueAt: string;
}

export interface RetentionPreview {
  until: string;
  cutoff: string;
  totals: { cases: number; messages: number; reports: number };
  /** The first cases due, soonest first (at most 200). */
  cases: RetentionPreviewCase[];
}

export interface LegalHold {
  caseId: string;
  status: CaseStatus;
  categories: ReportCategory[];
  lastActivityAt: string;
  /** Null for whoever may not read hold reasons (`legal_hold.reason`): admins. */
  reason: string | null;
  placedAt: string;
  placedBy: { id: string; name: string } | null;
}

/** What placing or lifting a hold answers: the hold alone, never the case. */
export interface LegalHoldChange {
  caseId: string;
  /** Whether the case is held now. */
  legalHold: boolean;
  /** The reason given for this change (placing or lifting). */
  reason: string;
  at: string;
  by: { id: string; name: string } | null;
}
