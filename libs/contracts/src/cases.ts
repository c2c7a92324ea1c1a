import type { CaseNote, Decision } from './decisions';
import type { CaseStatus, CloseReason, PlatformUserKind, ReportCategory } from './domain';

/** A platform user as staff see them on a case: never their messages. */
export interface CaseParticipant {
  id: string;
  externalId: string;
  kind: PlatformUserKind | null;
  displayName: string | null;
}

/**
 * The queue counts its cases up to this many: beyond, `total` is this number and `totalCapped`
 * is true ("10 000+"). An exact count of 135 k open cases costs 50–170 ms on every page; no one
 * pages that far, and the count of a capped view stays a few milliseconds.
 */
export const CASE_COUNT_LIMIT = 10_000;

/** The queue's answer: a page of cases, and how many there are — at most `CASE_COUNT_LIMIT`. */
export interface CaseListResponse {
  data: CaseListItem[];
  total: number;
  totalCapped: boolean;
}

/** One row of the moderators' queue. */
export interface CaseListItem {
  id: string;
  status: CaseStatus;
  priority: number;
  categories: ReportCategory[];
  reportCount: number;
  reporterCount: number;
  reportedUser: CaseParticipant | null;
  assignee: { id: string; name: string } | null;
  createdAt: string;
  lastActivityAt: string;
  legalHold: boolean;
  /** Set on an appeal case: the decision appealed against. */
  appealOfDecisionId: string | null;
  version: number;
}

export interface CaseReport {
  id: string;
  externalId: string;
  category: ReportCategory;
  comment: string | null;
  /**
   * Fields of the report as sent in which code points PostgreSQL cannot store (U+0000, lone
   * surrogates) were replaced with U+FFFD: `comment`, `reporter.displayName`,
   * `conversation.messages.3.body`… Empty for most reports.
   */
  cleanedFields: string[];
  reporter: CaseParticipant;
  reported: CaseParticipant;
  reportedMessageIds: string[];
  reportedAt: string;
  receivedAt: string;
}

export interface CaseEvent {
  id: string;
  at: string;
  type: string;
  actor: { id: string; name: string } | null;
  data: Record<string, unknown>;
}

/** A case with its reports, participants and timeline — no message bodies. */
export interface CaseDetail extends CaseListItem {
  conversationExternalId: string;
  messageCount: number;
  closeReason: CloseReason | null;
  closedAt: string | null;
  /** Set once retention erased the case's personal data. */
  dataPurgedAt: string | null;
  /** A person concerned asked for their data's processing to be restricted (GDPR Art. 18): the gate refuses it. */
  restricted?: boolean;
  /**
   * Why and by whom the case is kept past its retention period; null without a hold. The reason
   * is null for whoever may not read it (`legal_hold.reason`).
   */
  legalHoldDetail: { reason: string | null; placedAt: string; placedBy: { id: string; name: string } | null } | null;
  participants: CaseParticipant[];
  reports: CaseReport[];
  decisions: Decision[];
  /** Empty for a moderator who is not the assignee: notes are the assignee's and leads'. */
  notes: CaseNote[];
  /** On an appeal case: the appealed decision and the appeal as the platform sent it. */
  appeal: { decision: Decision; appellantExternalId: string; statement: string | null; submittedAt: string } | null;
  timeline: CaseEvent[];
}

export const CASE_SORT_FIELDS = ['priority', 'createdAt', 'lastActivityAt'] as const;
