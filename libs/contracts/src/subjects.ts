import type { AccessOutcome } from './register';
import type { CaseStatus, PlatformUserKind, ReportCategory } from './domain';
import type { GrantScope } from './gate';

/**
 * A person's access report (GDPR Art. 15): every access of staff to a conversation concerning a
 * platform user, as the DPO reads it and as the person receives it. Never a message body, never
 * another person's name or platform id.
 */

/** One person found by the DPO's search (`GET /audit/subjects?q=`). */
export interface SubjectSummary {
  externalId: string;
  displayName: string | null;
  casesAsReporter: number;
  casesAsReported: number;
}

/** How a person takes part in a case: they reported, were reported, or only wrote in the conversation. */
export const SUBJECT_ROLES = ['reporter', 'reported', 'participant'] as const;
export type SubjectRole = (typeof SUBJECT_ROLES)[number];

/** A case the person is part of, without anyone else's identity. */
export interface SubjectCase {
  caseId: string;
  /** Reporter and/or reported; `participant` alone when they only took part in the conversation. */
  roles: SubjectRole[];
  status: CaseStatus;
  openedAt: string;
  lastActivityAt: string;
  categories: ReportCategory[];
  /** The other people of the conversation, counted, never named ("another participant"). */
  otherParticipants: number;
  /** When retention erased the case's data; null while it is kept. */
  dataPurgedAt: string | null;
}

/** One register entry that concerns the person. */
export interface SubjectAccess {
  /** The register's entry number, to find it again in the register. */
  sequence: number;
  at: string;
  caseId: string | null;
  outcome: AccessOutcome;
  /** Why a `denied` entry was refused. */
  reason: string | null;
  purpose: string;
  legalBasis: string;
  /** The legitimate-interest assessment in force when the entry was written (null for entries older than register format 3). */
  liaVersion: number | null;
  /**
   * What the access covered: `messageCount` messages of the conversation; `ownMessageCount` of them
   * written by the person (known for `read` entries, which list the messages read; null otherwise).
   */
  scope: { kind: GrantScope; messageCount: number; ownMessageCount: number | null } | null;
  /** How the person relates to the case read (from the case's reports; `participant` otherwise). */
  roles: SubjectRole[];
  /** The entry's content role (`lead` or `moderator`; another role for a refused attempt). */
  staffRole: string;
  staffId: string;
  staffName: string | null;
}

/** `GET /audit/subjects/:externalId/report`. */
export interface SubjectReport {
  subject: { externalId: string; displayName: string | null; kind: PlatformUserKind | null };
  cases: SubjectCase[];
  /** Oldest first. */
  accesses: SubjectAccess[];
  generatedAt: string;
  /** The restriction of processing standing on the person's data (GDPR Art. 18); null when none. */
  restriction?: SubjectRestriction | null;
}

export const SUBJECT_REPORT_FORMATS = ['json', 'csv', 'pdf'] as const;
export type SubjectReportFormat = (typeof SUBJECT_REPORT_FORMATS)[number];

/** The languages of the documents handed to people and of the record of processing. */
export const DOCUMENT_LANGUAGES = ['fr', 'en'] as const;
export type DocumentLanguage = (typeof DOCUMENT_LANGUAGES)[number];

/**
 * The record of processing activities (GDPR Art. 30), generated from the running configuration:
 * never written by hand, so never out of date. `sections` are in the language asked for.
 */
export interface ProcessingRecord {
  generatedAt: string;
  language: DocumentLanguage;
  controller: { name: string; contact: string };
  dpo: { contact: string };
  legalBasis: string;
  purposes: string[];
  retentionPeriod: string;
  /** Where decisions go to the platform; null when no webhook is configured. */
  platformWebhookUrl: string | null;
  /** The legitimate-interest assessment in force (null if none is). */
  lia: { version: number; effectiveFrom: string; digest: string } | null;
  sections: ProcessingRecordSection[];
}

export const PROCESSING_RECORD_SECTIONS = [
  'controller',
  'purposes',
  'legal_basis',
  'people',
  'data',
  'recipients',
  'retention',
  'security',
  'transfers',
] as const;
export type ProcessingRecordSectionId = (typeof PROCESSING_RECORD_SECTIONS)[number];

export interface ProcessingRecordSection {
  id: ProcessingRecordSectionId;
  title: string;
  items: string[];
}

/** A restriction of processing (GDPR Art. 18, 21): while it stands, no conversation involving the person opens. */
export interface SubjectRestriction {
  reason: string;
  reference: string;
  restrictedAt: string;
  restrictedBy: { id: string; name: string } | null;
}

/** `GET /audit/subjects/:externalId/erasure`: what an erasure on request would erase, and what holds it back. */
export interface SubjectErasurePreview {
  /** The person's cases (reporter, reported, appellant) whose data would be erased. */
  caseIds: string[];
  /** Those held (legal hold, appeal under way): while any is, the request is refused. */
  heldCaseIds: string[];
  messages: number;
  reports: number;
}
