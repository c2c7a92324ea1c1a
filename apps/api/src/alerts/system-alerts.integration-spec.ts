import type { ListResponse, RegisterVerifySchedule, StaffAlert } from '@vigie/contracts';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { ManualClock } from '../common/clock';
import { CheckpointScheduler } from '../register/checkpoint.scheduler';
import { RegisterService } from '../register/register.service';
import { VerificationScheduler } from '../register/verification.scheduler';
import { RetentionRepository } from '../retention/retention.repository';
import { RetentionService } from '../retention/retention.service';
import { AlertWebhook } from './alert-webhook';
import { SystemAlerts } from '../alert-store/system-alerts';
import { aReportedCase, claim, requestAccess } from '../../test/gate-factory';
import { ownerQuery } from '../../test/owner-query';
import { createStaff, signIn, type Session } from '../../test/staff-factory';
import { createTestApp, type TestApp } from '../../test/test-app';
import { createOwnDatabase } from '../../test/test-database';

const HOUR = 3_600_000;
const VERIFY_LOCK_KEY = 7_461_006;

// This file breaks the register by hand and leaves retention runs behind: a database of its own.
describe('system alerts: the DPO hears when Vigie itself fails', () => {
  let db: { url: string; drop(): Promise<void> };
  let t: TestApp;
  const clock = new ManualClock(new Date());
  let dpoEmail: string;
  let dpoId: string;
  /** The DPO, signed in afresh: the tests move the clock by days, past any session's life. */
  const dpo = async (app = t): Promise<Session> => signIn(app.app, dpoEmail);
  const owner = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => ownerQuery<T>(sql, params, db.url);
  const apps: TestApp[] = [];

  /** Another instance of the API on the same database, with settings of its own (a schedule turned on). */
  async function anotherApp(env: Record<string, string>): Promise<TestApp> {
    const other = await createTestApp({ databaseUrl: db.url, env: { MFA_REQUIRED_ROLES: '', ...env }, clock });
    apps.push(other);
    return other;
  }

  const systemAlerts = (rule: string) =>
    owner<{ id: string; staff_id: string | null; status: string; details: Record<string, unknown>; evidence: string[] }>(
      `SELECT id, staff_id, status, details, evidence::text[] AS evidence FROM staff_alert WHERE rule = $1 ORDER BY opened_at, id`,
      [rule],
    );

  beforeAll(async () => {
    db = await createOwnDatabase('vigie_sysalerts');
    t = await createTestApp({ databaseUrl: db.url, env: { MFA_REQUIRED_ROLES: '' }, clock });
    const account = await createStaff(t.app, ['dpo']);
    dpoId = account.id;
    dpoEmail = account.email;
    // A few register entries: a moderator opens a case.
    const moderator = await createStaff(t.app, ['moderator']);
    const session = await signIn(t.app, moderator.email);
    const { caseId, reportId } = await aReportedCase(t.app, { at: clock.now() });
    await claim(t.app, session, caseId);
    for (let i = 0; i < 3; i++) {
      const res = await requestAccess(t.app, session, caseId, { reportIds: [reportId], justification: `Vérification du signalement ${i}`, scope: 'context' });
      expect(res.statusCode).toBe(201);
    }
  });
  afterAll(async () => {
    for (const other of apps) await other.close();
    await t?.close();
    await db?.drop();
  });

  describe('the schema', () => {
    it('keeps system rules and staff rules apart: no person on a system alert, always one on a staff alert', async () => {
      await expect(
        owner(`INSERT INTO staff_alert (rule, staff_id, opened_at, window_start, window_end, evidence) VALUES ('register_broken', $1, now(), now(), now(), '{1}')`, [dpoId]),
      ).rejects.toThrow(/ck_staff_alert_system/);
      await expect(
        owner(`INSERT INTO staff_alert (rule, staff_id, opened_at, window_start, window_end, evidence) VALUES ('widening', NULL, now(), now(), now(), '{1}')`),
      ).rejects.toThrow(/ck_staff_alert_system/);
      // A staff alert still needs its evidence.
      await expect(
        owner(`INSERT INTO staff_alert (rule, staff_id, opened_at, window_start, window_end, evidence) VALUES ('widening', $1, now(), now(), now(), '{}')`, [dpoId]),
      ).rejects.toThrow(/ck_staff_alert_evidence/);
    });

    it('lets the application’s role record a verification but never change or remove one', async () => {
      await owner(`SET ROLE vigie_app; INSERT INTO register_verification (at, trigger, intact, entries_checked, first_broken_sequence, problem) VALUES (now() - interval '10 years', 'manual', false, 3, 2, 'hash_mismatch')`);
      const [{ id }] = await owner<{ id: string }>(`SELECT id::text FROM register_verification WHERE problem = 'hash_mismatch' AND at < now() - interval '9 years'`);
      // Whoever holds the application's credentials cannot turn a broken chain found at night into an intact one.
      await expect(owner(`SET ROLE vigie_app; UPDATE register_verification SET intact = true, first_broken_sequence = NULL, problem = NULL WHERE id = ${id}`)).rejects.toThrow(/permission denied/);
      await expect(owner(`SET ROLE vigie_app; DELETE FROM register_verification WHERE id = ${id}`)).rejects.toThrow(/permission denied/);
      await expect(owner(`SET ROLE vigie_app; TRUNCATE register_verification`)).rejects.toThrow(/permission denied/);
      const [row] = await owner<{ intact: boolean }>(`SELECT intact FROM register_verification WHERE id = ${id}`);
      expect(row.intact).toBe(false);
      await owner(`DELETE FROM register_verification WHERE id = ${id}`);
    });
  });

  describe('register_broken: the scheduled verification', () => {
    let scheduled: TestApp;
    let tampered: { sequence: string; hash: string };

    beforeAll(async () => {
      scheduled = await anotherApp({ REGISTER_VERIFY_SCHEDULE_HOURS: '24' });
    });

    it('verifies once per interval, keeps the outcome on record, and shows it to the DPO', async () => {
      const tick = () => scheduled.app.get(VerificationScheduler).tick();
      expect(await tick()).toBe(true);
      // Not due again until the interval has passed.
      expect(await tick()).toBe(false);
      clock.advance(25 * HOUR);
      expect(await tick()).toBe(true);
      const rows = await owner<{ trigger: string; intact: boolean; entries_checked: string }>(`SELECT trigger, intact, entries_checked::text FROM register_verification WHERE trigger = 'schedule' ORDER BY id`);
      expect(rows).toHaveLength(2);
      expect(rows.every((r) => r.intact && Number(r.entries_checked) > 0)).toBe(true);

      const res = await scheduled.app.inject({ method: 'GET', url: '/api/v1/audit/verify/schedule', headers: (await dpo(scheduled)).headers() });
      expect(res.statusCode).toBe(200);
      const schedule = res.json() as RegisterVerifySchedule;
      expect(schedule.scheduleHours).toBe(24);
      expect(schedule.last).toMatchObject({ trigger: 'schedule', intact: true, firstBrokenSequence: null, at: clock.now().toISOString() });
      // The test app's schedule is off.
      const off = await t.app.inject({ method: 'GET', url: '/api/v1/audit/verify/schedule', headers: (await dpo()).headers() });
      expect((off.json() as RegisterVerifySchedule).scheduleHours).toBe(0);
    });

    it('leaves the verification to one instance: another holding the lock, it does nothing', async () => {
      clock.advance(25 * HOUR);
      const holder = new Client({ connectionString: db.url });
      await holder.connect();
      try {
        await holder.query('SELECT pg_advisory_lock($1)', [VERIFY_LOCK_KEY]);
        const before = (await owner<{ n: number }>(`SELECT count(*)::int AS n FROM register_verification`))[0].n;
        expect(await scheduled.app.get(VerificationScheduler).tick()).toBe(false);
        expect((await owner<{ n: number }>(`SELECT count(*)::int AS n FROM register_verification`))[0].n).toBe(before);
      } finally {
        await holder.end();
      }
    });

    it('raises one register_broken alert, naming the entry and the problem, when the chain is broken', async () => {
      expect(await systemAlerts('register_broken')).toHaveLength(0);
      [tampered] = await owner<{ sequence: string; hash: string }>(`SELECT sequence::text, hash FROM access_log ORDER BY sequence DESC LIMIT 1`);
      await owner(`BEGIN; SET LOCAL session_replication_role = replica; UPDATE access_log SET hash = repeat('0', 64) WHERE sequence = ${tampered.sequence}; COMMIT`);
      try {
        clock.advance(25 * HOUR);
        expect(await scheduled.app.get(VerificationScheduler).tick()).toBe(true);
        const [alert, ...more] = await systemAlerts('register_broken');
        expect(more).toHaveLength(0);
        expect(alert.staff_id).toBeNull();
        expect(alert.evidence).toEqual([]);
        expect(alert.details).toEqual({ chain: 'register', sequence: Number(tampered.sequence), problem: 'hash_mismatch', trigger: 'schedule' });
        const [last] = await owner<{ intact: boolean; first_broken_sequence: string }>(`SELECT intact, first_broken_sequence::text FROM register_verification ORDER BY id DESC LIMIT 1`);
        expect(last).toEqual({ intact: false, first_broken_sequence: tampered.sequence });

        // Still broken the next day, and when the DPO verifies: the open alert stays the one.
        clock.advance(25 * HOUR);
        expect(await scheduled.app.get(VerificationScheduler).tick()).toBe(true);
        const manual = await t.app.inject({ method: 'GET', url: '/api/v1/audit/verify', headers: (await dpo()).headers() });
        expect(manual.json().intact).toBe(false);
        expect(await systemAlerts('register_broken')).toHaveLength(1);
        const [{ n }] = await owner<{ n: number }>(`SELECT count(*)::int AS n FROM register_verification WHERE trigger = 'manual' AND NOT intact AND at > now() - interval '1 year'`);
        expect(n).toBe(1);
      } finally {
        await owner(`BEGIN; SET LOCAL session_replication_role = replica; UPDATE access_log SET hash = '${tampered.hash}' WHERE sequence = ${tampered.sequence}; COMMIT`);
      }
      expect((await t.app.get(RegisterService).verify()).intact).toBe(true);
    });

    it('shows the system alert to the DPO as nobody’s, and lets them resolve it', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/audit/alerts?rule=register_broken', headers: (await dpo()).headers() });
      expect(res.statusCode).toBe(200);
      const list = res.json() as ListResponse<StaffAlert>;
      expect(list.total).toBe(1);
      const [alert] = list.data;
      expect(alert).toMatchObject({ rule: 'register_broken', staffId: null, staffName: null, evidence: { sequences: [] }, status: 'open' });
      expect(alert.details).toMatchObject({ chain: 'register', problem: 'hash_mismatch' });
      const resolved = await t.app.inject({
        method: 'POST',
        url: `/api/v1/audit/alerts/${alert.id}/resolve`,
        headers: (await dpo()).headers(true),
        payload: { status: 'acknowledged', note: 'Restauré depuis la sauvegarde' },
      });
      expect(resolved.statusCode).toBe(200);
      expect((resolved.json() as StaffAlert).status).toBe('acknowledged');
      const journal = await owner<{ subject_id: string | null; details: Record<string, unknown> }>(`SELECT subject_id, details FROM staff_activity WHERE event = 'alert.resolved'`);
      expect(journal).toEqual([{ subject_id: null, details: { alertId: alert.id, rule: 'register_broken', status: 'acknowledged' } }]);
    });
  });

  describe('retention_failed', () => {
    it('is raised for a run that failed, once, with its id and the error’s name only', async () => {
      const repository = t.app.get(RetentionRepository);
      const spy = jest.spyOn(repository, 'purgeBatch').mockRejectedValueOnce(Object.assign(new Error('the disk is full of Jeanne Dupont’s messages'), { name: 'QueryFailedError' }));
      try {
        const run = await t.app.get(RetentionService).run({ dryRun: false, trigger: 'cli' });
        expect(run.status).toBe('failed');
        const alerts = await systemAlerts('retention_failed');
        expect(alerts).toHaveLength(1);
        expect(alerts[0].staff_id).toBeNull();
        expect(run.error).toMatch(/^QueryFailedError/);
        expect(alerts[0].details).toEqual({ runId: run.id, status: 'failed', error: run.error, dryRun: false });
        expect(JSON.stringify(alerts[0].details)).not.toContain('Jeanne');
      } finally {
        spy.mockRestore();
      }
    });

    it('is raised for a run a dead process left running, when the next run starts', async () => {
      const [{ id }] = await owner<{ id: string }>(
        `INSERT INTO retention_run (started_at, cutoff, dry_run, status, trigger, cases_due) VALUES ($1, $1, false, 'running', 'schedule', 4) RETURNING id`,
        [new Date(clock.now().getTime() - HOUR)],
      );
      const run = await t.app.get(RetentionService).run({ dryRun: false, trigger: 'cli' });
      expect(run.status).toBe('completed');
      const interrupted = (await systemAlerts('retention_failed')).filter((a) => a.details.runId === id);
      expect(interrupted).toHaveLength(1);
      expect(interrupted[0].details).toEqual({ runId: id, status: 'interrupted' });
      // The completed run raised nothing.
      expect((await systemAlerts('retention_failed')).some((a) => a.details.runId === run.id)).toBe(false);
    });

    it('stays one alert per run, across instances', async () => {
      const [first] = await systemAlerts('retention_failed');
      await expect(
        owner(`INSERT INTO staff_alert (rule, staff_id, opened_at, window_start, window_end, evidence, details) VALUES ('retention_failed', NULL, now(), now(), now(), '{}', $1)`, [
          JSON.stringify({ runId: first.details.runId, status: 'failed' }),
        ]),
      ).rejects.toThrow(/ux_staff_alert_retention_run/);
    });
  });

  describe('checkpoint_failed', () => {
    it('is raised when the scheduled checkpoint cannot be signed, one open at a time', async () => {
      const signing = await anotherApp({ REGISTER_CHECKPOINT_INTERVAL_HOURS: '24' });
      const spy = jest.spyOn(signing.app.get(RegisterService), 'checkpoint').mockRejectedValue(Object.assign(new Error('EACCES /secrets'), { name: 'SigningError' }));
      try {
        expect(await signing.app.get(CheckpointScheduler).tick()).toBe(false);
        clock.advance(HOUR);
        expect(await signing.app.get(CheckpointScheduler).tick()).toBe(false);
        const alerts = await systemAlerts('checkpoint_failed');
        expect(alerts).toHaveLength(1);
        expect(alerts[0]).toMatchObject({ staff_id: null, status: 'open', details: { error: 'SigningError' } });
      } finally {
        spy.mockRestore();
      }
      // Signed again: no new alert.
      expect(await signing.app.get(CheckpointScheduler).tick()).toBe(true);
      expect(await systemAlerts('checkpoint_failed')).toHaveLength(1);
    });

    it('counts in the menu badge', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/audit/alerts/summary', headers: (await dpo()).headers() });
      const [{ n }] = await owner<{ n: number }>(`SELECT count(*)::int AS n FROM staff_alert WHERE status = 'open' AND staff_id IS NULL`);
      expect(n).toBeGreaterThanOrEqual(3);
      expect(res.json().open).toBe(n);
    });
  });

  it('sends a system alert to the webhook as nobody’s, with its ids and codes only', async () => {
    const bodies: string[] = [];
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        bodies.push(Buffer.concat(chunks).toString('utf8'));
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/alerts`;
      const hooked = await anotherApp({ ALERT_WEBHOOK_URL: url, ALERT_WEBHOOK_SECRET: 'system-alert-webhook-secret' });
      // The open checkpoint_failed was raised without a webhook: it is not sent now.
      await owner(`UPDATE staff_alert SET status = 'acknowledged', note = 'vu', resolved_at = now(), resolved_by = $1 WHERE rule = 'checkpoint_failed'`, [dpoId]);
      const id = await hooked.app.get(SystemAlerts).raise('checkpoint_failed', { error: 'SigningError' });
      expect(id).toBeDefined();
      expect(await hooked.app.get(AlertWebhook).deliverDue()).toBe(1);
      expect(bodies).toHaveLength(1);
      expect(JSON.parse(bodies[0])).toEqual({
        event: 'alert.opened',
        alert: {
          id,
          rule: 'checkpoint_failed',
          staffId: null,
          openedAt: clock.now().toISOString(),
          windowStart: clock.now().toISOString(),
          windowEnd: clock.now().toISOString(),
          evidence: { sequences: [] },
          details: { error: 'SigningError' },
        },
      });
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
