import { useCallback, useEffect, useState } from 'react';
import { type CheckpointPage, registerApi } from './registerApi';

interface CheckpointsState {
  page: CheckpointPage | null;
  isPending: boolean;
  error: unknown;
}

/** The latest signed checkpoints, read again with `reload` once a new one is signed. */
export const useCheckpoints = (perPage: number, api = registerApi) => {
  const [state, setState] = useState<CheckpointsState>({ page: null, isPending: true, error: null });
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let current = true;
    api.checkpoints(perPage).then(
      (page) => current && setState({ page, isPending: false, error: null }),
      (error: unknown) => current && setState((previous) => ({ ...previous, isPending: false, error })),
    );
    return () => {
      current = false;
    };
  }, [api, perPage, version]);
  const reload = useCallback(() => setVersion((value) => value + 1), []);
  return { ...state, reload };
};
