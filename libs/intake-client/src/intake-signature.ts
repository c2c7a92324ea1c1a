import { createHmac } from 'node:crypto';

/**
 * `X-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`, the scheme
 * apps/api/src/intake/signature.ts checks. It must be computed on the very bytes sent.
 */
export function signatureHeader(secret: string, timestampSeconds: number, rawBody: Uint8Array): string {
  const v1 = createHmac('sha256', secret).update(`${timestampSeconds}.`).update(rawBody).digest('hex');
  return `t=${timestampSeconds},v1=${v1}`;
}
