import type { ReportPayload, RetentionRun } from '@vigie/contracts';
import { randomUUID } from 'node:crypto';
import { ManualClock } from '../common/clock';
import { aReportedCase, claim, readGrant, requestAccess } from '../../test/gate-factory';
import { postSigned, sendReport } from '../../test/intake-factory';
import { ownerQuery } from '../../test/owner-query';
import { createStaff, signIn, type Session } from '../../test/staff-factory';
import { createTestApp, type TestApp } from '../../test/test-app';
import { createOwnDatabase } from '../../test/test-database';
import { RetentionService } from './retention.service';

const DAY = 86_400_000;
const STATEMENT = {
  facts: 'Messages insistants pour obtenir un rendez-vous hors plateforme.',
  ground: 'CGU art. 4.2 — harcèlement',
  automated: false,
  redress: 'Recours interne sous 6 mois depuis la plateforme.',
};

/**
 * Retention erases everything that is due in its database: each test gets a database of its
 * own, an app on it and a clock it moves.
 */
interface World {
  t: TestApp;
  clock: ManualClock;
  start: Date;
  lead: Session;
  dpo: Session;
  moderator: Session;
  owner<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** `years` years and `days` days after the start, by the calendar. */
  after(years: number, days?: number): Date;
  /** Moves the clock, and signs everyone in again (sessions do not live for years). */
  travel(to: Date): Promise<void>;
  run(options?: { dryRun?: boolean }): Promise<RetentionRun>;
  close(): Promise<void>;
}

async function aWorld(env: Record<string, string> = {}): Promise<World> {
  const db = await createOwnDatabase('vigie_retention');
  const start = new Date();
  const clock = new ManualClock(start);
  // The clock moves years ahead here: the staff journal's own retention is tested in its own spec.
  const t = await createTestApp({ databaseUrl: db.url, clock, env: { MFA_REQUIRED_ROLES: '', STAFF_JOURNAL_RETENTION: 'P100Y', ...env } });
  const emails = {
    lead: (await createStaff(t.app, ['lead'])).email,
    dpo: (await createStaff(t.app, ['dpo'])).email,
    moderator: (await createStaff(t.app, ['moderator'])).email,
  };
  const owner = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => ownerQuery<T>(sql, params, db.url);
  const world: World = {
    t,
    clock,
    start,
    lead: await signIn(t.app, emails.lead),
    dpo: await signIn(t.app, emails.dpo),
    moderator: await signIn(t.app, emails.moderator),
    owner,
    async travel(to) {
      clock.set(to);
      world.lead = await signIn(t.app, emails.lead);
      world.dpo = await signIn(t.app, emails.dpo);
      world.moderator = await signIn(t.app, emails.moderator);
    },
    after(years, days = 0) {
      const at = new Date(start);
      at.setUTCFullYear(at.getUTCFullYear() + years);
      return new Date(at.getTime() + days * DAY);
    },
    run: (options = {}) => t.app.get(RetentionService).run({ dryRun: false, trigger: 'cli', ...options }),
    async close() {
      await t.close();
      await db.drop();
    },
  };
  return world;
}

async function caseState(w: World, caseId: string) {
  const [row] = await w.owner<{ status: string; close_reason: string | null; purged: boolean }>(
    `SELECT status, close_reason, data_purged_at IS NOT NULL AS purged FROM moderation_case WHERE id = $1`,
    [caseId],
  );
  return row;
}

/** A later report on the same conversation, at `at`; messages sent at `messagesAt`. */
function aFollowUp(first: ReportPayload, at: Date, messagesAt: Date): ReportPayload {
  const tag = randomUUID().slice(0, 8);
  return {
    ...first,
    externalId: `rep_followup_${tag}`,
    reportedAt: at.toISOString(),
    conversation: {
      ...first.conversation,
      messages: [{ externalId: `m_new_${tag}`, authorExternalId: first.reported.externalId, sentAt: messagesAt.toISOString(), body: 'Tu es là ?' }],
    },
    reportedMessageIds: [`m_new_${tag}`],
  };
}

/**
 * A process killed during a run's 3rd batch, simulated in the test's own database: the batch's
 * first change to a case fails (each batch is one transaction, so none of it stays), and so does
 * any later change to the run's row, as a dead process writes nothing.
 */
const KILLED_DURING_THIRD_BATCH = `
  CREATE FUNCTION test_killed_during_third_batch() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_TABLE_NAME = 'retention_run' OR EXISTS (SELECT 1 FROM retention_run WHERE status = 'running' AND batches >= 2) THEN
      RAISE EXCEPTION 'simulated crash: the process died during the third batch';
    END IF;
    RETURN NEW;
  END $$;
  CREATE TRIGGER test_killed_during_third_batch BEFORE UPDATE ON moderation_case
    FOR EACH ROW EXECUTE FUNCTION test_killed_during_third_batch();
  CREATE TRIGGER test_killed_during_third_batch BEFORE UPDATE ON retention_run
    FOR EACH ROW WHEN (OLD.batches >= 2) EXECUTE FUNCTION test_killed_during_third_batch();`;
const RESTARTED = `
  DROP TRIGGER test_killed_during_third_batch ON moderation_case;
  DROP TRIGGER test_killed_during_third_batch ON retention_run;
  DROP FUNCTION test_killed_during_third_batch();`;

const signedAt = (at: Date) => ({ timestamp: Math.floor(at.getTime() / 1000) });

describe('retention', () => {
  let w: World;
  afterEach(() => w?.close());

  it('keeps a case 3 years − 1 day after its last activity, and closes and erases it at 3 years + 1 day', async () => {
    w = await aWorld();
    const { caseId, reportId } = await aReportedCase(w.t.app, { at: w.start });
    await claim(w.t.app, w.moderator, caseId);
    await requestAccess(w.t.app, w.moderator, caseId, { reportIds: [reportId] });

    await w.travel(w.after(3, -1));
    expect((await w.run()).counts.casesPurged).toBe(0);
    expect(await caseState(w, caseId)).toEqual({ status: 'in_review', close_reason: null, purged: false });

    await w.travel(w.after(3, 1));
    const run = await w.run();
    expect(run).toMatchObject({ status: 'completed', counts: { casesPurged: 1, casesClosed: 1, messagesErased: 2, reportCommentsErased: 1, usersPseudonymised: 2, conversationsPseudonymised: 1, registerEntriesErased: 1 } });
    expect(await caseState(w, caseId)).toEqual({ status: 'closed', close_reason: 'retention_expired', purged: true });
    const detail = (await w.t.app.inject({ method: 'GET', url: `/api/v1/cases/${caseId}`, headers: w.moderator.headers() })).json();
    expect(detail.timeline.map((e: { type: string }) => e.type)).toContain('retention_closed');
    expect(detail.reports[0].comment).toBeNull();
    expect(detail.participants.map((p: { displayName: string | null }) => p.displayName)).toEqual([null, null]);

    // The conversation is gone for good, and the register still verifies, its erasure told apart.
    const gate = await requestAccess(w.t.app, w.lead, caseId, { reportIds: [reportId] });
    expect(gate.json()).toMatchObject({ reason: 'data_purged' });
    const verify = (await w.t.app.inject({ method: 'GET', url: '/api/v1/audit/verify', headers: w.dpo.headers() })).json();
    expect(verify).toMatchObject({ intact: true, entriesErased: 1 });
    // A further run has nothing left to do.
    expect((await w.run()).counts.casesPurged).toBe(0);
  });

  it('counts a report, a staff action, a new message and a platform activity signal as activity', async () => {
    w = await aWorld();
    const cases = await Promise.all(Array.from({ length: 5 }, () => aReportedCase(w.t.app, { at: w.start })));
    const [byReport, byStaff, byMessage, bySignal, untouched] = cases;
    const later = w.after(2);
    await w.travel(later);
    expect((await sendReport(w.t.app, aFollowUp(byReport.report, later, w.start), signedAt(later))).statusCode).toBe(202);
    await claim(w.t.app, w.moderator, byStaff.caseId);
    // An old report carrying a message sent two years later.
    expect((await sendReport(w.t.app, aFollowUp(byMessage.report, w.start, later), signedAt(later))).statusCode).toBe(202);
    const signal = { events: [{ userExternalId: bySignal.report.reported.externalId, at: later.toISOString() }] };
    expect((await postSigned(w.t.app, '/api/v1/intake/activity', JSON.stringify(signal), signedAt(later))).statusCode).toBe(202);

    await w.travel(w.after(3, 1));
    await w.run();
    expect((await caseState(w, untouched.caseId)).purged).toBe(true);
    for (const kept of [byReport, byStaff, byMessage, bySignal]) expect((await caseState(w, kept.caseId)).purged).toBe(false);
    await w.travel(w.after(5, 1));
    expect((await w.run()).counts.casesPurged).toBe(4);
  });

  it('never erases a case under legal hold; placing and lifting it is recorded, then retention applies again', async () => {
    w = await aWorld();
    const { caseId } = await aReportedCase(w.t.app, { at: w.start });
    const hold = await w.t.app.inject({ method: 'POST', url: `/api/v1/cases/${caseId}/legal-hold`, headers: w.dpo.headers(true), payload: { reason: 'Réquisition judiciaire n° 2026/118' } });
    expect(hold.statusCode).toBe(200);
    expect(hold.json()).toMatchObject({ caseId, legalHold: true, reason: 'Réquisition judiciaire n° 2026/118' });
    expect((await w.t.app.inject({ method: 'POST', url: `/api/v1/cases/${caseId}/legal-hold`, headers: w.moderator.headers(true), payload: { reason: 'Je voudrais garder ce dossier.' } })).statusCode).toBe(403);
    expect((await w.t.app.inject({ method: 'POST', url: `/api/v1/cases/${caseId}/legal-hold`, headers: w.lead.headers(true), payload: { reason: 'court' } })).statusCode).toBe(400);

    await w.travel(w.after(10));
    expect((await w.run()).counts.casesPurged).toBe(0);
    const holds = (await w.t.app.inject({ method: 'GET', url: '/api/v1/retention/legal-holds', headers: w.dpo.headers() })).json();
    expect(holds.data).toEqual([expect.objectContaining({ caseId, reason: 'Réquisition judiciaire n° 2026/118' })]);

    const lift = await w.t.app.inject({ method: 'DELETE', url: `/api/v1/cases/${caseId}/legal-hold`, headers: w.lead.headers(true), payload: { reason: 'Procédure close, levée autorisée.' } });
    expect(lift.statusCode).toBe(200);
    expect(lift.json()).toMatchObject({ caseId, legalHold: false });
    const kase = await w.t.app.inject({ method: 'GET', url: `/api/v1/cases/${caseId}`, headers: w.lead.headers() });
    const types = kase.json().timeline.map((e: { type: string }) => e.type);
    expect(types).toEqual(expect.arrayContaining(['legal_hold_placed', 'legal_hold_lifted']));
    const logged = await w.owner<{ event: string }>(`SELECT event FROM staff_activity WHERE details->>'caseId' = $1 ORDER BY id`, [caseId]);
    expect(logged.map((l) => l.event)).toEqual(['legal_hold.placed', 'legal_hold.lifted']);
    expect((await w.run()).counts.casesPurged).toBe(1);
  });

  it('leaves nothing of an erased case anywhere in the database, and keeps what a still active case needs', async () => {
    w = await aWorld();
    const canary = `canary${randomUUID().replace(/-/g, '')}`;
    const gone = await aReportedCase(w.t.app, { at: w.start, canary });
    // Every personal field carries the canary: names, platform ids, comment, bodies, justification, hold reason.
    await w.owner(`UPDATE platform_user SET display_name = display_name || $2, external_id = external_id || $2
                    WHERE id IN (SELECT user_id FROM conversation_participant p JOIN moderation_case c ON c.conversation_id = p.conversation_id WHERE c.id = $1)`, [gone.caseId, canary]);
    await w.owner(`UPDATE conversation SET external_id = external_id || $2 WHERE id = (SELECT conversation_id FROM moderation_case WHERE id = $1)`, [gone.caseId, canary]);
    await w.owner(`UPDATE report SET comment = comment || $2, reported_message_ids = reported_message_ids || $2 WHERE case_id = $1`, [gone.caseId, canary]);
    await claim(w.t.app, w.moderator, gone.caseId);
    const grant = await requestAccess(w.t.app, w.moderator, gone.caseId, { reportIds: [gone.reportId], justification: `Vérification ${canary}` });
    await readGrant(w.t.app, w.moderator, grant.json().grantId);
    for (const method of ['POST', 'DELETE'] as const) {
      await w.t.app.inject({ method, url: `/api/v1/cases/${gone.caseId}/legal-hold`, headers: w.lead.headers(true), payload: { reason: `Gel ${canary}` } });
    }

    // A conversation shared by an old case and a new, active one.
    const shared = await aReportedCase(w.t.app, { at: w.start });
    await w.owner(`UPDATE moderation_case SET status = 'closed', close_reason = 'resolved', closed_at = $2 WHERE id = $1`, [shared.caseId, w.start]);
    const recent = w.after(2);
    await w.travel(recent);
    const again = await sendReport(w.t.app, aFollowUp(shared.report, recent, recent), signedAt(recent));
    expect(again.json().caseId).not.toBe(shared.caseId);

    await w.travel(w.after(3, 1));
    const run = await w.run();
    expect(run.counts.casesPurged).toBe(2);
    expect(await everyTextColumnContaining(w, canary)).toEqual([]);
    // The active case's conversation keeps its messages and its people.
    const [{ bodies }] = await w.owner<{ bodies: number }>(
      `SELECT count(*)::int AS bodies FROM message_body b JOIN message m ON m.id = b.message_id
        JOIN moderation_case c ON c.conversation_id = m.conversation_id WHERE c.id = $1`,
      [shared.caseId],
    );
    expect(bodies).toBe(3);
    const names = await w.owner<{ display_name: string | null }>(`SELECT display_name FROM platform_user WHERE external_id = $1`, [shared.report.reporter.externalId]);
    expect(names).toEqual([{ display_name: 'Léa M.' }]);
    expect((await w.t.app.inject({ method: 'GET', url: '/api/v1/audit/verify', headers: w.dpo.headers() })).json()).toMatchObject({ intact: true });
  });

  it('leaves neither the lead’s rejection note nor the platform’s message ids on a purged case', async () => {
    w = await aWorld();
    const canary = `canary${randomUUID().replace(/-/g, '')}`;
    const { caseId, reportId, report } = await aReportedCase(w.t.app, { at: w.start });
    await claim(w.t.app, w.moderator, caseId);
    expect((await requestAccess(w.t.app, w.moderator, caseId, { reportIds: [reportId] })).statusCode).toBe(201);
    const decide = async (session: Session, body: Record<string, unknown>) => {
      const { version } = (await w.t.app.inject({ method: 'GET', url: `/api/v1/cases/${caseId}`, headers: session.headers() })).json() as { version: number };
      const res = await w.t.app.inject({ method: 'POST', url: `/api/v1/cases/${caseId}/decision`, headers: session.headers(true), payload: { policyClause: 'cgu.4.2-harcelement', statement: STATEMENT, version, ...body } });
      expect(res.statusCode).toBe(200);
      return res.json() as { decisions: { id: string; state: string }[] };
    };
    // A moderator's ban waits for a lead, who rejects it with a note naming people.
    const proposed = await decide(w.moderator, { action: 'ban' });
    const rejected = await w.t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${caseId}/decisions/${proposed.decisions[0].id}/review`,
      headers: w.lead.headers(true),
      payload: { approve: false, note: `Trop sévère pour Marc D. ${canary}` },
    });
    expect(rejected.statusCode).toBe(200);
    const removedMessage = report.reportedMessageIds[0];
    await decide(w.moderator, { action: 'content_removal', messageIds: [removedMessage] });

    await w.travel(w.after(3, 1));
    expect((await w.run()).counts.casesPurged).toBe(1);
    const left = { note: await everyTextColumnContaining(w, canary), messageId: await everyTextColumnContaining(w, removedMessage) };
    expect(left).toEqual({ note: [], messageId: [] });
  });

  it('runs once when three runners start together', async () => {
    w = await aWorld();
    await Promise.all(Array.from({ length: 3 }, () => aReportedCase(w.t.app, { at: w.start })));
    await w.travel(w.after(3, 1));
    const service = w.t.app.get(RetentionService);
    const results = await Promise.allSettled([1, 2, 3].map(() => service.run({ dryRun: false, trigger: 'cli' })));
    const done = results.filter((r): r is PromiseFulfilledResult<RetentionRun> => r.status === 'fulfilled');
    expect(done).toHaveLength(1);
    expect(done[0].value.counts.casesPurged).toBe(3);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refused.map((r) => (r.reason as { code?: string }).code)).toEqual(['retention_running', 'retention_running']);
  });

  it('resumes after a crash to the state of an uninterrupted run, counted as the dry run foresaw', async () => {
    w = await aWorld({ RETENTION_BATCH_SIZE: '2' });
    const cases = await Promise.all(Array.from({ length: 7 }, () => aReportedCase(w.t.app, { at: w.start })));
    await w.travel(w.after(3, 1));
    const dry = await w.run({ dryRun: true });
    expect(dry).toMatchObject({ status: 'completed', dryRun: true, casesDue: 7, batches: 4 });
    expect(await caseState(w, cases[0].caseId)).toEqual({ status: 'open', close_reason: null, purged: false });

    // Killed during its 3rd batch: that batch's transaction never commits and the dead process
    // records nothing more, so its run stays `running` with 2 batches done.
    await w.owner(KILLED_DURING_THIRD_BATCH);
    const crashed = await w.run();
    await w.owner(RESTARTED);
    expect(crashed).toMatchObject({ status: 'running', batches: 2, counts: { casesPurged: 4 } });
    const resumed = await w.run();
    expect(resumed).toMatchObject({ status: 'completed', counts: { casesPurged: 3 } });
    expect((await w.t.app.get(RetentionService).getRun(crashed.id)).status).toBe('interrupted');

    type Kind = keyof RetentionRun['counts'];
    const total = Object.fromEntries(Object.keys(dry.counts).map((k) => [k, crashed.counts[k as Kind] + resumed.counts[k as Kind]]));
    expect(total).toEqual(dry.counts);
    for (const { caseId } of cases) expect(await caseState(w, caseId)).toEqual({ status: 'closed', close_reason: 'retention_expired', purged: true });
    expect((await w.run()).counts).toEqual({ casesPurged: 0, casesClosed: 0, messagesErased: 0, reportCommentsErased: 0, notesErased: 0, usersPseudonymised: 0, conversationsPseudonymised: 0, registerEntriesErased: 0, journalEntriesErased: 0 });
  });

  it('previews what will go, pseudonymously, and lets the DPO run it over HTTP while others may not', async () => {
    w = await aWorld();
    const due = await aReportedCase(w.t.app, { at: w.start });
    await w.travel(w.after(1));
    await aReportedCase(w.t.app, { at: w.after(1) });
    await w.travel(w.after(3, -10));
    const preview = await w.t.app.inject({ method: 'GET', url: '/api/v1/retention/preview', headers: w.dpo.headers() });
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({ totals: { cases: 1, reports: 1, messages: 2 }, cases: [{ caseId: due.caseId, categories: ['harassment'] }] });
    expect(preview.body).not.toContain(due.report.reporter.displayName);
    expect(preview.body).not.toContain(due.report.reporter.externalId);

    for (const session of [w.moderator, w.lead]) {
      expect((await w.t.app.inject({ method: 'POST', url: '/api/v1/retention/runs', headers: session.headers(true), payload: { dryRun: true } })).statusCode).toBe(403);
    }
    await w.travel(w.after(3, 1));
    const started = await w.t.app.inject({ method: 'POST', url: '/api/v1/retention/runs', headers: w.dpo.headers(true), payload: {} });
    expect(started.statusCode).toBe(202);
    const { id } = started.json() as RetentionRun;
    let run: RetentionRun;
    do {
      run = (await w.t.app.inject({ method: 'GET', url: `/api/v1/retention/runs/${id}`, headers: w.dpo.headers() })).json();
    } while (run.status === 'running');
    expect(run).toMatchObject({ status: 'completed', trigger: 'manual', counts: { casesPurged: 1 } });
    const runs = (await w.t.app.inject({ method: 'GET', url: '/api/v1/retention/runs', headers: w.dpo.headers() })).json();
    expect(runs.data[0]).toMatchObject({ id, startedBy: { name: 'Test dpo' } });
    const policy = (await w.t.app.inject({ method: 'GET', url: '/api/v1/retention/policy', headers: w.dpo.headers() })).json();
    expect(policy).toMatchObject({ period: 'P3Y', batchSize: 500 });
  });
});

/** `table.column` for every text-like column of the schema holding `needle`, read as the owner. */
async function everyTextColumnContaining(w: World, needle: string): Promise<string[]> {
  const columns = await w.owner<{ table_name: string; column_name: string }>(
    `SELECT c.table_name, c.column_name FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_name = c.table_name AND t.table_schema = c.table_schema AND t.table_type = 'BASE TABLE'
      WHERE c.table_schema = current_schema()
        AND (c.data_type IN ('text', 'character varying', 'json', 'jsonb', 'ARRAY') OR c.udt_name = 'citext')`,
  );
  const found: string[] = [];
  for (const { table_name, column_name } of columns) {
    const [{ n }] = await w.owner<{ n: number }>(`SELECT count(*)::int AS n FROM "${table_name}" WHERE "${column_name}"::text LIKE $1`, [`%${needle}%`]);
    if (n > 0) found.push(`${table_name}.${column_name}`);
  }
  return found;
}
