import type { StaffRole } from '@vigie/contracts';

/** Who wants to work (or look at) a case. */
export interface CaseWorker {
  id: string;
  roles: readonly StaffRole[];
}

/** A case is worked by its assignee, or by a lead. */
export function isAssigneeOrLead(assigneeId: string | null, worker: CaseWorker): boolean {
  return worker.roles.includes('lead') || assigneeId === worker.id;
}
