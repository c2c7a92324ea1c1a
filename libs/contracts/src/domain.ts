/** What a report button lets a user choose. */
export const REPORT_CATEGORIES = [
  'harassment',
  'sexual_content',
  'hate',
  'threat_violence',
  'spam_scam',
  'personal_data',
  'minor_safety',
  'impersonation',
  'other',
] as const;
export type ReportCategory = (typeof REPORT_CATEGORIES)[number];

export const PLATFORM_USER_KINDS = ['explorer', 'expert'] as const;
export type PlatformUserKind = (typeof PLATFORM_USER_KINDS)[number];

export const CASE_STATUSES = ['open', 'in_review', 'actioned', 'dismissed', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CLOSE_REASONS = ['resolved', 'retention_expired', 'duplicate', 'erasure_requested'] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];

export const DECISION_ACTIONS = ['no_violation', 'warning', 'content_removal', 'suspension', 'ban'] as const;
export type DecisionAction = (typeof DECISION_ACTIONS)[number];

/**
 * The legal basis and purpose of every access to a conversation. They are written by
 * the system, never typed by staff: the privacy policy fixes them.
 */
export const LEGAL_BASIS = 'GDPR-6-1-f' as const;
export const ACCESS_PURPOSE = 'moderation.report-review' as const;

/** Default retention: 3 years from the last activity (ISO 8601 duration). */
export const DEFAULT_RETENTION_PERIOD = 'P3Y' as const;

/** How much a category weighs in a case's priority (the queue's first order). */
export const CATEGORY_SEVERITY: Readonly<Record<ReportCategory, number>> = {
  minor_safety: 1000,
  threat_violence: 900,
  sexual_content: 700,
  hate: 600,
  harassment: 500,
  personal_data: 400,
  impersonation: 300,
  spam_scam: 200,
  other: 100,
};
