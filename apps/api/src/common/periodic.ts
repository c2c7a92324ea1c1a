/**
 * Runs `task` once after `firstMs`, then every `everyMs`, without keeping the process alive;
 * returns what stops it. Scheduled work across API instances is made to run once by the task
 * itself (an advisory lock), not by the timer.
 */
export function every(everyMs: number, firstMs: number, task: () => Promise<unknown>): () => void {
  let timer: NodeJS.Timeout | undefined = setTimeout(() => {
    void task();
    timer = setInterval(() => void task(), everyMs).unref();
  }, firstMs).unref();
  return () => {
    clearTimeout(timer);
    clearInterval(timer);
    timer = undefined;
  };
}
