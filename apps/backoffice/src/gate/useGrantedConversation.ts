import type { GrantedConversation } from '@vigie/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useLogoutIfAccessDenied } from 'react-admin';
import { type GateApi, type GateError, gateErrorOf } from './gateApi';
import { useCountdown } from './useCountdown';

export type ConversationState =
  | { status: 'loading' }
  | { status: 'ready'; conversation: GrantedConversation }
  | { status: 'failed'; error: GateError }
  | { status: 'expired' };

/**
 * The messages a grant covers, held in this component's state only: never react-admin's
 * store or query cache, never the URL or localStorage. Once the grant's time is up (or the
 * API says it expired) they are dropped.
 */
export const useGrantedConversation = (grantId: string, grantDeadline: number, api: GateApi) => {
  const logoutIfAccessDenied = useLogoutIfAccessDenied();
  // Read through a ref: a new callback must never fetch the messages again.
  const logout = useRef(logoutIfAccessDenied);
  useEffect(() => {
    logout.current = logoutIfAccessDenied;
  }, [logoutIfAccessDenied]);
  const [state, setState] = useState<ConversationState>({ status: 'loading' });
  // The messages' answer carries its own expiry: the earlier of the two wins.
  const [deadline, setDeadline] = useState(grantDeadline);
  const [attempt, setAttempt] = useState(0);
  const remaining = useCountdown(deadline);
  const expired = remaining <= 0;

  useEffect(() => {
    const abort = new AbortController();
    setState({ status: 'loading' });
    api.conversation(grantId, abort.signal).then(
      (receipt) => {
        if (abort.signal.aborted) return;
        setDeadline((current) => Math.min(current, receipt.deadline));
        setState({ status: 'ready', conversation: receipt.conversation });
      },
      (error: unknown) => {
        if (abort.signal.aborted) return;
        const failure = gateErrorOf(error);
        if (failure.status === 401) void logout.current(failure);
        // A revoked grant says why; an expired one only that time is up.
        const expiredGrant = failure.status === 410 && failure.reason !== 'grant_revoked';
        setState(expiredGrant ? { status: 'expired' } : { status: 'failed', error: failure });
      },
    );
    return () => abort.abort();
  }, [grantId, attempt, api]);

  useEffect(() => {
    // Time is up: drop the bodies from memory, not only from the screen.
    if (expired) setState({ status: 'expired' });
  }, [expired]);

  const retry = useCallback(() => setAttempt((count) => count + 1), []);
  // The render that sees the time run out already shows nothing.
  return { state: expired ? ({ status: 'expired' } as const) : state, remaining, retry };
};
