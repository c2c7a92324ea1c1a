import { useEffect, useState } from 'react';
import { type Assignee, casesApi } from './casesApi';

interface AssigneesState {
  assignees: Assignee[];
  isPending: boolean;
  error: unknown;
}

/** The moderators and leads work can be given to, read once when `enabled` turns true. */
export const useAssignees = (enabled = true, api = casesApi): AssigneesState => {
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
