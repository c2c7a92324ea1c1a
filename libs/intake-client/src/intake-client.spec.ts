import type { ReportPayload } from '@vigie/contracts';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createIntakeClient, type IntakeClientOptions } from './intake-client';
import { IntakeRequestError, IntakeValidationError } from './intake-client.errors';
import { type SignatureCheck, verifySignature } from './intake-signature';

const SECRET = 'intake-test-secret-0123456789';
const OLD_SECRET = 'intake-old-secret-9876543210';


interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  rawBody: Buffer;
  signature: SignatureCheck;
  t: number;
}

type Answer = { status: number; body?: unknown; headers?: Record<string, string> } | 'hang' | 'drop';

/** Time that only moves when the client sleeps: the server checks signatures against it too. */
function fakeTime(startIso = '2026-11-20T10:05:00Z') {
  const time = { ms: Date.parse(startIso), delays: [] as number[] };
  return {
    time,
    now: () => new Date(time.ms),
    sleep: async (ms: number) => {
      time.delays.push(ms);
      time.ms += ms;
    },
  };
}

const servers: Server[] = [];

afterEach(async () => {
  await Promise.all(
    servers.splice(0).map(
      (server) =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    ),
  );
});

/** A stand-in for Vigie's intake on 127.0.0.1: refuses bad signatures as the API does, then answers as scripted. */
async function startIntake(script: (request: Received, index: number) => Answer, nowMs: () => number) {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks);
      const header = req.headers['x-signature'];
      const request: Received = {
        path: req.url ?? '',
        headers: req.headers,
        rawBody,
        signature: verifySignature(rawBody, typeof header === 'string' ? header : undefined, [SECRET, OLD_SECRET], Math.floor(nowMs() / 1000)),
        t: Number(/t=(\d+)/.exec(typeof header === 'string' ? header : '')?.[1]),
      };
      received.push(request);
      const answer: Answer =
        request.signature === 'ok'
          ? script(request, received.length - 1)
          : { status: 401, body: { statusCode: 401, error: 'Unauthorized', message: 'X-Signature refused', details: { code: `signature_${request.signature}` } } };
      if (answer === 'hang') return;
      if (answer === 'drop') {
        req.socket.destroy();
        return;
      }
      res.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8', ...answer.headers });
      res.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { baseUrl: `http://127.0.0.1:${port}`, received };
}

const report = (): ReportPayload => ({
  externalId: 'rep_8f2c',
  reportedAt: '2026-11-20T10:00:00Z',
  category: 'harassment',
  comment: 'Il insiste pour me voir en dehors de la plateforme.',
  reporter: { externalId: 'u_1', kind: 'explorer', displayName: 'Léa M.' },
  reported: { externalId: 'u_2', kind: 'expert', displayName: 'Marc D.' },
  conversation: {
    externalId: 'c_9',
    participants: ['u_1', 'u_2'],
    messages: [{ externalId: 'm_1', authorExternalId: 'u_2', sentAt: '2026-11-20T09:58:00Z', body: 'On se voit ce soir ?' }],
  },
  reportedMessageIds: ['m_1'],
});

const accepted = { status: 202, body: { reportId: 'r-1', caseId: 'k-1' } };
const unavailable = { status: 503, body: { statusCode: 503, error: 'Service Unavailable', message: 'Try again.' } };

async function setUp(script: (request: Received, index: number) => Answer, options: Partial<IntakeClientOptions> = {}) {
  const clock = fakeTime();
  const intake = await startIntake(script, () => clock.time.ms);
  const client = createIntakeClient({ baseUrl: intake.baseUrl, secret: SECRET, now: clock.now, sleep: clock.sleep, ...options });
  return { client, received: intake.received, time: clock.time };
}

async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}

describe('sendReport', () => {
  it('sends the report signed, keyed by its externalId, and returns Vigie’s ids', async () => {
    const { client, received, time } = await setUp(() => accepted);

    await expect(client.sendReport(report())).resolves.toEqual({ reportId: 'r-1', caseId: 'k-1' });

    expect(received).toHaveLength(1);
    const [request] = received;
    expect(request.path).toBe('/api/v1/intake/reports');
    expect(request.signature).toBe('ok');
    expect(request.t).toBe(Math.floor(time.ms / 1000));
    expect(request.headers['idempotency-key']).toBe('rep_8f2c');
    expect(request.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request.rawBody.toString('utf8'))).toEqual(report());
  });

  it('sends the same bytes for the same report however its object was built', async () => {
    const { client, received } = await setUp(() => accepted);
    const { reportedMessageIds, conversation, ...rest } = report();

    await client.sendReport(report());
    await client.sendReport({ reportedMessageIds, conversation, ...rest });

    expect(received[1].rawBody.equals(received[0].rawBody)).toBe(true);
  });

  it('retries after a 503 and returns the 202 that follows', async () => {
    const { client, received, time } = await setUp((_, i) => (i === 0 ? unavailable : accepted));

    await expect(client.sendReport(report())).resolves.toEqual({ reportId: 'r-1', caseId: 'k-1' });

    expect(received.map((r) => r.signature)).toEqual(['ok', 'ok']);
    expect(time.delays).toHaveLength(1);
    expect(time.delays[0]).toBeGreaterThanOrEqual(0);
    expect(time.delays[0]).toBeLessThan(250);
  });

  it('signs every attempt anew, with the same idempotency key and bytes', async () => {
    // 400 s, then 200 s more: a `t` reused from the first attempt would be refused as expired.
    const { client, received } = await setUp(
      (_, i) => [{ ...unavailable, status: 429, headers: { 'retry-after': '400' } }, { ...unavailable, headers: { 'retry-after': '200' } }, accepted][i],
      { maxDelayMs: 600_000 },
    );

    await client.sendReport(report());

    expect(received.map((r) => r.signature)).toEqual(['ok', 'ok', 'ok']);
    expect(received.map((r) => r.t - received[0].t)).toEqual([0, 400, 600]);
    expect(new Set(received.map((r) => r.headers['idempotency-key']))).toEqual(new Set(['rep_8f2c']));
    expect(received.every((r) => r.rawBody.equals(received[0].rawBody))).toBe(true);
  });

  it.each([
    ['delay-seconds', () => '7', 7_000],
    ['an HTTP date', (nowMs: number) => new Date(nowMs + 12_000).toUTCString(), 12_000],
    ['more than maxDelayMs', () => '3600', 30_000],
  ])('honours Retry-After given as %s', async (_, retryAfter, expected) => {
    const clock = fakeTime();
    const intake = await startIntake(
      (_request, i) => (i === 0 ? { ...unavailable, status: 429, headers: { 'retry-after': retryAfter(clock.time.ms) } } : accepted),
      () => clock.time.ms,
    );
    const client = createIntakeClient({ baseUrl: intake.baseUrl, secret: SECRET, now: clock.now, sleep: clock.sleep });

    await client.sendReport(report());

    expect(clock.time.delays).toEqual([expected]);
    expect(intake.received).toHaveLength(2);
  });

  it('does not retry a 400, and reports its fields and request id', async () => {
    const body = {
      statusCode: 400,
      error: 'Bad Request',
      message: 'Invalid body: reportedAt (is in the future)',
      details: { code: 'invalid_body', fields: [{ field: 'reportedAt', message: 'is in the future' }] },
      requestId: 'req-0000-body',
    };
    const { client, received, time } = await setUp(() => ({ status: 400, body, headers: { 'x-request-id': 'req-4000-abcd' } }));

    const error = await failureOf(client.sendReport(report()));

    expect(error).toBeInstanceOf(IntakeRequestError);
    expect(error).toMatchObject({
      status: 400,
      body,
      requestId: 'req-4000-abcd',
      code: 'invalid_body',
      fields: [{ field: 'reportedAt', message: 'is in the future' }],
      retryable: false,
      attempts: 1,
    });
    expect(received).toHaveLength(1);
    expect(time.delays).toEqual([]);
  });

  it('reads the fields of a schema 400, given as a list', async () => {
    const details = [{ field: 'conversation.messages.0.body', message: 'Too big' }];
    const { client } = await setUp(() => ({ status: 400, body: { statusCode: 400, error: 'Bad Request', message: 'Invalid body', details } }));

    await expect(client.sendReport(report())).rejects.toMatchObject({ fields: details, code: undefined });
  });

  it.each([
    [401, 'signature_mismatch'],
    [409, 'idempotency_key_reused'],
    [413, undefined],
  ])('does not retry a %i', async (status, code) => {
    const body = { statusCode: status, error: 'Refused', message: 'No.', ...(code ? { details: { code } } : {}) };
    const { client, received, time } = await setUp(() => ({ status, body }));

    await expect(client.sendReport(report())).rejects.toMatchObject({ name: 'IntakeRequestError', status, code, retryable: false });
    expect(received).toHaveLength(1);
    expect(time.delays).toEqual([]);
  });

  it('is refused by a server that does not hold its secret', async () => {
    const { client, received } = await setUp(() => accepted, { secret: 'someone-else-s-secret-000' });

    await expect(client.sendReport(report())).rejects.toMatchObject({ status: 401, code: 'signature_mismatch' });
    expect(received).toHaveLength(1);
  });

  it('gives up after maxAttempts, with the last answer', async () => {
    const { client, received, time } = await setUp((_, i) => ({ ...unavailable, headers: { 'x-request-id': `req-${i}-attempt` } }), { maxAttempts: 3 });

    const error = await failureOf(client.sendReport(report()));

    expect(error).toBeInstanceOf(IntakeRequestError);
    expect(error).toMatchObject({ status: 503, attempts: 3, retryable: true, requestId: 'req-2-attempt' });
    expect(received).toHaveLength(3);
    expect(time.delays).toHaveLength(2);
  });

  it('retries a dropped connection and a timeout', async () => {
    const { client, received, time } = await setUp((_, i) => (['drop', 'hang', accepted] as const)[i], { timeoutMs: 200 });

    await expect(client.sendReport(report())).resolves.toEqual({ reportId: 'r-1', caseId: 'k-1' });

    expect(received).toHaveLength(3);
    expect(time.delays).toHaveLength(2);
  });

  it('gives up on a server that never answers, saying so, with the cause', async () => {
    const { client, received } = await setUp(() => 'hang', { timeoutMs: 100, maxAttempts: 2 });

    const error = await failureOf(client.sendReport(report()));

    expect(error).toMatchObject({ failure: 'timeout', status: undefined, attempts: 2 });
    expect((error as Error).cause).toMatchObject({ name: 'AbortError' });
    expect(received).toHaveLength(2);
  });

  it('refuses an invalid report before sending anything, naming the fields', async () => {
    const { client, received } = await setUp(() => accepted);
    const invalid = { ...report(), reportedMessageIds: ['m_404'], extra: true } as ReportPayload;

    const error = await failureOf(client.sendReport(invalid));

    expect(error).toBeInstanceOf(IntakeValidationError);
    expect((error as IntakeValidationError).fields.map((f) => f.field)).toEqual(expect.arrayContaining(['extra', 'reportedMessageIds.0']));
    expect(received).toHaveLength(0);
  });
});

describe('sendActivity', () => {
  const events = (count: number) => Array.from({ length: count }, (_, i) => ({ userExternalId: `u_${i}`, at: '2026-11-20T10:00:00Z' }));
  const eventsOf = (request: Received) => (JSON.parse(request.rawBody.toString('utf8')) as { events: { userExternalId: string; at: string }[] }).events;
  const countEach = (request: Received) => ({ status: 202, body: { users: eventsOf(request).length, cases: 1 } });

  it('splits more than 1000 events into signed batches and sums the answers', async () => {
    const { client, received } = await setUp(countEach);

    await expect(client.sendActivity(events(2500))).resolves.toEqual({ users: 2500, cases: 3, refused: [] });

    expect(received.map((r) => eventsOf(r).length)).toEqual([1000, 1000, 500]);
    expect(received.every((r) => r.path === '/api/v1/intake/activity' && r.signature === 'ok')).toBe(true);
    expect(received.some((r) => 'idempotency-key' in r.headers)).toBe(false);
    expect(new Set(received.flatMap((r) => eventsOf(r).map((e) => e.userExternalId))).size).toBe(2500);
  });

  it('retries a failed batch alone', async () => {
    const { client, received } = await setUp((request, i) => (i === 1 ? unavailable : countEach(request)));

    await expect(client.sendActivity(events(1500))).resolves.toEqual({ users: 1500, cases: 2, refused: [] });

    expect(received.map((r) => eventsOf(r)[0].userExternalId)).toEqual(['u_0', 'u_1000', 'u_1000']);
  });

  it('sends one signal per user, the latest', async () => {
    const { client, received } = await setUp(countEach);

    await client.sendActivity([
      { userExternalId: 'u_1', at: '2026-11-20T10:00:00Z' },
      { userExternalId: 'u_2', at: '2026-11-20T09:00:00Z' },
      // 09:30 UTC: later as a string, earlier as an instant.
      { userExternalId: 'u_1', at: '2026-11-20T11:30:00+02:00' },
    ]);

    expect(eventsOf(received[0])).toEqual([
      { userExternalId: 'u_1', at: '2026-11-20T10:00:00Z' },
      { userExternalId: 'u_2', at: '2026-11-20T09:00:00Z' },
    ]);
  });

  it('leaves out signals dated more than 5 minutes ahead, so that an earlier one of the same user is applied', async () => {
    const { client, received } = await setUp(countEach);

    const answer = await client.sendActivity([
      { userExternalId: 'u_1', at: '2026-11-20T10:00:00Z' },
      // The clock reads 10:05.
      { userExternalId: 'u_1', at: '2999-01-01T00:00:00Z' },
      { userExternalId: 'u_2', at: '2026-11-20T10:09:00Z' },
    ]);

    expect(eventsOf(received[0])).toEqual([
      { userExternalId: 'u_1', at: '2026-11-20T10:00:00Z' },
      { userExternalId: 'u_2', at: '2026-11-20T10:09:00Z' },
    ]);
    expect(answer.refused).toEqual([{ index: 1, field: 'events.1.at', code: 'in_future', message: expect.any(String) }]);
  });

  it("names the signals Vigie refused by their index in the caller's list", async () => {
    const { client } = await setUp(() => ({
      status: 202,
      body: { users: 1, cases: 0, refused: [{ index: 1, field: 'events.1.at', code: 'in_future', message: 'is ahead' }] },
    }));

    const answer = await client.sendActivity([
      { userExternalId: 'u_1', at: '2026-11-20T10:00:00Z' },
      { userExternalId: 'u_1', at: '2026-11-20T09:00:00Z' },
      { userExternalId: 'u_2', at: '2026-11-20T10:04:00Z' },
    ]);

    // Sent: u_1's latest (index 0) and u_2 (index 2); Vigie refused the second of the batch.
    expect(answer).toEqual({ users: 1, cases: 0, refused: [{ index: 2, field: 'events.2.at', code: 'in_future', message: 'is ahead' }] });
  });

  it('refuses invalid events before sending anything, naming them by their index', async () => {
    const { client, received } = await setUp(countEach);
    const list = events(1500);
    list[1200] = { userExternalId: 'u_1200', at: 'yesterday' };

    const error = await failureOf(client.sendActivity(list));

    expect(error).toBeInstanceOf(IntakeValidationError);
    expect((error as IntakeValidationError).fields.map((f) => f.field)).toEqual(['events.1200.at']);
    expect(received).toHaveLength(0);
  });

  it('sends nothing when there is nothing to send', async () => {
    const { client, received } = await setUp(countEach);

    await expect(client.sendActivity([])).resolves.toEqual({ users: 0, cases: 0, refused: [] });
    expect(received).toHaveLength(0);
  });
});

describe('createIntakeClient', () => {
  it('refuses settings that cannot work, at once', () => {
    expect(() => createIntakeClient({ baseUrl: 'vigie.example.org', secret: SECRET })).toThrow(/baseUrl/);
    expect(() => createIntakeClient({ baseUrl: 'https://vigie.example.org', secret: 'short' })).toThrow(/secret/);
    expect(() => createIntakeClient({ baseUrl: 'https://vigie.example.org', secret: SECRET, maxAttempts: 0 })).toThrow(/maxAttempts/);
  });

  it('accepts a base URL with a path and a trailing slash', async () => {
    const clock = fakeTime();
    const intake = await startIntake(() => accepted, () => clock.time.ms);
    const client = createIntakeClient({ baseUrl: `${intake.baseUrl}/vigie/`, secret: SECRET, now: clock.now });

    await client.sendReport(report());

    expect(intake.received[0].path).toBe('/vigie/api/v1/intake/reports');
  });
});
