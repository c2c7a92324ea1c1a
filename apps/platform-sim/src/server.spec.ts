import type { ReportPayload } from '@vigie/contracts';
import { verifySignature } from '@vigie/intake-client';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSimulatorServer } from './server';

const SECRET = 'simulator-test-secret-0123456789';

// Vigie's own check of X-Signature, from the library both ends share.
function signatureIsValid(rawBody: Buffer, header: string | undefined, secret: string): boolean {
  return verifySignature(rawBody, header, [secret], Math.floor(Date.now() / 1000)) === 'ok';
}

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  signed: boolean;
  payload: ReportPayload;
}

type Answer = { status: number; body: unknown };

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

async function listen(server: Server): Promise<string> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const accepted: Answer = { status: 202, body: { reportId: 'report-1', caseId: 'case-1' } };

/** A stand-in for Vigie's intake: refuses what is not signed with `secret`, as the API does, and records every request. */
async function fakeVigie(answer: Answer = accepted, secret = SECRET) {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks);
      const header = req.headers['x-signature'];
      const signed = signatureIsValid(rawBody, typeof header === 'string' ? header : undefined, secret);
      received.push({ path: req.url ?? '', headers: req.headers, signed, payload: JSON.parse(rawBody.toString('utf8')) as ReportPayload });
      const { status, body } = signed
        ? answer
        : { status: 401, body: { statusCode: 401, error: 'Unauthorized', message: 'X-Signature refused', details: { code: 'signature_mismatch' } } };
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    });
  });
  return { url: await listen(server), received };
}

async function startSimulator(vigieUrl: string, log: string[] = []): Promise<string> {
  const server = createSimulatorServer({
    config: { vigieUrl, intakeSecret: SECRET },
    intake: { sleep: async () => undefined },
    log: (line) => log.push(line),
  });
  return listen(server);
}

async function postReport(simulatorUrl: string, body: unknown, contentType = 'application/json') {
  const response = await fetch(`${simulatorUrl}/api/report`, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** A URL where nothing listens any more. */
async function deadUrl(): Promise<string> {
  const server = createServer();
  const url = await listen(server);
  servers.splice(servers.indexOf(server), 1);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return url;
}

const leaReportsDamien = {
  conversationId: 'sim_c_damien_lea',
  messageId: 'sim_m_damien_lea_10',
  category: 'minor_safety',
  comment: '  Il veut me voir seule samedi et que je ne dise rien.  ',
  reporterId: 'sim_u_lea',
};

describe('POST /api/report', () => {
  it('sends Vigie a signed report: both users, the conversation so far and the reported message', async () => {
    const vigie = await fakeVigie();
    const simulator = await startSimulator(vigie.url);
    const before = Date.now();

    const answer = await postReport(simulator, leaReportsDamien);

    expect(answer).toEqual({ status: 200, body: { reportId: 'report-1', caseId: 'case-1' } });
    expect(vigie.received).toHaveLength(1);
    const [{ path, headers, signed, payload }] = vigie.received;
    expect(path).toBe('/api/v1/intake/reports');
    expect(signed).toBe(true);
    expect(payload.externalId).toMatch(/^sim_rep_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(headers['idempotency-key']).toBe(payload.externalId);
    expect(Date.parse(payload.reportedAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(payload.category).toBe('minor_safety');
    expect(payload.comment).toBe('Il veut me voir seule samedi et que je ne dise rien.');
    expect(payload.reporter).toEqual({ externalId: 'sim_u_lea', kind: 'explorer', displayName: 'Léa Moreau' });
    expect(payload.reported).toEqual({ externalId: 'sim_u_damien', kind: 'expert', displayName: 'Damien Perrin' });
    expect(payload.conversation.externalId).toBe('sim_c_damien_lea');
    expect(payload.conversation.participants).toEqual(['sim_u_lea', 'sim_u_damien']);
    expect(payload.conversation.messages.map((m) => m.externalId)).toEqual(
      Array.from({ length: 12 }, (_, i) => `sim_m_damien_lea_${String(i + 1).padStart(2, '0')}`),
    );
    expect(payload.conversation.messages.every((m) => Date.parse(m.sentAt) <= Date.parse(payload.reportedAt))).toBe(true);
    expect(payload.conversation.messages[9]).toMatchObject({ authorExternalId: 'sim_u_damien', body: expect.stringContaining('juste tous les deux') });
    expect(payload.reportedMessageIds).toEqual(['sim_m_damien_lea_10']);
  });

  it('lets the expert report the explorer, and gives every report its own id', async () => {
    const vigie = await fakeVigie();
    const simulator = await startSimulator(vigie.url);
    const marcReportsHugo = { conversationId: 'sim_c_hugo_marc', messageId: 'sim_m_hugo_marc_08', category: 'harassment', reporterId: 'sim_u_marc' };

    expect((await postReport(simulator, marcReportsHugo)).status).toBe(200);
    expect((await postReport(simulator, marcReportsHugo)).status).toBe(200);

    const [first, second] = vigie.received.map((r) => r.payload);
    expect(first.reporter).toEqual({ externalId: 'sim_u_marc', kind: 'expert', displayName: 'Marc Lefèvre' });
    expect(first.reported).toEqual({ externalId: 'sim_u_hugo', kind: 'explorer', displayName: 'Hugo Bernard' });
    expect(first.comment).toBe('');
    expect(first.reportedMessageIds).toEqual(['sim_m_hugo_marc_08']);
    expect(second.externalId).not.toBe(first.externalId);
  });

  it.each([
    ['an unknown category', { ...leaReportsDamien, category: 'rudeness' }, 400, /catégorie/],
    ['no category', { ...leaReportsDamien, category: undefined }, 400, /catégorie/],
    ['an unknown conversation', { ...leaReportsDamien, conversationId: 'sim_c_nope' }, 400, /conversation n’existe pas/],
    ['a message of another conversation', { ...leaReportsDamien, messageId: 'sim_m_thomas_lea_08' }, 400, /n’appartient pas/],
    ['one’s own message', { ...leaReportsDamien, messageId: 'sim_m_damien_lea_05' }, 400, /propre message/],
    ['a reporter outside the conversation', { ...leaReportsDamien, reporterId: 'sim_u_marc' }, 400, /participants/],
    ['an unknown field', { ...leaReportsDamien, reportedAt: '2020-01-01T00:00:00Z' }, 400, /reportedAt/],
    ['a comment over 1000 characters', { ...leaReportsDamien, comment: 'x'.repeat(1001) }, 400, /1000 caractères/],
    ['a body that is not JSON', '{"category":', 400, /JSON valide/],
  ])('refuses %s with a %d and sends Vigie nothing', async (_case, body, status, message) => {
    const vigie = await fakeVigie();
    const simulator = await startSimulator(vigie.url);

    const answer = await postReport(simulator, body);

    expect(answer.status).toBe(status);
    expect(answer.body.message).toMatch(message);
    expect(vigie.received).toHaveLength(0);
  });

  it('refuses a body that is not declared as JSON (a cross-site form post), with a 415', async () => {
    const vigie = await fakeVigie();
    const simulator = await startSimulator(vigie.url);

    const answer = await postReport(simulator, JSON.stringify(leaReportsDamien), 'text/plain');

    expect(answer.status).toBe(415);
    expect(vigie.received).toHaveLength(0);
  });

  it('answers a clear 502 when Vigie is down, after the client’s retries', async () => {
    const log: string[] = [];
    const vigieUrl = await deadUrl();
    const simulator = await startSimulator(vigieUrl, log);

    const answer = await postReport(simulator, leaReportsDamien);

    expect(answer.status).toBe(502);
    expect(answer.body).toEqual({
      error: 'vigie_unreachable',
      message: `Vigie ne répond pas (${vigieUrl}) : le signalement n’a pas été envoyé. Réessayez dans un instant.`,
    });
    expect(log).toEqual([expect.stringMatching(/^report sim_rep_\S+ \(minor_safety, .*\) not sent: IntakeRequestError network, .*3 attempt\(s\)$/)]);
  });

  it('says so when Vigie refuses the signature: the simulator has another secret', async () => {
    const vigie = await fakeVigie(accepted, 'another-secret-than-the-simulators');
    const simulator = await startSimulator(vigie.url);

    const answer = await postReport(simulator, leaReportsDamien);

    expect(vigie.received).toHaveLength(1);
    expect(vigie.received[0].signed).toBe(false);
    expect(answer.status).toBe(502);
    expect(answer.body.error).toBe('vigie_refused_signature');
    expect(answer.body.message).toMatch(/INTAKE_HMAC_SECRETS/);
  });

  it('passes on any other refusal of Vigie with its status and request id', async () => {
    const refusal = { statusCode: 409, error: 'Conflict', message: 'Idempotency-Key already used with another body', details: { code: 'idempotency_key_reused' }, requestId: 'req-42' };
    const vigie = await fakeVigie({ status: 409, body: refusal });
    const simulator = await startSimulator(vigie.url);

    const answer = await postReport(simulator, leaReportsDamien);

    expect(answer.status).toBe(502);
    expect(answer.body).toEqual({
      error: 'vigie_refused',
      message: 'Vigie a refusé le signalement (HTTP 409 : Idempotency-Key already used with another body). Référence : req-42.',
    });
  });

  it('logs ids and outcomes, never a message or a comment', async () => {
    const log: string[] = [];
    const vigie = await fakeVigie();
    const simulator = await startSimulator(vigie.url, log);
    await postReport(simulator, leaReportsDamien);
    const down = await startSimulator(await deadUrl(), log);
    await postReport(down, leaReportsDamien);

    const sent = vigie.received[0].payload;
    expect(log).toHaveLength(2);
    expect(log[0]).toBe(
      `report ${sent.externalId} (minor_safety, conversation sim_c_damien_lea, sim_u_lea about sim_u_damien) sent: Vigie case case-1`,
    );
    const texts = [...sent.conversation.messages.map((m) => m.body), leaReportsDamien.comment.trim()];
    for (const text of texts) expect(log.join('\n')).not.toContain(text);
  });
});

describe('the chat page', () => {
  it('is one document with its data inline, whose script runs by its nonce only', async () => {
    const simulator = await startSimulator('http://vigie.test:3000');

    const response = await fetch(simulator);
    const html = await response.text();

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const nonce = /script-src 'nonce-([^']+)'/.exec(response.headers.get('content-security-policy') ?? '')?.[1];
    expect(nonce).toBeDefined();
    expect(html).toContain(`<script nonce="${nonce}">`);
    expect(html.match(/<script\b/g)).toHaveLength(2);
    const data = JSON.parse(/<script type="application\/json" id="chat-data">(.*?)<\/script>/s.exec(html)?.[1] ?? 'null') as {
      vigieUrl: string;
      personas: { label: string }[];
      conversations: { id: string }[];
      categories: { id: string; label: string }[];
    };
    expect(data.vigieUrl).toBe('http://vigie.test:3000');
    expect(data.personas.map((p) => p.label)).toEqual(['Léa (Explorer)', 'Marc (Expert)']);
    expect(data.conversations.map((c) => c.id)).toEqual(['sim_c_marc_lea', 'sim_c_julien_lea', 'sim_c_thomas_lea', 'sim_c_damien_lea', 'sim_c_hugo_marc']);
    expect(data.categories.map((c) => c.label)).toEqual([
      'Harcèlement',
      'Contenu sexuel',
      'Haine',
      'Menace ou violence',
      'Spam ou arnaque',
      'Données personnelles',
      "Sécurité d'un mineur",
      "Usurpation d'identité",
      'Autre',
    ]);
  });

  it('answers 404 elsewhere and 405 to a wrong method', async () => {
    const simulator = await startSimulator('http://vigie.test:3000');

    expect((await fetch(`${simulator}/admin`)).status).toBe(404);
    const wrong = await fetch(`${simulator}/api/report`);
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('POST');
  });
});
