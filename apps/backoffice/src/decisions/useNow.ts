import { useEffect, useState } from 'react';

/** The current time, read again every `intervalMs` while `enabled`: for countdowns that move on their own. */
export const useNow = (intervalMs: number, enabled = true): number => {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!enabled) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs, enabled]);
  return now;
};
