import { canAccess, type CaseDetail } from '@vigie/contracts';
import { type CaseWorker, isAssigneeOrLead } from './case-worker';

/** Who looks at a case: as for working it, their id and roles. */
export type CaseViewer = CaseWorker;

const HOLD_EVENTS = new Set(['legal_hold_placed', 'legal_hold_lifted']);

/**
 * The case as `viewer` may see it: notes are the working memory of whoever works the case (its
 * assignee and leads), and why a case is held is for those who may hold it (hold reasons may name
 * people or proceedings). The rest of the case is the same for every moderator and lead.
 */
export function caseSeenBy(detail: CaseDetail, viewer: CaseViewer): CaseDetail {
  const seesNotes = isAssigneeOrLead(detail.assignee?.id ?? null, viewer);
  const seesHoldReasons = canAccess(viewer.roles, 'legal_hold.reason');
  if (seesNotes && seesHoldReasons) return detail;
  return {
    ...detail,
    notes: seesNotes ? detail.notes : [],
    legalHoldDetail: detail.legalHoldDetail && !seesHoldReasons ? { ...detail.legalHoldDetail, reason: null } : detail.legalHoldDetail,
    timeline: seesHoldReasons
      ? detail.timeline
      : detail.timeline.map((event) => (HOLD_EVENTS.has(event.type) ? { ...event, data: withoutReason(event.data) } : event)),
  };
}

function withoutReason(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).filter(([key]) => key !== 'reason'));
}
