import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';

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

const HOUR_MS = 3_600_000;

/**
 * Work due every few hours (a checkpoint, a retention run). Each API instance looks hourly, or
 * at the interval when it is shorter; `tick` decides whether the work is due and, under an
 * advisory lock, that one instance does it. An interval of 0 hours means on demand only.
 */
export abstract class HourlySchedule implements OnApplicationBootstrap, OnApplicationShutdown {
  private stop?: () => void;

  protected abstract intervalHours(): number;
  /** How long after start the first look waits (never longer than the interval). */
  protected abstract readonly firstLookMs: number;
  abstract tick(): Promise<unknown>;

  onApplicationBootstrap(): void {
    const hours = this.intervalHours();
    if (hours <= 0) return;
    const look = Math.min(hours * HOUR_MS, HOUR_MS);
    this.stop = every(look, Math.min(this.firstLookMs, look), () => this.tick());
  }

  onApplicationShutdown(): void {
    this.stop?.();
  }
}
