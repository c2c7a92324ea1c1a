import type { AlertRule, ListResponse, ReportPayload, StaffAccessActivity, StaffAlert } from '@vigie/contracts';
import { verifySignature } from '@vigie/intake-client';
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { ManualClock } from '../common/clock';
import { RegisterService } from '../register/register.service';
import { aReportedCase, claim, requestAccess } from '../../test/gate-factory';
import { aReport, sendReport } from '../../test/intake-factory';
import { ownerQuery } from '../../test/owner-query';
import { createStaff, signIn, type Session } from '../../test/staff-factory';
import { createTestApp, type TestApp } from '../../test/test-app';
import { createOwnDatabase } from '../../test/test-database';
import { AlertEvaluator } from './alert-evaluator.service';
import { AlertWebhook } from './alert-webhook';

const HOUR = 3_600_000;

// This file writes register entries by hand (a member of staff's past) and moves the rules'
// cursor: it works on a database of its own.
describe('alerts on anomalous access', () => {
  let db: { url: string; drop(): Promise<void> };
  let t: TestApp;
  const clock = new ManualClock(new Date());
  let dpo: Session;
  const owner = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => ownerQuery<T>(sql, params, db.url);
  const apps: TestApp[] = [];

  /** Another instance of the API on the same database, with settings of its own. */
  async function anotherApp(env: Record<string, string>): Promise<TestApp> {
    const other = await createTestApp({ databaseUrl: db.url, env: { MFA_REQUIRED_ROLES: '', ...env }, clock });
    apps.push(other);
    return other;
  }

  beforeAll(async () => {
    db = await createOwnDatabase('vigie_alerts');
    t = await createTestApp({ databaseUrl: db.url, env: { MFA_REQUIRED_ROLES: '' }, clock });
    dpo = await signIn(t.app, (await createStaff(t.app, ['dpo'])).email);
  });
  afterAll(async () => {
    for (const other of apps) await other.close();
    await t?.close();
    await db?.drop();
  });

  const evaluate = (app = t) => app.app.get(AlertEvaluator).evaluate();

  async function aModerator(): Promise<{ id: string; email: string; session: Session }> {
    const account = await createStaff(t.app, ['moderator']);
    return { id: account.id, email: account.email, session: await signIn(t.app, account.email) };
  }

  /** A case of the moderator's own, claimed, ready to open. */
  async function myCase(session: Session, report?: ReportPayload) {
    if (report) {
      const res = await sendReport(t.app, report, { timestamp: Math.floor(clock.now().getTime() / 1000) });
      expect(res.statusCode).toBe(202);
      const { caseId, reportId } = res.json() as { caseId: string; reportId: string };
      await claim(t.app, session, caseId);
      return { caseId, reportId };
    }
    const { caseId, reportId } = await aReportedCase(t.app, { at: clock.now() });
    await claim(t.app, session, caseId);
    return { caseId, reportId };
  }

  /** Opens the case `n` times (a grant each), each with its own justification unless one is given. */
  async function open(session: Session, c: { caseId: string; reportId: string }, n: number, options: { scope?: 'context' | 'full'; justification?: (i: number) => string } = {}) {
    for (let i = 0; i < n; i++) {
      const justification = options.justification?.(i) ?? `Vérification numéro ${i} ${randomUUID()}`;
      const res = await requestAccess(t.app, session, c.caseId, { reportIds: [c.reportId], justification, scope: options.scope ?? 'context' });
      expect(res.statusCode).toBe(201);
    }
  }

  const sequencesOf = (staffId: string, where = `outcome = 'granted'`) =>
    owner<{ sequence: string }>(`SELECT sequence::text FROM access_log WHERE staff_id = $1 AND ${where} ORDER BY access_log.sequence`, [staffId]).then((rows) =>
      rows.map((r) => Number(r.sequence)),
    );

  async function alertsOf(staffId: string, rule?: AlertRule): Promise<StaffAlert[]> {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/audit/alerts?staffId=${staffId}${rule ? `&rule=${rule}` : ''}&perPage=200`, headers: dpo.headers() });
    expect(res.statusCode).toBe(200);
    return (res.json() as ListResponse<StaffAlert>).data;
  }

  /** Writes the register's cursor back, as if the entries after `sequence` had never been evaluated. */
  const rewindTo = (sequence: number) => owner(`UPDATE alert_cursor SET last_sequence = $1`, [sequence]);

  it('raises one alert when one person opens more than ALERT_OPENINGS_PER_HOUR (10) conversations in an hour, and none on evaluating again', async () => {
    const m = await aModerator();
    const c = await myCase(m.session);
    await open(m.session, c, 10);
    await evaluate();
    expect(await alertsOf(m.id, 'openings_per_hour')).toEqual([]);

    await open(m.session, c, 1);
    const opened = await evaluate();
    const [alert, ...more] = await alertsOf(m.id, 'openings_per_hour');
    expect(more).toEqual([]);
    expect(opened).toContain(alert.id);
    expect(alert).toMatchObject({ rule: 'openings_per_hour', staffId: m.id, status: 'open', note: null, openedAt: clock.now().toISOString() });
    expect(alert.evidence.sequences).toEqual(await sequencesOf(m.id));
    expect(alert.evidence.sequences).toHaveLength(11);

    // Evaluating the same entries again (a cursor written back) opens nothing new.
    const before = (await owner<{ n: number }>(`SELECT count(*)::int AS n FROM staff_alert`))[0].n;
    await rewindTo(alert.evidence.sequences[0] - 1);
    expect(await evaluate()).toEqual([]);
    expect((await owner<{ n: number }>(`SELECT count(*)::int AS n FROM staff_alert`))[0].n).toBe(before);
    expect(await alertsOf(m.id, 'openings_per_hour')).toEqual([alert]);

    // The burst going on joins the same alert.
    await open(m.session, c, 1);
    expect(await evaluate()).toEqual([]);
    const [grown] = await alertsOf(m.id, 'openings_per_hour');
    expect(grown.id).toBe(alert.id);
    expect(grown.evidence.sequences).toEqual(await sequencesOf(m.id));
  });

  it('raises an alert on openings above 3× the person’s own 30-day hourly median (and at least 5)', async () => {
    const steady = await aModerator();
    const other = await aModerator();
    // Their past: one opening an hour, on 20 hours of the last days (written as the schema owner).
    for (const staffId of [steady.id, other.id]) {
      for (let h = 0; h < 20; h++) {
        await owner(
          `INSERT INTO access_log (sequence, at, staff_id, staff_roles, report_ids, subject_ids, legal_basis, purpose, outcome, scope,
                                   justification_digest, ip_digest, user_agent_digest, prev_hash, hash, format, lia_version)
           SELECT coalesce(max(sequence), 0) + 1, $2::timestamptz, $1, '{moderator}', '{}', '{}', 'GDPR-6-1-f', 'moderation.report-review', 'granted',
                  '{"kind":"context","messageCount":1}', 'x', 'x', 'x', 'x', 'x', 3, 1 FROM access_log`,
          [staffId, new Date(clock.now().getTime() - (3 + h * 5) * HOUR)],
        );
      }
    }
    await evaluate();
    await open(steady.session, await myCase(steady.session), 5);
    await open(other.session, await myCase(other.session), 4);
    await evaluate();
    const [alert] = await alertsOf(steady.id, 'openings_per_hour');
    expect(alert.evidence.sequences).toEqual((await sequencesOf(steady.id)).slice(-5));
    expect(await alertsOf(other.id, 'openings_per_hour')).toEqual([]);
  });

  it('raises an alert when the same justification, however typed, is used 5 times in a day — naming entries, never the text', async () => {
    const m = await aModerator();
    const c = await myCase(m.session);
    const ways = ['Vérifier les messages signalés', '  vérifier LES messages   signalés ', 'ＶÉＲＩＦＩＥＲ les messages signalés', 'Vérifier\tles messages\nsignalés', 'vérifier les messages signalés'];
    await open(m.session, c, 4, { justification: (i) => ways[i] });
    await open(m.session, c, 1, { justification: () => 'Une autre raison, sans rapport avec les autres' });
    await evaluate();
    expect(await alertsOf(m.id, 'repeated_justification')).toEqual([]);

    await open(m.session, c, 1, { justification: () => ways[4] });
    await evaluate();
    const [alert, ...more] = await alertsOf(m.id, 'repeated_justification');
    expect(more).toEqual([]);
    const all = await sequencesOf(m.id);
    expect(alert.evidence.sequences).toEqual([...all.slice(0, 4), all[5]]);
    const stored = JSON.stringify(await owner(`SELECT * FROM staff_alert WHERE id = $1`, [alert.id]));
    expect(stored.toLowerCase()).not.toContain('signal');
  });

  it('raises an alert on openings outside ALERT_WORKING_HOURS, and none while it is unset', async () => {
    const m = await aModerator();
    await evaluate();
    await open(m.session, await myCase(m.session), 2);
    await evaluate();
    expect(await alertsOf(m.id, 'outside_working_hours')).toEqual([]);

    // Working days that leave out today (UTC): every opening of today is outside them.
    const names = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
    const today = clock.now().getUTCDay();
    const workingHours = `${names[(today + 1) % 7]}-${names[(today + 6) % 7]} 00:00-24:00 UTC`;
    const night = await anotherApp({ ALERT_WORKING_HOURS: workingHours });
    await rewindTo((await sequencesOf(m.id))[0] - 1);
    await evaluate(night);
    const [alert, ...more] = await alertsOf(m.id, 'outside_working_hours');
    expect(more).toEqual([]);
    expect(alert.evidence.sequences).toEqual(await sequencesOf(m.id));

    // Within working hours: nothing.
    const office = await anotherApp({ ALERT_WORKING_HOURS: `Mon-Sun 00:00-24:00 UTC` });
    const n = await aModerator();
    await open(n.session, await myCase(n.session), 1);
    await evaluate(office);
    expect(await alertsOf(n.id, 'outside_working_hours')).toEqual([]);
  });

  it('raises an alert on 3 refusals in 10 minutes, requests to confirm one’s password not counted', async () => {
    const m = await aModerator();
    const someone = await aModerator();
    const c = await myCase(someone.session);
    // Refused for asking to confirm the password again: written as the gate writes them.
    const register = t.app.get(RegisterService);
    await t.app.get(DataSource).transaction(async (em) => {
      for (let i = 0; i < 3; i++) {
        await register.record(em, {
          staff: { id: m.id, roles: ['moderator'] },
          caseId: c.caseId,
          conversationId: null,
          reportIds: [],
          subjectIds: [],
          outcome: 'denied',
          reason: 'step_up_required',
          justification: null,
          client: { ip: null, userAgent: null, requestId: null },
        });
      }
    });
    // Someone else's case: the gate refuses (not the assignee).
    for (let i = 0; i < 2; i++) expect((await requestAccess(t.app, m.session, c.caseId, { reportIds: [c.reportId] })).statusCode).toBe(403);
    await evaluate();
    expect(await alertsOf(m.id, 'repeated_denials')).toEqual([]);

    clock.advance(11 * 60_000);
    // Signed in again: the gate asks for a fresh confirmation after STEP_UP_MINUTES.
    m.session = await signIn(t.app, m.email);
    expect((await requestAccess(t.app, m.session, c.caseId, { reportIds: [c.reportId] })).statusCode).toBe(403);
    await evaluate();
    expect(await alertsOf(m.id, 'repeated_denials')).toEqual([]);

    for (let i = 0; i < 2; i++) expect((await requestAccess(t.app, m.session, c.caseId, { reportIds: [c.reportId] })).statusCode).toBe(403);
    await evaluate();
    const [alert] = await alertsOf(m.id, 'repeated_denials');
    expect(alert.evidence.sequences).toEqual((await sequencesOf(m.id, `outcome = 'denied' AND reason <> 'step_up_required'`)).slice(-3));
  });

  it('raises an alert when one platform user’s conversations are opened across 3 cases in 7 days', async () => {
    const m = await aModerator();
    const tag = randomUUID().slice(0, 8);
    const watched = { externalId: `u_watched_${tag}`, kind: 'expert' as const, displayName: 'Paul V.' };
    const casesOf = async (n: number, label: string) => {
      const cases = [];
      for (let i = 0; i < n; i++) {
        const own = `${tag}_${label}${i}`;
        const report = aReport({ reported: watched }, own);
        report.conversation.participants = [report.reporter.externalId, watched.externalId];
        report.conversation.messages = report.conversation.messages.map((msg, k) => ({ ...msg, authorExternalId: k % 2 ? watched.externalId : report.reporter.externalId }));
        cases.push(await myCase(m.session, report));
      }
      return cases;
    };
    const [first, second] = await casesOf(2, 'a');
    await open(m.session, first, 2);
    await open(m.session, second, 1);
    await evaluate();
    expect(await alertsOf(m.id, 'same_person_across_cases')).toEqual([]);

    const [third] = await casesOf(1, 'b');
    await open(m.session, third, 1);
    await evaluate();
    const [alert, ...more] = await alertsOf(m.id, 'same_person_across_cases');
    expect(more).toEqual([]);
    expect(alert.evidence.sequences).toEqual(await sequencesOf(m.id));
  });

  it('raises an alert when more than half of 20 or more openings asked for the whole conversation', async () => {
    const m = await aModerator();
    const c = await myCase(m.session);
    await open(m.session, c, 10, { scope: 'context' });
    await open(m.session, c, 10, { scope: 'full' });
    await evaluate();
    expect(await alertsOf(m.id, 'widening')).toEqual([]);

    await open(m.session, c, 1, { scope: 'full' });
    await evaluate();
    const [alert] = await alertsOf(m.id, 'widening');
    expect(alert.evidence.sequences).toEqual(await sequencesOf(m.id, `outcome = 'granted' AND scope->>'kind' = 'full'`));
    expect(alert.evidence.sequences).toHaveLength(11);
  });

  it('evaluates on one instance at a time: two instances at once raise one alert', async () => {
    const m = await aModerator();
    await evaluate();
    await open(m.session, await myCase(m.session), 11);
    const second = await anotherApp({});
    const [a, b] = await Promise.all([evaluate(), evaluate(second)]);
    expect(await alertsOf(m.id, 'openings_per_hour')).toHaveLength(1);
    expect([...a, ...b]).toHaveLength(1);
  });

  it('takes each threshold from the configuration', async () => {
    const m = await aModerator();
    const c = await myCase(m.session);
    await open(m.session, c, 3, { justification: () => 'La même justification, trois fois de suite' });
    await evaluate();
    expect(await alertsOf(m.id)).toEqual([]);

    const strict = await anotherApp({ ALERT_OPENINGS_PER_HOUR: '2', ALERT_SAME_JUSTIFICATION_PER_DAY: '3', ALERT_MEDIAN_MINIMUM: '100' });
    await rewindTo((await sequencesOf(m.id))[0] - 1);
    await evaluate(strict);
    expect((await alertsOf(m.id)).map((a) => a.rule).sort()).toEqual(['openings_per_hour', 'repeated_justification']);
  });

  describe('the webhook', () => {
    let server: Server;
    const received: { headers: IncomingHttpHeaders; body: string }[] = [];
    let answer = 500;
    const SECRET = 'alert-webhook-secret-of-the-tests';

    beforeAll(async () => {
      server = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (chunk: Buffer) => chunks.push(chunk));
        req.on('end', () => {
          received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
          res.writeHead(answer).end();
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('sends each new alert, signed with its own secret, until the receiver takes it', async () => {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/alerts`;
      const hooked = await anotherApp({ ALERT_WEBHOOK_URL: url, ALERT_WEBHOOK_SECRET: SECRET, ALERT_DENIALS: '1', WEBHOOK_RETRY_BASE_SECONDS: '60' });
      const m = await aModerator();
      await evaluate(hooked);
      const c = await myCase((await aModerator()).session);
      expect((await requestAccess(t.app, m.session, c.caseId, { reportIds: [c.reportId], justification: 'Secret de la justification envoyée' })).statusCode).toBe(403);
      const [id] = await evaluate(hooked);
      expect(id).toBeDefined();

      const webhook = hooked.app.get(AlertWebhook);
      expect(await webhook.deliverDue()).toBe(0);
      expect(received).toHaveLength(1);
      // Not due again before its back-off.
      answer = 200;
      expect(await webhook.deliverDue()).toBe(0);
      clock.advance(61_000);
      expect(await webhook.deliverDue()).toBe(1);
      expect(await webhook.deliverDue()).toBe(0);
      expect(received).toHaveLength(2);

      const { headers, body } = received[1];
      expect(verifySignature(Buffer.from(body), headers['x-signature'] as string, [SECRET], Math.floor(clock.now().getTime() / 1000))).toBe('ok');
      expect(verifySignature(Buffer.from(body), headers['x-signature'] as string, [hooked.config.PLATFORM_WEBHOOK_SECRET ?? ''], Math.floor(clock.now().getTime() / 1000))).not.toBe('ok');
      expect(headers['x-vigie-event']).toBe('alert.opened');
      expect(headers['idempotency-key']).toBe(`vigie-alert-${id}`);
      const payload = JSON.parse(body);
      expect(payload).toEqual({
        event: 'alert.opened',
        alert: expect.objectContaining({ id, rule: 'repeated_denials', staffId: m.id, evidence: { sequences: await sequencesOf(m.id, `outcome = 'denied'`) } }),
      });
      expect(body).not.toContain('Secret');
    });
  });

  describe('the DPO', () => {
    let alert: StaffAlert;
    let moderator: { id: string; email: string; session: Session };
    beforeAll(async () => {
      moderator = await aModerator();
      const strict = await anotherApp({ ALERT_OPENINGS_PER_HOUR: '1' });
      await evaluate(strict);
      await open(moderator.session, await myCase(moderator.session), 2, { scope: 'full' });
      await evaluate(strict);
      [alert] = await alertsOf(moderator.id);
    });

    it('alone reads the alerts and resolves them', async () => {
      const lead = await signIn(t.app, (await createStaff(t.app, ['lead'])).email);
      const admin = await signIn(t.app, (await createStaff(t.app, ['admin'])).email);
      for (const who of [moderator.session, lead, admin]) {
        for (const [method, url] of [
          ['GET', '/api/v1/audit/alerts'],
          ['GET', '/api/v1/audit/alerts/summary'],
          ['POST', `/api/v1/audit/alerts/${alert.id}/resolve`],
          ['GET', `/api/v1/audit/staff/${moderator.id}/activity`],
        ] as const) {
          const res = await t.app.inject({ method, url, headers: who.headers(method === 'POST'), ...(method === 'POST' ? { payload: { status: 'dismissed', note: 'Rien à voir' } } : {}) });
          expect(`${method} ${url} ${res.statusCode}`).toBe(`${method} ${url} 403`);
        }
      }
      expect((await alertsOf(moderator.id))[0].status).toBe('open');
    });

    it('counts the open alerts for the menu', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/audit/alerts/summary', headers: dpo.headers() });
      expect(res.statusCode).toBe(200);
      const [{ n }] = await owner<{ n: number }>(`SELECT count(*)::int AS n FROM staff_alert WHERE status = 'open'`);
      expect(n).toBeGreaterThan(0);
      expect(res.json()).toEqual({ open: n });
    });

    it('filters and pages the list', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/audit/alerts?status=open&rule=widening&perPage=1', headers: dpo.headers() });
      expect(res.statusCode).toBe(200);
      const page = res.json() as ListResponse<StaffAlert>;
      const [{ n }] = await owner<{ n: number }>(`SELECT count(*)::int AS n FROM staff_alert WHERE status = 'open' AND rule = 'widening'`);
      expect(page.total).toBe(n);
      expect(page.data).toHaveLength(1);
      expect(page.data[0]).toMatchObject({ rule: 'widening', status: 'open' });
      for (const bad of ['status=closed', 'rule=nope', 'staffId=42', 'sort=staffId', 'colour=red']) {
        const refused = await t.app.inject({ method: 'GET', url: `/api/v1/audit/alerts?${bad}`, headers: dpo.headers() });
        expect(`${bad} ${refused.statusCode}`).toBe(`${bad} 400`);
      }
    });

    it('resolves an alert with a note, once, in the staff journal', async () => {
      const resolve = (id: string, payload: unknown) =>
        t.app.inject({ method: 'POST', url: `/api/v1/audit/alerts/${id}/resolve`, headers: dpo.headers(true), payload: payload as Record<string, unknown> });
      for (const bad of [{ status: 'open', note: 'Rouvrir' }, { status: 'dismissed' }, { status: 'dismissed', note: ' ' }, { status: 'dismissed', note: 'ok', extra: 1 }]) {
        expect((await resolve(alert.id, bad)).statusCode).toBe(400);
      }
      expect((await resolve('not-a-uuid', { status: 'dismissed', note: 'Vu avec la personne' })).statusCode).toBe(400);
      expect((await resolve(randomUUID(), { status: 'dismissed', note: 'Vu avec la personne' })).statusCode).toBe(404);
      expect((await alertsOf(moderator.id))[0].status).toBe('open');

      const res = await resolve(alert.id, { status: 'acknowledged', note: 'Vu avec la personne : audit ponctuel demandé.' });
      expect(res.statusCode).toBe(200);
      const dpoId = dpo.body.user.id;
      expect(res.json()).toMatchObject({ id: alert.id, status: 'acknowledged', note: 'Vu avec la personne : audit ponctuel demandé.', resolvedBy: { id: dpoId }, resolvedAt: clock.now().toISOString() });
      const again = await resolve(alert.id, { status: 'dismissed', note: 'Finalement rien' });
      expect(again.statusCode).toBe(409);
      expect(again.json().details.code).toBe('alert_resolved');

      const journal = await owner(`SELECT actor_id, subject_id, details FROM staff_activity WHERE event = 'alert.resolved'`);
      expect(journal).toEqual([{ actor_id: dpoId, subject_id: moderator.id, details: { alertId: alert.id, rule: alert.rule, status: 'acknowledged' } }]);
    });

    it('does not let a DPO resolve an alert about themselves', async () => {
      // A DPO knocking at the gate is refused (no content role), and recorded: three times make an alert about them.
      const account = await createStaff(t.app, ['dpo']);
      const curious = await signIn(t.app, account.email);
      const c = await myCase(moderator.session);
      for (let i = 0; i < 3; i++) expect((await requestAccess(t.app, curious, c.caseId, { reportIds: [c.reportId] })).statusCode).toBe(403);
      await evaluate();
      const [own] = await alertsOf(account.id, 'repeated_denials');
      expect(own).toBeDefined();

      const res = await t.app.inject({
        method: 'POST',
        url: `/api/v1/audit/alerts/${own.id}/resolve`,
        headers: curious.headers(true),
        payload: { status: 'dismissed', note: 'Rien à signaler' },
      });
      expect(res.statusCode).toBe(403);
      expect(res.json().details.code).toBe('own_alert');
      expect((await alertsOf(account.id, 'repeated_denials'))[0].status).toBe('open');
      // Another DPO may.
      const other = await t.app.inject({ method: 'POST', url: `/api/v1/audit/alerts/${own.id}/resolve`, headers: dpo.headers(true), payload: { status: 'acknowledged', note: 'Vu avec la personne' } });
      expect(other.statusCode).toBe(200);
    });

    it('sees one person’s openings, refusals and widenings per day, with their alerts', async () => {
      const from = new Date(clock.now().getTime() - 2 * 86_400_000);
      const to = new Date(clock.now().getTime() + 86_400_000);
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/audit/staff/${moderator.id}/activity?from=${from.toISOString()}&to=${to.toISOString()}`, headers: dpo.headers() });
      expect(res.statusCode).toBe(200);
      const activity = res.json() as StaffAccessActivity;
      expect(activity.staff).toMatchObject({ id: moderator.id, roles: ['moderator'] });
      expect(activity.days).toHaveLength(4);
      const today = clock.now().toISOString().slice(0, 10);
      expect(activity.days.find((d) => d.day === today)).toEqual({ day: today, openings: 2, denials: 0, widenings: 2 });
      expect(activity.days.filter((d) => d.day !== today).every((d) => d.openings === 0 && d.denials === 0 && d.widenings === 0)).toBe(true);
      expect(activity.alerts.map((a) => a.id).sort()).toEqual((await alertsOf(moderator.id)).map((a) => a.id).sort());

      const journal = await owner<{ n: number }>(`SELECT count(*)::int AS n FROM staff_activity WHERE event = 'staff.access_activity_viewed' AND subject_id = $1`, [moderator.id]);
      expect(journal[0].n).toBe(1);

      expect((await t.app.inject({ method: 'GET', url: `/api/v1/audit/staff/${randomUUID()}/activity`, headers: dpo.headers() })).statusCode).toBe(404);
      for (const bad of [`from=${to.toISOString()}&to=${from.toISOString()}`, 'from=yesterday', `from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z`]) {
        const refused = await t.app.inject({ method: 'GET', url: `/api/v1/audit/staff/${moderator.id}/activity?${bad}`, headers: dpo.headers() });
        expect(`${bad} ${refused.statusCode}`).toBe(`${bad} 400`);
      }
    });
  });

  it('cannot be made to forget an alert by whoever holds the application’s database role', async () => {
    const [{ n }] = await owner<{ n: number }>(`SELECT count(*)::int AS n FROM staff_alert`);
    expect(n).toBeGreaterThan(0);
    await expect(owner(`SET ROLE vigie_app; DELETE FROM staff_alert`)).rejects.toThrow(/permission denied/);
    await expect(owner(`SET ROLE vigie_app; TRUNCATE staff_alert`)).rejects.toThrow(/permission denied/);
    expect((await owner<{ n: number }>(`SELECT count(*)::int AS n FROM staff_alert`))[0].n).toBe(n);
  });
});
