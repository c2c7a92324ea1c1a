import type { RetentionRun } from '@vigie/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { retentionApi } from './retentionApi';

/** How often a running run is read again: its progress bar moves about once a second. */
export const POLL_INTERVAL_MS = 1000;
/** Polls that may fail in a row (a blip of the network) before the screen says it lost track. */
const MAX_POLL_FAILURES = 3;

/**
 * Follows a run until it is no longer `running`, reading it every `pollInterval` ms, then calls
 * `onFinished`. The run goes on on the server whatever happens here: leaving the page only stops
 * the reading.
 */
export const useFollowedRun = (onFinished: () => void, pollInterval = POLL_INTERVAL_MS) => {
  const [run, setRun] = useState<RetentionRun | null>(null);
  const [lost, setLost] = useState<unknown>(null);
  const failures = useRef(0);
  const finished = useRef(onFinished);
  useEffect(() => {
    finished.current = onFinished;
  }, [onFinished]);

  useEffect(() => {
    if (!run || run.status !== 'running') return;
    let current = true;
    const timer = setTimeout(() => {
      retentionApi.run(run.id).then(
        (next) => {
          if (!current) return;
          failures.current = 0;
          // A new object even when nothing moved: it schedules the next reading.
          setRun(next);
          if (next.status !== 'running') finished.current();
        },
        (error: unknown) => {
          if (!current) return;
          failures.current += 1;
          if (failures.current >= MAX_POLL_FAILURES) setLost(error);
          else setRun({ ...run });
        },
      );
    }, pollInterval);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [run, pollInterval]);

  /** Follows this run from now on (one just started). */
  const follow = useCallback((next: RetentionRun) => {
    failures.current = 0;
    setLost(null);
    setRun(next);
  }, []);

  /** Follows a run found running (the schedule's, a colleague's), unless one is followed already. */
  const adopt = useCallback((found: RetentionRun) => {
    setRun((current) => {
      if (current?.status === 'running') return current;
      failures.current = 0;
      setLost(null);
      return found;
    });
  }, []);

  return { run, lost, follow, adopt };
};
