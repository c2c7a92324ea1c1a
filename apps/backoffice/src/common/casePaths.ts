import type { StaffRole } from '@vigie/contracts';
import { canAccess } from '../permissions';

/** The DPO's page of a case: its metadata, never its contents. */
export const caseMetadataPath = (caseId: string): string => `/case-metadata/${encodeURIComponent(caseId)}`;

/**
 * Where a case id leads whoever reads it: the case page for moderators and leads, its metadata
 * for the DPO, nowhere for admins.
 */
export const casePathFor = (roles: readonly StaffRole[], caseId: string): string | null => {
  if (canAccess(roles, 'queue.view')) return `/cases/${encodeURIComponent(caseId)}/show`;
  if (canAccess(roles, 'case.metadata')) return caseMetadataPath(caseId);
  return null;
};
