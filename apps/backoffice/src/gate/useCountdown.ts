import { useEffect, useState } from 'react';

/**
 * Milliseconds left until `deadline` (this browser's clock), updated on each second's turn
 * so "00:00" shows exactly when the time is up. 0 once it has passed.
 */
export const useCountdown = (deadline: number): number => {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = () => {
      const current = Date.now();
      setNow(current);
      const left = deadline - current;
      // The next whole second of what is left; a computer waking from sleep catches up at once.
      if (left > 0) timer = setTimeout(tick, left % 1000 || 1000);
    };
    tick();
    return () => clearTimeout(timer);
  }, [deadline]);
  return Math.max(0, deadline - now);
};
