import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';

export const REQUEST_ID_HEADER = 'x-request-id';
// It ends up in the access register, its CSV export and every log line: 8 to 64 characters of a
// narrow ASCII set (no spaces, quotes, control characters), starting with a letter or digit so
// that no spreadsheet reads it as a formula (`-`).
const ACCEPTABLE = /^[A-Za-z0-9][A-Za-z0-9._:-]{7,63}$/;

/** Fastify's id for a request: a well-formed `X-Request-Id` from the proxy in front, or a new UUID. */
export function requestIdFor(raw: { headers: IncomingHttpHeaders }): string {
  const incoming = raw.headers[REQUEST_ID_HEADER];
  return typeof incoming === 'string' && ACCEPTABLE.test(incoming) ? incoming : randomUUID();
}

/** The request's id as Fastify (and after it, pino-http) stored it on the raw request. */
export function requestIdOf(raw: IncomingMessage): string | undefined {
  const id = (raw as IncomingMessage & { id?: unknown }).id;
  return typeof id === 'string' ? id : undefined;
}
