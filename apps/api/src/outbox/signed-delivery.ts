import { signatureHeader } from '@vigie/intake-client';

const TIMEOUT_MS = 10_000;
const MAX_BACKOFF_MS = 3_600_000;

/** What one delivery attempt came to: never the payload, only the status, a short error and how long it took. */
export interface DeliveryAttempt {
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

/**
 * POSTs `body` to `url` signed like intake (`X-Signature: t=…,v1=HMAC-SHA256(secret, "t.body")`),
 * with an event name and an idempotency key the receiver de-duplicates with. Any 2xx is a success.
 */
export async function postSigned(
  url: string,
  secret: string,
  body: string,
  headers: { event: string; idempotencyKey: string },
  at: Date,
): Promise<DeliveryAttempt> {
  const started = performance.now();
  let statusCode: number | null = null;
  let error: string | null = null;
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-signature': signatureHeader(secret, Math.floor(at.getTime() / 1000), body),
        'x-vigie-event': headers.event,
        'idempotency-key': headers.idempotencyKey,
      },
      body,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    statusCode = response.status;
    await response.arrayBuffer().catch(() => undefined);
    if (!response.ok) error = `HTTP ${response.status}`;
  } catch (failure) {
    // Network errors name hosts and codes, never the payload.
    error = failure instanceof Error ? `${failure.name}: ${(failure as { cause?: { code?: string } }).cause?.code ?? failure.message}`.slice(0, 200) : 'unknown error';
  }
  return { statusCode, error, durationMs: Math.round(performance.now() - started) };
}

/** The wait before the next attempt: `baseSeconds`, doubled with each attempt made, up to an hour. */
export const retryDelayMs = (baseSeconds: number, attemptsMade: number): number => Math.min(baseSeconds * 1000 * 2 ** attemptsMade, MAX_BACKOFF_MS);
