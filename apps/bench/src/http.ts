import { Agent, request as httpRequest } from 'node:http';
import { msSince } from './stats';

export interface HttpRequest {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  ms: number;
}

/** A keep-alive HTTP client on loopback: a request, its answer, its latency. */
export class HttpClient {
  readonly agent: Agent;

  constructor(
    readonly baseUrl: string,
    connections: number,
  ) {
    this.agent = new Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections });
  }

  send(req: HttpRequest): Promise<HttpResponse> {
    const url = new URL(req.path, this.baseUrl);
    const started = process.hrtime.bigint();
    return new Promise((resolve, reject) => {
      const headers: Record<string, string | number> = { ...(req.headers ?? {}) };
      if (req.body !== undefined) headers['content-length'] = Buffer.byteLength(req.body);
      const outgoing = httpRequest(
        { host: url.hostname, port: url.port, path: `${url.pathname}${url.search}`, method: req.method, headers, agent: this.agent },
        (incoming) => {
          const chunks: Buffer[] = [];
          incoming.on('data', (c: Buffer) => chunks.push(c));
          incoming.on('error', reject);
          incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, body: Buffer.concat(chunks), ms: msSince(started) }));
        },
      );
      outgoing.on('error', reject);
      if (req.body !== undefined) outgoing.write(req.body);
      outgoing.end();
    });
  }

  async json<T>(req: HttpRequest, expected: number[] = [200]): Promise<{ data: T; ms: number }> {
    const res = await this.send(req);
    if (!expected.includes(res.status)) throw new Error(`${req.method} ${req.path}: ${res.status} ${res.body.toString('utf8').slice(0, 500)}`);
    return { data: JSON.parse(res.body.toString('utf8')) as T, ms: res.ms };
  }

  close(): void {
    this.agent.destroy();
  }
}

/** A signed-in staff member: the session cookie and the CSRF token mutating requests need. */
export interface StaffSession {
  email: string;
  password: string;
  id: string;
  cookie: string;
  csrf: string;
}

export async function signIn(client: HttpClient, email: string, password: string): Promise<StaffSession> {
  const res = await client.send({
    method: 'POST',
    path: '/api/v1/auth/login',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${email} failed: ${res.status} ${res.body.toString('utf8')}`);
  const setCookie = res.headers['set-cookie'];
  const cookie = (Array.isArray(setCookie) ? setCookie : [setCookie ?? ''])
    .map((c) => c.split(';')[0])
    .filter(Boolean)
    .join('; ');
  const body = JSON.parse(res.body.toString('utf8')) as { csrfToken: string; user: { id: string } };
  return { email, password, id: body.user.id, cookie, csrf: body.csrfToken };
}

export function sessionHeaders(session: StaffSession, json = false): Record<string, string> {
  return { cookie: session.cookie, 'x-csrf-token': session.csrf, ...(json ? { 'content-type': 'application/json' } : {}) };
}

export interface LoadResult {
  ok: number;
  errors: number;
  seconds: number;
  throughput: number;
  latenciesMs: number[];
  firstError?: string;
}

/**
 * A closed-loop load: `concurrency` workers each send their next request as soon as the previous
 * one is answered, for `seconds`. Throughput counts successful answers per second.
 */
export async function closedLoop(concurrency: number, seconds: number, work: (worker: number, n: number) => Promise<{ ok: boolean; ms: number; error?: string }>): Promise<LoadResult> {
  const latenciesMs: number[] = [];
  let ok = 0;
  let errors = 0;
  let firstError: string | undefined;
  let n = 0;
  const started = process.hrtime.bigint();
  const deadline = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      while (Date.now() < deadline) {
        try {
          const result = await work(worker, n++);
          if (result.ok) {
            ok += 1;
            latenciesMs.push(result.ms);
          } else {
            errors += 1;
            firstError ??= result.error;
          }
        } catch (error) {
          errors += 1;
          firstError ??= error instanceof Error ? error.message : String(error);
        }
      }
    }),
  );
  const elapsed = msSince(started) / 1000;
  return { ok, errors, seconds: elapsed, throughput: ok / elapsed, latenciesMs, firstError };
}
