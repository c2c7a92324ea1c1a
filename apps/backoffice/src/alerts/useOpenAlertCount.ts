import { useEffect, useState } from 'react';
import { type AlertsApi, alertsApi } from './alertsApi';

const REFRESH_MS = 60_000;
/** Sent by the alerts screen when it resolved one: the badge counts again at once. */
export const ALERTS_CHANGED = 'vigie:alerts-changed';

/** The number of open alerts, looked at every minute and whenever one is resolved; null until known. */
export const useOpenAlertCount = (enabled: boolean, api: AlertsApi = alertsApi): number | null => {
  const [count, setCount] = useState<number | null>(null);
  useEffect(() => {
    if (!enabled) return undefined;
    let current = true;
    const look = () => {
      api.openCount().then(
        (open) => current && setCount(open),
        // A failed look leaves the last count: the badge is a hint, the screen the truth.
        () => undefined,
      );
    };
    look();
    const timer = setInterval(look, REFRESH_MS);
    window.addEventListener(ALERTS_CHANGED, look);
    return () => {
      current = false;
      clearInterval(timer);
      window.removeEventListener(ALERTS_CHANGED, look);
    };
  }, [enabled, api]);
  return count;
};
