import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';

export const REQUEST_ID_HEADER = 'x-request-id';
const ACCEPTABLE = /^[A-Za-z0-9._-]{8,64}$/;

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
