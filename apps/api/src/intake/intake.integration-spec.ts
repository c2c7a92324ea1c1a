import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { aReport, postSigned, sendReport } from '../../test/intake-factory';
import { createIntakeClient } from '@vigie/intake-client';
import { createTestApp, TEST_INTAKE_SECRETS, type TestApp } from '../../test/test-app';

describe('report intake', () => {
  let t: TestApp;
  let db: DataSource;
  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
  });
  afterAll(() => t?.close());

  const count = async (sql: string, params: unknown[]) => Number((await db.query(sql, params))[0].n);

  it('accepts a signed report: one case, its conversation, messages and bodies', async () => {
    const report = aReport();
    const res = await sendReport(t.app, report);
    expect(res.statusCode).toBe(202);
    const { reportId, caseId } = res.json();
    expect(reportId).toMatch(/^[0-9a-f-]{36}$/);
    const [kase] = await db.query(`SELECT status, priority, last_activity_at FROM moderation_case WHERE id = $1`, [caseId]);
    expect(kase).toMatchObject({ status: 'open', priority: 500 });
    expect(new Date(kase.last_activity_at).toISOString()).toBe(report.reportedAt);
    expect(await count(`SELECT count(*) n FROM message m JOIN conversation c ON c.id = m.conversation_id WHERE c.external_id = $1`, [report.conversation.externalId])).toBe(2);
    expect(await count(`SELECT count(*) n FROM message_body b JOIN message m ON m.id = b.message_id JOIN conversation c ON c.id = m.conversation_id WHERE c.external_id = $1`, [report.conversation.externalId])).toBe(2);
    const events = await db.query(`SELECT type, data FROM case_event WHERE case_id = $1`, [caseId]);
    expect(events).toEqual([{ type: 'case_opened', data: { reportId, category: 'harassment', newMessages: 2 } }]);
  });

  it('joins a second report on the conversation to its open case, adding only the new messages', async () => {
    const first = aReport();
    const { caseId } = (await sendReport(t.app, first)).json();
    const second = aReport({
      externalId: `${first.externalId}_b`,
      category: 'minor_safety',
      reporter: first.reported,
      reported: first.reporter,
      reportedAt: new Date(Date.now() - 10_000).toISOString(),
      conversation: {
        ...first.conversation,
        messages: [
          ...first.conversation.messages,
          { externalId: 'm_3_new', authorExternalId: first.reporter.externalId, sentAt: new Date(Date.now() - 20_000).toISOString(), body: 'Non.' },
        ],
      },
      reportedMessageIds: ['m_3_new'],
    });
    const res = await sendReport(t.app, second);
    expect(res.statusCode).toBe(202);
    expect(res.json().caseId).toBe(caseId);
    expect(await count(`SELECT count(*) n FROM message m JOIN conversation c ON c.id = m.conversation_id WHERE c.external_id = $1`, [first.conversation.externalId])).toBe(3);
    const [kase] = await db.query(`SELECT priority FROM moderation_case WHERE id = $1`, [caseId]);
    expect(kase.priority).toBe(1025); // minor_safety, and a second distinct reporter
    expect((await db.query(`SELECT type FROM case_event WHERE case_id = $1 ORDER BY id`, [caseId])).map((e: { type: string }) => e.type)).toEqual(['case_opened', 'report_added']);
  });

  it('stores a report once when 20 identical requests arrive together', async () => {
    const report = aReport();
    const answers = await Promise.all(Array.from({ length: 20 }, () => sendReport(t.app, report)));
    expect(answers.map((a) => a.statusCode)).toEqual(Array(20).fill(202));
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);
    expect(await count(`SELECT count(*) n FROM report WHERE external_id = $1`, [report.externalId])).toBe(1);
    expect(await count(`SELECT count(*) n FROM moderation_case c JOIN conversation v ON v.id = c.conversation_id WHERE v.external_id = $1`, [report.conversation.externalId])).toBe(1);
  });

  it('answers 409 to the same key with another body, and stores nothing', async () => {
    const report = aReport();
    await sendReport(t.app, report);
    const res = await sendReport(t.app, { ...report, externalId: `${report.externalId}_other` }, { key: report.externalId });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ details: { code: 'idempotency_key_reused' } });
    expect(await count(`SELECT count(*) n FROM report WHERE external_id = $1`, [`${report.externalId}_other`])).toBe(0);
  });

  describe('signatures', () => {
    const url = '/api/v1/intake/reports';
    const now = () => Math.floor(Date.now() / 1000);

    it.each([
      ['no signature', (raw: string) => postSigned(t.app, url, raw, { headers: { 'x-signature': '' } }), 'signature_missing'],
      ['a wrong secret', (raw: string) => postSigned(t.app, url, raw, { secret: 'not-the-platform-secret' }), 'signature_mismatch'],
      ['a one-byte change', (raw: string) => postSigned(t.app, url, raw.replace('Léa', 'Lea'), { signBody: raw }), 'signature_mismatch'],
      ['re-serialised JSON', (raw: string) => postSigned(t.app, url, JSON.stringify(JSON.parse(raw), null, 2), { signBody: raw }), 'signature_mismatch'],
      ['t 301 s ago', (raw: string) => postSigned(t.app, url, raw, { timestamp: now() - 301 }), 'signature_expired'],
      ['t 301 s ahead', (raw: string) => postSigned(t.app, url, raw, { timestamp: now() + 301 }), 'signature_expired'],
    ])('refuses %s with 401 and stores nothing', async (_case, send, code) => {
      const report = aReport();
      const res = await send(JSON.stringify(report));
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ details: { code } });
      expect(await count(`SELECT count(*) n FROM report WHERE external_id = $1`, [report.externalId])).toBe(0);
    });

    it('accepts t 299 s away, and the previous secret during a rotation', async () => {
      expect((await sendReport(t.app, aReport(), { timestamp: now() - 299 })).statusCode).toBe(202);
      expect((await sendReport(t.app, aReport(), { secret: 'test-intake-secret-previous' })).statusCode).toBe(202);
    });
  });

  it('refuses bad fields with 400 naming each of them', async () => {
    const report = { ...aReport(), category: 'rudeness', reportedMessageIds: [], surprise: true };
    const res = await postSigned(t.app, '/api/v1/intake/reports', JSON.stringify(report));
    expect(res.statusCode).toBe(400);
    const fields = (res.json().details as { field: string }[]).map((d) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['category', 'reportedMessageIds', 'surprise']));
  });

  it('refuses a report dated in the future, and a missing idempotency key', async () => {
    const future = await sendReport(t.app, aReport({ reportedAt: new Date(Date.now() + 3_600_000).toISOString() }));
    expect(future.statusCode).toBe(400);
    expect(future.json().message).toMatch(/reportedAt/);
    const noKey = await postSigned(t.app, '/api/v1/intake/reports', JSON.stringify(aReport()), { headers: { 'idempotency-key': '' } });
    expect(noKey.statusCode).toBe(400);
  });

  it('refuses a body over 1 MB with 413', async () => {
    const report = aReport();
    const raw = JSON.stringify(report);
    const padded = raw.slice(0, -1) + `,"pad":"${'x'.repeat(1024 * 1024 - raw.length)}"}`;
    expect(Buffer.byteLength(padded)).toBeGreaterThan(1024 * 1024);
    const res = await postSigned(t.app, '/api/v1/intake/reports', padded);
    expect(res.statusCode).toBe(413);
  });

  it('never writes a message body to the logs', async () => {
    const canary = `CANARY-${randomUUID()}`;
    const report = aReport();
    report.conversation.messages[1].body = canary;
    report.comment = `${canary}-comment`;
    expect((await sendReport(t.app, report)).statusCode).toBe(202);
    expect((await sendReport(t.app, { ...report, category: 'hate' }, { key: report.externalId })).statusCode).toBe(409);
    expect(t.logs.join('\n')).not.toContain(canary);
  });

  it('moves users and their open cases forward on activity signals', async () => {
    const report = aReport({ reportedAt: '2026-01-10T10:00:00Z' });
    report.conversation.messages.forEach((m) => (m.sentAt = '2026-01-10T09:00:00Z'));
    const { caseId } = (await sendReport(t.app, report)).json();
    const signal = { events: [{ userExternalId: report.reported.externalId, at: '2026-06-01T08:00:00Z' }, { userExternalId: 'u_unknown', at: '2026-06-01T08:00:00Z' }] };
    const res = await postSigned(t.app, '/api/v1/intake/activity', JSON.stringify(signal));
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ users: 1, cases: 1, refused: [] });
    const [kase] = await db.query(`SELECT last_activity_at FROM moderation_case WHERE id = $1`, [caseId]);
    expect(new Date(kase.last_activity_at).toISOString()).toBe('2026-06-01T08:00:00.000Z');
    const unsigned = await t.app.inject({ method: 'POST', url: '/api/v1/intake/activity', payload: signal });
    expect(unsigned.statusCode).toBe(401);
  });
});

describe('the platform client against the running API', () => {
  let t: TestApp;
  let baseUrl: string;
  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = await t.app.getUrl();
  });
  afterAll(() => t?.close());

  it('sends a report and activity signed, idempotent on a resend', async () => {
    const client = createIntakeClient({ baseUrl, secret: TEST_INTAKE_SECRETS[0] });
    const report = aReport();
    const first = await client.sendReport(report);
    expect(first).toEqual({ reportId: expect.any(String), caseId: expect.any(String) });
    await expect(client.sendReport(report)).resolves.toEqual(first);
    await expect(client.sendActivity([{ userExternalId: report.reporter.externalId, at: new Date().toISOString() }])).resolves.toEqual({ users: 1, cases: 1, refused: [] });
  });
});
