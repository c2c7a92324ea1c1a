import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The intake's signature scheme, written once for both ends: the platform's client signs with
 * it, Vigie's API checks with it.
 *
 * `X-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`, computed on the
 * very bytes sent.
 */

/** How far the signature's timestamp may be from the receiver's clock, either way. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

export type SignatureCheck = 'ok' | 'missing' | 'malformed' | 'expired' | 'mismatch';

export function sign(secret: string, timestampSeconds: number, rawBody: Uint8Array | string): string {
  return createHmac('sha256', secret).update(`${timestampSeconds}.`).update(rawBody).digest('hex');
}

export function signatureHeader(secret: string, timestampSeconds: number, rawBody: Uint8Array | string): string {
  return `t=${timestampSeconds},v1=${sign(secret, timestampSeconds, rawBody)}`;
}

/** Checks a header against the raw bytes received, with every secret in force (two during a rotation), in constant time. */
export function verifySignature(
  rawBody: Uint8Array,
  header: string | undefined,
  secrets: readonly string[],
  nowSeconds: number,
): SignatureCheck {
  if (!header) return 'missing';
  const parts = new Map<string, string[]>();
  for (const part of header.split(',')) {
    const [key, value] = part.trim().split('=', 2);
    if (!key || !value) return 'malformed';
    parts.set(key, [...(parts.get(key) ?? []), value]);
  }
  const t = parts.get('t')?.[0];
  const candidates = (parts.get('v1') ?? []).filter((v) => /^[0-9a-f]{64}$/i.test(v));
  if (!t || !/^\d{1,12}$/.test(t) || candidates.length === 0) return 'malformed';
  const timestamp = Number(t);
  if (Math.abs(nowSeconds - timestamp) > SIGNATURE_TOLERANCE_SECONDS) return 'expired';
  for (const secret of secrets) {
    const expected = Buffer.from(sign(secret, timestamp, rawBody), 'hex');
    for (const candidate of candidates) {
      if (timingSafeEqual(expected, Buffer.from(candidate, 'hex'))) return 'ok';
    }
  }
  return 'mismatch';
}
