import { useEffect, useState } from 'react';

export interface ApiDataState<T> {
  data: T | null;
  isPending: boolean;
  error: unknown;
}

/**
 * What `load` answers, read again whenever `load` or `version` changes. The previous answer stays
 * on screen while the next one loads: a card does not blink when the page refreshes it.
 */
export const useApiData = <T>(load: () => Promise<T>, version = 0) => {
  const [state, setState] = useState<ApiDataState<T>>({ data: null, isPending: true, error: null });
  useEffect(() => {
    let current = true;
    setState((previous) => ({ ...previous, isPending: true }));
    load().then(
      (data) => current && setState({ data, isPending: false, error: null }),
      (error: unknown) => current && setState((previous) => ({ ...previous, isPending: false, error })),
    );
    return () => {
      current = false;
    };
  }, [load, version]);
  return state;
};
