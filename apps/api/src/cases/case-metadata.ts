import type { CaseDetail, CaseMetadata } from '@vigie/contracts';

/**
 * The DPO's view of a case, picked field by field from the case (a list of what may go, never a
 * list of what may not): a field added to the case later stays out until someone adds it here.
 */
export function caseMetadataOf(detail: CaseDetail): CaseMetadata {
  return {
    id: detail.id,
    status: detail.status,
    categories: detail.categories,
    createdAt: detail.createdAt,
    lastActivityAt: detail.lastActivityAt,
    closedAt: detail.closedAt,
    closeReason: detail.closeReason,
    dataPurgedAt: detail.dataPurgedAt,
    legalHold: detail.legalHold,
    restricted: detail.restricted ?? false,
    appealOfDecisionId: detail.appealOfDecisionId,
    conversationExternalId: detail.conversationExternalId,
    messageCount: detail.messageCount,
    participants: detail.participants.map((p) => ({ externalId: p.externalId, displayName: p.displayName })),
    reports: detail.reports.map((r) => ({
      id: r.id,
      category: r.category,
      reportedAt: r.reportedAt,
      receivedAt: r.receivedAt,
      reporterExternalId: r.reporter.externalId,
      reportedExternalId: r.reported.externalId,
    })),
    decisions: detail.decisions.map((d) => ({
      id: d.id,
      action: d.action,
      policyClause: d.policyClause,
      state: d.state,
      durationDays: d.durationDays,
      decidedAt: d.decidedAt,
      decidedBy: d.decidedBy,
    })),
    timeline: detail.timeline.map((e) => ({ at: e.at, type: e.type, actor: e.actor })),
  };
}
