/**
 * Exponential back-off with full jitter: anywhere between 0 and `base × 2^(attempt-1)`, capped.
 * The jitter spreads out the platform's servers when they all retry after the same outage.
 */
export function backoffDelayMs(attempt: number, baseDelayMs: number, maxDelayMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
  return Math.floor(random() * ceiling);
}

// IMF-fixdate, RFC 850 and asctime all start with a day name; Date.parse alone accepts too much ("1.5").
const HTTP_DATE = /^[A-Za-z]{3}/;

/** `Retry-After` in milliseconds from now: delay-seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, nowMs: number): number | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  if (!HTTP_DATE.test(value)) return undefined;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}
