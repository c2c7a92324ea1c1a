import { useCallback } from 'react';
import { useAuthProvider, useRefresh } from 'react-admin';
import { isVigieAuthProvider } from '../providers/authProvider';

/**
 * Reads the session again from the API, then has react-admin refetch what it cached
 * (identity, permissions, access) so that screens and menus follow — after enrolling a
 * second factor, for instance.
 */
export const useRefreshSession = (): (() => Promise<void>) => {
  const authProvider = useAuthProvider();
  const refresh = useRefresh();
  return useCallback(async () => {
    if (isVigieAuthProvider(authProvider)) await authProvider.refreshSession();
    refresh();
  }, [authProvider, refresh]);
};
