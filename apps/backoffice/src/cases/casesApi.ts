import type { CaseDetail } from '@vigie/contracts';
import { HttpError, type Identifier } from 'react-admin';
import { apiCall as call, isRecord } from '../providers/api';
import { readAssignees } from '../common/assignees';

export type { Assignee } from '../common/assignees';

const readCase = (body: unknown): CaseDetail => {
  // The API answers the contract's CaseDetail; checking the fields the page relies on is enough.
  if (
    isRecord(body) &&
    typeof body.id === 'string' &&
    Array.isArray(body.timeline) &&
    Array.isArray(body.reports)
  ) {
    return body as unknown as CaseDetail;
  }
  throw new Error('Unexpected case from the API');
};

const caseUrl = (id: Identifier, action: string) => `/cases/${encodeURIComponent(String(id))}/${action}`;

/** `details` of a refusal, when the API gave some. */
const detailsOf = (error: unknown): Record<string, unknown> | undefined =>
  error instanceof HttpError && isRecord(error.body) && isRecord(error.body.details)
    ? error.body.details
    : undefined;

/** Why the API refused to change a case as it was seen: a colleague took it, it changed, it is closed. */
export const CASE_CONFLICTS = ['already_assigned', 'stale_version', 'closed'] as const;
export type CaseConflict = (typeof CASE_CONFLICTS)[number];

/** The conflict behind a 409, or undefined for any other failure. */
export const conflictOf = (error: unknown): CaseConflict | undefined => {
  if (!(error instanceof HttpError) || error.status !== 409) return undefined;
  const code = detailsOf(error)?.code;
  return CASE_CONFLICTS.find((conflict) => conflict === code) ?? 'stale_version';
};

/** The case as it is now, which the API joins to a 409. */
export const currentCaseOf = (error: unknown): CaseDetail | undefined => {
  const current = detailsOf(error)?.case;
  try {
    return current === undefined ? undefined : readCase(current);
  } catch {
    return undefined;
  }
};

/** The queue's actions beyond reading: taking a case and giving it to someone. */
export const casesApi = {
  /** Takes an unassigned case; `version` makes the API refuse if it changed since it was read. */
  async claim(id: Identifier, version?: number): Promise<CaseDetail> {
    const body = version === undefined ? {} : { version };
    return readCase(await call(caseUrl(id, 'claim'), { method: 'POST', body: JSON.stringify(body) }));
  },

  /** Gives the case to a moderator or lead, or back to the queue with `null` (leads only). */
  async assign(id: Identifier, assigneeId: string | null, version?: number): Promise<CaseDetail> {
    const body = version === undefined ? { assigneeId } : { assigneeId, version };
    return readCase(await call(caseUrl(id, 'assign'), { method: 'POST', body: JSON.stringify(body) }));
  },

  /** The active moderators and leads, for the assign picker and the assignee filter. */
  assignees: readAssignees,
};

export type CasesApi = typeof casesApi;
