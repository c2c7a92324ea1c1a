import type { ReportPayload } from '@vigie/contracts';
import { randomInt } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ManualClock } from '../common/clock';
import { aReport, postSigned, sendReport } from '../../test/intake-factory';
import { createTestApp, type TestApp } from '../../test/test-app';
import { ownerQuery } from '../../test/owner-query';
import { createStaff, signIn } from '../../test/staff-factory';

/**
 * What a reported user (through the platform) or a flood can send: nothing of it answers 500,
 * loses a report or moves a case's clock into the future.
 */
describe('intake that a reported user cannot jam', () => {
  let t: TestApp;
  let db: DataSource;
  beforeAll(async () => {
    t = await createTestApp({ env: { MFA_REQUIRED_ROLES: '' } });
    db = t.app.get(DataSource);
  });
  afterAll(() => t?.close());

  const reportRow = async (externalId: string) =>
    (
      await ownerQuery<{ comment: string | null; cleaned_fields: string[]; reporter_name: string; reported_name: string }>(
        `SELECT r.comment, r.cleaned_fields, a.display_name AS reporter_name, b.display_name AS reported_name
           FROM report r JOIN platform_user a ON a.id = r.reporter_id JOIN platform_user b ON b.id = r.reported_id
          WHERE r.external_id = $1`,
        [externalId],
      )
    )[0];

  describe('unstorable code points', () => {
    it('keeps a U+0000 in a body, a comment and a display name as U+FFFD, and says which fields were cleaned', async () => {
      const report = aReport({ comment: 'Regarde\u0000 ça' });
      report.reported.displayName = 'Marc\u0000';
      report.conversation.messages[1].body = 'On se voit\u0000 ce soir ?';
      const res = await sendReport(t.app, report);
      expect(res.statusCode).toBe(202);
      const row = await reportRow(report.externalId);
      expect(row).toMatchObject({ comment: 'Regarde\ufffd ça', reported_name: 'Marc\ufffd', reporter_name: 'Léa M.' });
      expect([...row.cleaned_fields].sort()).toEqual(['comment', 'conversation.messages.1.body', 'reported.displayName']);
      const messages = await ownerQuery<{ external_id: string; body: string; body_cleaned: boolean }>(
        `SELECT m.external_id, b.body, m.body_cleaned FROM message m JOIN message_body b ON b.message_id = m.id
           JOIN conversation c ON c.id = m.conversation_id WHERE c.external_id = $1 ORDER BY m.sent_at`,
        [report.conversation.externalId],
      );
      expect(messages.map((m) => [m.body, m.body_cleaned])).toEqual([
        ['Bonjour, merci pour vos conseils.', false],
        ['On se voit\ufffd ce soir ?', true],
      ]);
    });

    it('keeps lone surrogates as U+FFFD and marks the field', async () => {
      const report = aReport();
      // JSON can carry a lone surrogate (`\ud800`); UTF-8 cannot.
      const raw = JSON.stringify(report).replace('"Il insiste', '"\\ud800Il insiste').replace('"Léa M."', '"Léa\\udfff M."');
      const res = await postSigned(t.app, '/api/v1/intake/reports', raw, { key: report.externalId });
      expect(res.statusCode).toBe(202);
      const row = await reportRow(report.externalId);
      expect(row.comment).toBe('\ufffdIl insiste pour me voir en dehors de la plateforme.');
      expect(row.reporter_name).toBe('Léa\ufffd M.');
      expect([...row.cleaned_fields].sort()).toEqual(['comment', 'reporter.displayName']);
    });

    it('shows the cleaned fields on the case, and stores none for a clean report', async () => {
      const clean = aReport();
      const { caseId } = (await sendReport(t.app, clean)).json();
      expect((await reportRow(clean.externalId)).cleaned_fields).toEqual([]);
      const dirty = aReport({ ...clean, externalId: `${clean.externalId}_b`, comment: '\u0000', reportedAt: new Date(Date.now() - 30_000).toISOString() });
      expect((await sendReport(t.app, dirty)).json().caseId).toBe(caseId);

      const lead = await signIn(t.app, (await createStaff(t.app, ['lead'])).email);
      const detail = (await t.app.inject({ method: 'GET', url: `/api/v1/cases/${caseId}`, headers: lead.headers() })).json();
      expect(detail.reports.map((r: { externalId: string; cleanedFields: string[]; comment: string }) => [r.externalId, r.cleanedFields, r.comment])).toEqual([
        [clean.externalId, [], clean.comment],
        [dirty.externalId, ['comment'], '\ufffd'],
      ]);
    });

    type Spoil = (report: ReportPayload) => unknown;
    it.each<[string, Spoil, string]>([
      ['a report id', (r) => (r.externalId = 'rep_\u0000'), 'externalId'],
      ['a user id', (r) => (r.conversation.participants[0] = 'u\u0000'), 'conversation.participants.0'],
      ['a date', (r) => (r.reportedAt = '2026-01-01T00:00:00\u0000Z'), 'reportedAt'],
      ['a category', (r) => ((r as { category: string }).category = 'hate\u0000'), 'category'],
      ['a kind', (r) => ((r.reporter as { kind: string }).kind = 'expert\u0000'), 'reporter.kind'],
      ['the year 0000', (r) => (r.conversation.messages[0].sentAt = '0000-01-01T00:00:00Z'), 'conversation.messages.0.sentAt'],
      ['a time zone offset of +23:59', (r) => (r.reportedAt = '2026-01-01T00:00:00+23:59'), 'reportedAt'],
    ])('refuses a U+0000 or an unstorable value in %s with 400 naming it, and stores nothing', async (_what, spoil, field) => {
      const report = aReport();
      spoil(report);
      const res = await sendReport(t.app, report, { key: `k_${randomInt(1e9)}` });
      expect(res.statusCode).toBe(400);
      expect((res.json().details as { field: string }[]).map((d) => d.field)).toContain(field);
      const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM conversation WHERE external_id = $1`, [report.conversation.externalId]);
      expect(n).toBe(0);
    });
  });

  describe('concurrency', () => {
    it('stores 30 parallel reports on one conversation, whatever the order of its participants', async () => {
      const base = aReport();
      const people = Array.from({ length: 8 }, (_, i) => `${base.reporter.externalId}_${i}`);
      const shuffled = () => [...people].sort(() => Math.random() - 0.5);
      const messages = people.map((author, i) => ({
        externalId: `${base.conversation.externalId}_m${i}`,
        authorExternalId: author,
        sentAt: new Date(Date.now() - 300_000 + i * 1000).toISOString(),
        body: `Message ${i}`,
      }));
      const reports = Array.from({ length: 30 }, (_, i) => {
        const reporter = people[i % people.length];
        const reported = people[(i + 1 + (i % 3)) % people.length];
        return aReport({
          externalId: `${base.externalId}_${i}`,
          reporter: { externalId: reporter, kind: 'explorer', displayName: `Reporter ${i}` },
          reported: { externalId: reported, kind: 'expert', displayName: `Reported ${i}` },
          conversation: {
            externalId: base.conversation.externalId,
            participants: shuffled(),
            // Each report carries a different, reordered slice of the conversation.
            messages: [...messages].slice(0, 3 + (i % 6)).sort(() => Math.random() - 0.5),
          },
          reportedMessageIds: [messages[0].externalId],
        });
      });
      const logged = t.logs.length;
      const answers = await Promise.all(reports.map((r) => sendReport(t.app, r)));
      expect(answers.map((a) => a.statusCode)).toEqual(Array(30).fill(202));
      // Locks taken in one order: no transaction had to be run again.
      expect(t.logs.slice(logged).filter((line) => line.includes('run again'))).toEqual([]);
      const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM report WHERE external_id LIKE $1`, [`${base.externalId}\\_%`]);
      expect(n).toBe(30);
      expect(new Set(answers.map((a) => a.json().caseId)).size).toBe(1);
    });

    it('stores reports on many conversations and applies activity signals at once, the same users listed in any order', async () => {
      const tag = aReport().externalId;
      const people = Array.from({ length: 8 }, (_, i) => `u_${tag}_${i}`);
      const shuffled = () => [...people].sort(() => Math.random() - 0.5);
      const reports = Array.from({ length: 20 }, (_, i) => {
        const participants = shuffled();
        return aReport({
          externalId: `${tag}_${i}`,
          reporter: { externalId: participants[0], kind: 'explorer', displayName: `Reporter ${i}` },
          reported: { externalId: participants[1], kind: 'expert', displayName: `Reported ${i}` },
          conversation: {
            externalId: `c_${tag}_${i}`,
            participants,
            messages: [{ externalId: `m_${i}`, authorExternalId: participants[1], sentAt: new Date(Date.now() - 120_000).toISOString(), body: 'Bonjour' }],
          },
          reportedMessageIds: [`m_${i}`],
        });
      });
      const signals = Array.from({ length: 6 }, () => ({ events: shuffled().map((userExternalId) => ({ userExternalId, at: new Date().toISOString() })) }));
      const logged = t.logs.length;
      const answers = await Promise.all([
        ...reports.map((r) => sendReport(t.app, r)),
        ...signals.map((signal) => postSigned(t.app, '/api/v1/intake/activity', JSON.stringify(signal))),
      ]);
      expect(answers.map((a) => a.statusCode)).toEqual(Array(26).fill(202));
      expect(t.logs.slice(logged).filter((line) => line.includes('run again'))).toEqual([]);
      const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM report WHERE external_id LIKE $1`, [`${tag}\\_%`]);
      expect(n).toBe(20);
    });

    it('stores one report sent twice at once under two keys', async () => {
      const report = aReport();
      const answers = await Promise.all([sendReport(t.app, report, { key: 'ka_' + report.externalId }), sendReport(t.app, report, { key: 'kb_' + report.externalId })]);
      expect(answers.map((a) => a.statusCode)).toEqual([202, 202]);
      expect(answers[0].json()).toEqual(answers[1].json());
      const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM report WHERE external_id = $1`, [report.externalId]);
      expect(n).toBe(1);
    });
  });

  describe('timestamps ahead of the clock', () => {
    it('refuses a message sent 10 years ahead with 400 naming it, and stores nothing', async () => {
      const report = aReport();
      report.conversation.messages[1].sentAt = new Date(Date.now() + 10 * 365 * 86_400_000).toISOString();
      const res = await sendReport(t.app, report);
      expect(res.statusCode).toBe(400);
      expect(res.json().message).toMatch(/conversation\.messages\.1\.sentAt/);
      expect(res.json().details.fields).toEqual([expect.objectContaining({ field: 'conversation.messages.1.sentAt', code: 'in_future' })]);
      const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM report WHERE external_id = $1`, [report.externalId]);
      expect(n).toBe(0);
    });

    it('accepts a message 4 minutes ahead (a platform clock a little fast)', async () => {
      const report = aReport();
      report.conversation.messages[1].sentAt = new Date(Date.now() + 4 * 60_000).toISOString();
      expect((await sendReport(t.app, report)).statusCode).toBe(202);
    });

    it('refuses an activity signal dated 2999 on its own, and applies the others', async () => {
      const report = aReport({ reportedAt: '2026-01-10T10:00:00Z' });
      report.conversation.messages.forEach((m) => (m.sentAt = '2026-01-10T09:00:00Z'));
      const { caseId } = (await sendReport(t.app, report)).json();
      const signal = {
        events: [
          { userExternalId: report.reported.externalId, at: '2999-01-01T00:00:00Z' },
          { userExternalId: report.reporter.externalId, at: '2026-06-01T08:00:00Z' },
        ],
      };
      const res = await postSigned(t.app, '/api/v1/intake/activity', JSON.stringify(signal));
      expect(res.statusCode).toBe(202);
      expect(res.json()).toEqual({
        users: 1,
        cases: 1,
        refused: [{ index: 0, field: 'events.0.at', code: 'in_future', message: expect.stringMatching(/ahead/) }],
      });
      const [kase] = await db.query(`SELECT last_activity_at FROM moderation_case WHERE id = $1`, [caseId]);
      expect(new Date(kase.last_activity_at).toISOString()).toBe('2026-06-01T08:00:00.000Z');
      const [user] = await db.query(`SELECT last_activity_at FROM platform_user WHERE external_id = $1`, [report.reported.externalId]);
      expect(user.last_activity_at).toBeNull();
    });
  });
});

describe('intake rate limit per client address, shared by every instance', () => {
  // A fixed window a second after its start: the test never crosses a minute by chance.
  const windowStart = Math.floor(Date.now() / 60_000) * 60_000;
  const clock = new ManualClock(new Date(windowStart + 1000));
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    a = await createTestApp({ env: { INTAKE_RATE_LIMIT_PER_MINUTE: '3' }, clock });
    b = await createTestApp({ env: { INTAKE_RATE_LIMIT_PER_MINUTE: '3' }, clock });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  // Addresses of these tests' own (a documentation range): no other test shares their budget.
  let lastOctet = 0;
  const address = () => `198.51.100.${++lastOctet}`;
  const send = (t: TestApp, from: string) => {
    const report = aReport({ reportedAt: new Date(clock.now().getTime() - 30_000).toISOString() });
    const raw = JSON.stringify(report);
    return { report, res: postSigned(t.app, '/api/v1/intake/reports', raw, { key: report.externalId, timestamp: Math.floor(clock.now().getTime() / 1000), remoteAddress: from }) };
  };

  it('counts requests from one address on every instance, answers 429 with Retry-After past the limit, and writes nothing', async () => {
    const from = address();
    expect((await send(a, from).res).statusCode).toBe(202);
    expect((await send(b, from).res).statusCode).toBe(202);
    expect((await send(a, from).res).statusCode).toBe(202);
    const over = send(b, from);
    const res = await over.res;
    expect(res.statusCode).toBe(429);
    expect(res.headers['retry-after']).toBe('59');
    expect(res.json()).toMatchObject({ statusCode: 429, error: 'Too Many Requests', details: { code: 'rate_limited' } });
    const [{ n }] = await a.app.get(DataSource).query(`SELECT count(*)::int AS n FROM report WHERE external_id = $1`, [over.report.externalId]);
    expect(n).toBe(0);
    // Activity signals come out of the same budget.
    const activity = await postSigned(a.app, '/api/v1/intake/activity', JSON.stringify({ events: [{ userExternalId: 'u_x', at: new Date(windowStart).toISOString() }] }), {
      timestamp: Math.floor(clock.now().getTime() / 1000),
      remoteAddress: from,
    });
    expect(activity.statusCode).toBe(429);
  });

  it('gives another address a budget of its own, and a new minute a new one', async () => {
    const first = address();
    const second = address();
    for (let i = 0; i < 3; i++) expect((await send(a, first).res).statusCode).toBe(202);
    expect((await send(b, first).res).statusCode).toBe(429);
    expect((await send(b, second).res).statusCode).toBe(202);
    clock.advance(60_000);
    expect((await send(a, first).res).statusCode).toBe(202);
    // A new minute's first request cleared the minutes before it.
    const stale = await a.app
      .get(DataSource)
      .query(`SELECT client FROM intake_rate_window WHERE client LIKE '198.51.100.%' AND window_start < $1`, [new Date(windowStart + 60_000)]);
    expect(stale).toEqual([]);
  });
});
