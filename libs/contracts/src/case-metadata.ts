import type { DecisionRecordAction, DecisionState, PolicyClause } from './decisions';
import type { CaseStatus, CloseReason, ReportCategory } from './domain';

/**
 * The DPO's view of a case: what happened to it and when, never what was said or written about
 * it — no report comments, notes, decision facts or appeal statements. Platform users appear by
 * their platform id (and names only for the participants), as the register and a person's
 * report name them.
 */
export interface CaseMetadata {
  id: string;
  status: CaseStatus;
  categories: ReportCategory[];
  createdAt: string;
  lastActivityAt: string;
  closedAt: string | null;
  closeReason: CloseReason | null;
  dataPurgedAt: string | null;
  legalHold: boolean;
  /** A person concerned asked for their data's processing to be restricted (GDPR Art. 18). */
  restricted?: boolean;
  /** Set on an appeal case: the decision appealed against. */
  appealOfDecisionId: string | null;
  conversationExternalId: string;
  messageCount: number;
  participants: { externalId: string; displayName: string | null }[];
  reports: {
    id: string;
    category: ReportCategory;
    reportedAt: string;
    receivedAt: string;
    reporterExternalId: string;
    reportedExternalId: string;
  }[];
  decisions: {
    id: string;
    action: DecisionRecordAction;
    policyClause: PolicyClause;
    state: DecisionState;
    durationDays: number | null;
    decidedAt: string;
    decidedBy: { id: string; name: string };
  }[];
  /** The timeline's events by type, without what they carried. */
  timeline: { at: string; type: string; actor: { id: string; name: string } | null }[];
}
