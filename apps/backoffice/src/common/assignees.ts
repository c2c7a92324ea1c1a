import { STAFF_ROLES, type StaffRole } from '@vigie/contracts';
import { useEffect, useState } from 'react';
import { apiCall, isRecord } from '../providers/api';

// Shared: the queue's assign picker and filter, and the bulk assignment, all pick from this list.

/** Someone the queue's work may be given to: an active moderator or lead. */
export interface Assignee {
  id: string;
  name: string;
  roles: StaffRole[];
}

const isStaffRole = (value: unknown): value is StaffRole =>
  typeof value === 'string' && (STAFF_ROLES as readonly string[]).includes(value);

const readAssignee = (value: unknown): Assignee | null =>
  isRecord(value) && typeof value.id === 'string' && typeof value.name === 'string'
    ? {
        id: value.id,
        name: value.name,
        roles: Array.isArray(value.roles) ? value.roles.filter(isStaffRole) : [],
      }
    : null;

/** `GET /cases/assignees`: the active moderators and leads. */
export const readAssignees = async (): Promise<Assignee[]> => {
  const body = await apiCall('/cases/assignees');
  if (isRecord(body) && Array.isArray(body.data)) {
    return body.data.map(readAssignee).filter((assignee): assignee is Assignee => assignee !== null);
  }
  throw new Error('Unexpected assignees from the API');
};

const defaultApi = { assignees: readAssignees };

interface AssigneesState {
  assignees: Assignee[];
  isPending: boolean;
  error: unknown;
}

/** The moderators and leads work can be given to, read once when `enabled` turns true. */
export const useAssignees = (
  enabled = true,
  api: { assignees: () => Promise<Assignee[]> } = defaultApi,
): AssigneesState => {
  const [state, setState] = useState<AssigneesState>({ assignees: [], isPending: enabled, error: null });
  useEffect(() => {
    if (!enabled) return;
    let current = true;
    setState((previous) => ({ ...previous, isPending: true, error: null }));
    api.assignees().then(
      (assignees) => current && setState({ assignees, isPending: false, error: null }),
      (error: unknown) => current && setState({ assignees: [], isPending: false, error }),
    );
    return () => {
      current = false;
    };
  }, [enabled, api]);
  return state;
};
