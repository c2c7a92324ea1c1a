import { type CaseDetail, STAFF_ROLES, type StaffRole } from '@vigie/contracts';
import { HttpError, type Identifier } from 'react-admin';
import { API_PREFIX, fetchJson } from '../../providers/httpClient';
import { toHttpError } from '../../providers/serverErrors';

/** Someone the queue's work may be given to: an active moderator or lead. */
export interface Assignee {
  id: string;
  name: string;
  roles: StaffRole[];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isStaffRole = (value: unknown): value is StaffRole =>
  typeof value === 'string' && (STAFF_ROLES as readonly string[]).includes(value);

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

const readAssignee = (value: unknown): Assignee | null =>
  isRecord(value) && typeof value.id === 'string' && typeof value.name === 'string'
    ? {
        id: value.id,
        name: value.name,
        roles: Array.isArray(value.roles) ? value.roles.filter(isStaffRole) : [],
      }
    : null;

const call = async (path: string, init?: RequestInit): Promise<unknown> => {
  try {
    return (await fetchJson(`${API_PREFIX}${path}`, init)).json;
  } catch (error) {
    // The same errors as the dataProvider's: notifications translate their message.
    throw toHttpError(error);
  }
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
  async assignees(): Promise<Assignee[]> {
    const body = await call('/cases/assignees');
    if (isRecord(body) && Array.isArray(body.data)) {
      return body.data.map(readAssignee).filter((assignee): assignee is Assignee => assignee !== null);
    }
    throw new Error('Unexpected assignees from the API');
  },
};

export type CasesApi = typeof casesApi;
