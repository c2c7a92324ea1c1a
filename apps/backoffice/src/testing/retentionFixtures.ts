import type {
  LegalHold,
  RetentionCounts,
  RetentionPolicy,
  RetentionPreview,
  RetentionPreviewCase,
  RetentionRun,
} from '@vigie/contracts';

/** The default policy as `GET /retention/policy` answers it: 3 years, a run every day. */
export const aPolicy = (overrides: Partial<RetentionPolicy> = {}): RetentionPolicy => ({
  period: 'P3Y',
  scheduleHours: 24,
  nextRunAt: '2026-11-27T10:00:00.000Z',
  batchSize: 500,
  cutoffNow: '2023-11-26T10:00:00.000Z',
  ...overrides,
});

/** A case due soon, pseudonymous as the preview answers it. */
export const aPreviewCase = (overrides: Partial<RetentionPreviewCase> = {}): RetentionPreviewCase => ({
  caseId: '0a1b2c3d-0000-4000-8000-000000000001',
  status: 'dismissed',
  categories: ['harassment', 'spam_scam'],
  reportCount: 2,
  messageCount: 31,
  lastActivityAt: '2023-12-01T10:00:00.000Z',
  dueAt: '2026-12-01T10:00:00.000Z',
  ...overrides,
});

export const aPreview = (overrides: Partial<RetentionPreview> = {}): RetentionPreview => ({
  until: '2026-12-26T10:00:00.000Z',
  cutoff: '2023-12-26T10:00:00.000Z',
  totals: { cases: 42, messages: 1337, reports: 57 },
  cases: [
    aPreviewCase(),
    aPreviewCase({
      caseId: '0a1b2c3d-0000-4000-8000-000000000002',
      status: 'open',
      categories: ['minor_safety'],
      lastActivityAt: '2023-12-10T08:00:00.000Z',
      dueAt: '2026-12-10T08:00:00.000Z',
    }),
  ],
  ...overrides,
});

export const someCounts = (overrides: Partial<RetentionCounts> = {}): RetentionCounts => ({
  casesPurged: 0,
  casesClosed: 0,
  messagesErased: 0,
  reportCommentsErased: 0,
  notesErased: 0,
  usersPseudonymised: 0,
  conversationsPseudonymised: 0,
  registerEntriesErased: 0,
  journalEntriesErased: 0,
  ...overrides,
});

/** A finished manual run by the DPO, unless told otherwise. */
export const aRun = (overrides: Partial<RetentionRun> = {}): RetentionRun => ({
  id: '5a5a5a5a-0000-4000-8000-000000000001',
  startedAt: '2026-11-26T10:00:00.000Z',
  finishedAt: '2026-11-26T10:03:05.000Z',
  cutoff: '2023-11-26T10:00:00.000Z',
  dryRun: false,
  status: 'completed',
  trigger: 'manual',
  startedBy: { id: 'staff-dpo', name: 'Inès Dubois' },
  casesDue: 12,
  batches: 1,
  counts: someCounts({
    casesPurged: 12,
    casesClosed: 3,
    messagesErased: 340,
    reportCommentsErased: 15,
    notesErased: 4,
    usersPseudonymised: 20,
    conversationsPseudonymised: 12,
    registerEntriesErased: 8,
    journalEntriesErased: 0,
  }),
  error: null,
  ...overrides,
});

/** A hold a lead placed on a case that is past its retention period. */
export const aLegalHold = (overrides: Partial<LegalHold> = {}): LegalHold => ({
  caseId: '7b7b7b7b-0000-4000-8000-000000000001',
  status: 'actioned',
  categories: ['threat_violence'],
  lastActivityAt: '2023-05-02T10:00:00.000Z',
  reason: 'Réquisition judiciaire n° 2026/118 du parquet de Lyon',
  placedAt: '2026-10-15T10:20:00.000Z',
  placedBy: { id: 'staff-lead', name: 'Julie Martin' },
  ...overrides,
});
