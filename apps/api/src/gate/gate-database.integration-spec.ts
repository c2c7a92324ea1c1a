import type { AccessGrant } from '@vigie/contracts';
import { Client } from 'pg';
import { ManualClock } from '../common/clock';
import { aReportedCase, claim, readGrant, requestAccess } from '../../test/gate-factory';
import { ownerQuery } from '../../test/owner-query';
import { createStaff, signIn, type Session } from '../../test/staff-factory';
import { createTestApp, testDatabaseUrl, type TestApp } from '../../test/test-app';

/**
 * The gate holds at the database, against whoever holds the application's credentials (leaked,
 * or reached through an SQL injection): as `vigie_app`, no sequence of statements — inserts,
 * function calls, rollbacks — yields a message body unless a committed register entry records
 * that read, for a grant the gate created for that case, within its validity by the database's clock.
 */
describe('the gate at the database, attacked as the application role', () => {
  let t: TestApp;
  let moderator: Session;
  let moderatorId: string;
  let sessionId: string;
  beforeAll(async () => {
    t = await createTestApp({ env: { MFA_REQUIRED_ROLES: '' } });
    const account = await createStaff(t.app, ['moderator']);
    moderatorId = account.id;
    moderator = await signIn(t.app, account.email);
    [{ id: sessionId }] = await ownerQuery<{ id: string }>(`SELECT id FROM staff_session WHERE staff_id = $1 AND revoked_at IS NULL`, [moderatorId]);
  });
  afterAll(() => t?.close());

  /** A connection working as the application's role, as the API's own pool does. */
  async function asApplication<T>(work: (db: Client) => Promise<T>): Promise<T> {
    const db = new Client({ connectionString: testDatabaseUrl(), application_name: 'vigie-test-attacker' });
    await db.connect();
    try {
      await db.query('SET ROLE vigie_app');
      return await work(db);
    } finally {
      await db.end();
    }
  }

  /**
   * Runs statements one by one in a transaction it rolls back; collects the bodies any of them
   * yielded and the errors. Each statement runs in a savepoint, so one refusal does not stop the
   * next — unless `plain`: then the first error ends the attempt (rows written in a savepoint
   * belong to a subtransaction, which some checks see differently).
   */
  async function attempt(db: Client, statements: [string, unknown[]?][], plain = false): Promise<{ bodies: string[]; errors: string[] }> {
    const bodies: string[] = [];
    const errors: string[] = [];
    await db.query('BEGIN');
    for (const [sql, params = []] of statements) {
      if (plain) {
        try {
          const result = await db.query(sql, params);
          for (const row of result.rows as Record<string, unknown>[]) if (typeof row.body === 'string') bodies.push(row.body);
        } catch (error) {
          errors.push((error as Error).message);
          break;
        }
        continue;
      }
      await db.query('SAVEPOINT step');
      try {
        const result = await db.query(sql, params);
        for (const row of result.rows as Record<string, unknown>[]) if (typeof row.body === 'string') bodies.push(row.body);
        await db.query('RELEASE SAVEPOINT step');
      } catch (error) {
        errors.push((error as Error).message);
        await db.query('ROLLBACK TO SAVEPOINT step');
      }
    }
    await db.query('ROLLBACK');
    return { bodies, errors };
  }

  const registerSize = async () => Number((await ownerQuery<{ n: string }>(`SELECT count(*) AS n FROM access_log`))[0].n);

  async function myCase() {
    const reported = await aReportedCase(t.app, { messages: 3 });
    await claim(t.app, moderator, reported.caseId);
    return reported;
  }

  /** A grant through the API, read once: the legitimate path does hand bodies out. */
  async function aReadGrant() {
    const reported = await myCase();
    const grant = (await requestAccess(t.app, moderator, reported.caseId, { reportIds: [reported.reportId] })).json() as AccessGrant;
    const read = await readGrant(t.app, moderator, grant.grantId);
    expect(read.body).toContain(reported.canary);
    return { ...reported, grant };
  }

  const COLUMNS = `(sequence, at, staff_id, staff_roles, case_id, conversation_id, report_ids, subject_ids, legal_basis, purpose,
    outcome, reason, scope, grant_id, request_id, justification, justification_digest, ip, ip_digest, user_agent, user_agent_digest,
    salt, prev_hash, hash, format, lia_version)`;

  /** A `read` entry as the application would chain it, after the current head. */
  const readEntry = (grant: string, caseId: string) => `
    SELECT (SELECT coalesce(max(sequence), 0) + 1 FROM access_log) AS sequence,
           now() AS at, '${moderatorId}'::uuid AS staff_id, '{moderator}'::text[] AS staff_roles, '${caseId}'::uuid AS case_id,
           NULL::uuid AS conversation_id, '{}'::uuid[] AS report_ids, '{}'::uuid[] AS subject_ids,
           'GDPR-6-1-f' AS legal_basis, 'moderation.report-review' AS purpose, 'read' AS outcome, NULL AS reason,
           NULL::jsonb AS scope, ${grant} AS grant_id, NULL AS request_id, NULL AS justification, 'x' AS justification_digest,
           NULL AS ip, 'x' AS ip_digest, NULL AS user_agent, 'x' AS user_agent_digest, 's' AS salt,
           coalesce((SELECT hash FROM access_log ORDER BY sequence DESC LIMIT 1), repeat('0', 64)) AS prev_hash, 'forged' AS hash, 3 AS format,
           coalesce((SELECT g.lia_version FROM access_grant g WHERE g.id = ${grant}), lia_version_in_force()) AS lia_version`;

  it('a grant over every message and a read entry, inserted by hand then rolled back, yield no body and leave no trace', async () => {
    const { caseId } = await myCase();
    const other = await aReportedCase(t.app, { messages: 2 });
    const before = await registerSize();
    const { bodies, errors: e1 } = await asApplication((db) =>
      attempt(db, [
        [`CREATE TEMP TABLE forged_grant AS
            SELECT gen_random_uuid() AS id, c.id AS case_id, $1::uuid AS staff_id FROM moderation_case c WHERE c.id = $2`, [moderatorId, caseId]],
        [`INSERT INTO access_grant (id, case_id, staff_id, scope, report_ids, message_ids, created_at, expires_at, session_id)
            SELECT f.id, f.case_id, f.staff_id, 'full', '{}', ARRAY(SELECT id FROM message), now(), now() + interval '1 hour', $1
              FROM forged_grant f`, [sessionId]],
        [`INSERT INTO access_log ${COLUMNS} SELECT e.* FROM forged_grant f, LATERAL (${readEntry('f.id', caseId)}) e`],
        // Yesterday's function, as the attack found it, and today's, by every signature.
        [`SELECT b.body FROM forged_grant f, gate_message_bodies(f.id, f.staff_id, now()) b`],
      ], true),
    );
    // Today's signature, by the same attacker, in a transaction of its own.
    const again = await asApplication((db) =>
      attempt(db, [
        [`INSERT INTO access_log ${COLUMNS} ${readEntry(`'${moderatorId}'::uuid`, caseId)}`],
        [`SELECT b.body FROM access_log l, gate_message_bodies(l.sequence, l.staff_id) b WHERE l.hash = 'forged'`],
      ], true),
    );
    bodies.push(...again.bodies);
    expect(bodies).toEqual([]);
    expect([...e1, ...again.errors].join('\n')).toMatch(/permission denied/);
    expect(await registerSize()).toBe(before);
    // The other conversation's canary was never within reach either.
    expect(bodies.join('\n')).not.toContain(other.canary);
  });

  it('the application role may not insert grants or register entries, nor change them', async () => {
    const { grant, caseId } = await aReadGrant();
    const { errors } = await asApplication((db) =>
      attempt(db, [
        [`INSERT INTO access_grant (case_id, staff_id, scope, report_ids, message_ids, created_at, expires_at, session_id)
            SELECT case_id, staff_id, scope, report_ids, message_ids, now(), now() + interval '1 day', session_id FROM access_grant WHERE id = $1`, [grant.grantId]],
        [`UPDATE access_grant SET expires_at = now() + interval '1 day', message_ids = ARRAY(SELECT id FROM message) WHERE id = $1`, [grant.grantId]],
        [`INSERT INTO access_log ${COLUMNS} ${readEntry(`'${grant.grantId}'::uuid`, caseId)}`],
      ]),
    );
    expect(errors).toHaveLength(3);
    for (const error of errors) expect(error).toMatch(/permission denied/);
  });

  it('a read entry appended through the register function in the same transaction yields no body: it must be committed first', async () => {
    const { grant, caseId, canary } = await aReadGrant();
    const { bodies, errors } = await asApplication((db) =>
      attempt(db, [
        [`SELECT access_log_append(to_jsonb(e)) FROM (${readEntry(`'${grant.grantId}'::uuid`, caseId)}) e`],
        // The entry just appended — not the API's own, committed a moment ago.
        [`SELECT b.body FROM access_log l, gate_message_bodies(l.sequence, l.staff_id) b
           WHERE l.grant_id = $1 AND l.outcome = 'read' AND l.sequence = (SELECT max(sequence) FROM access_log)`, [grant.grantId]],
      ]),
    );
    // The append itself passes the function's rules (a live grant, its holder): the read is what fails.
    expect(errors).toEqual([]);
    expect(bodies.join('\n')).not.toContain(canary);
    expect(bodies).toEqual([]);
  });

  it('a committed read entry opens its grant for a minute by the database clock, to its holder only', async () => {
    const { grant, canary } = await aReadGrant();
    const [entry] = await ownerQuery<{ sequence: string }>(
      `SELECT sequence::text FROM access_log WHERE grant_id = $1 AND outcome = 'read' ORDER BY sequence DESC LIMIT 1`,
      [grant.grantId],
    );
    const bodiesOf = (staffId: string) =>
      asApplication(async (db) => (await db.query(`SELECT body FROM gate_message_bodies($1, $2)`, [entry.sequence, staffId])).rows as { body: string }[]);

    // Within the minute, its holder gets the grant's messages: this is what the API does.
    expect((await bodiesOf(moderatorId)).map((r) => r.body).join('\n')).toContain(canary);
    // Someone else naming the entry gets nothing.
    const intruder = await createStaff(t.app, ['moderator']);
    expect(await bodiesOf(intruder.id)).toEqual([]);
    // A minute later by the database's clock, the entry opens nothing any more.
    await ownerQuery(`BEGIN; ALTER TABLE access_log DISABLE TRIGGER access_log_no_change;
                      UPDATE access_log SET recorded_at = recorded_at - interval '61 seconds' WHERE sequence = ${Number(entry.sequence)};
                      ALTER TABLE access_log ENABLE TRIGGER access_log_no_change; COMMIT`);
    expect(await bodiesOf(moderatorId)).toEqual([]);
  });

  it('a grant opened through the function covers messages of its case only, by the rules of the gate', async () => {
    const { caseId, reportId } = await myCase();
    const other = await aReportedCase(t.app, { messages: 2 });
    const notMine = await aReportedCase(t.app, { messages: 2 });
    const open = (target: string, reportIds: string[], messages: string) =>
      `SELECT * FROM gate_open_grant('${target}', '${moderatorId}', '${sessionId}', 'full', '{${reportIds.join(',')}}'::uuid[], ARRAY(${messages}), 15)`;
    const { errors } = await asApplication((db) =>
      attempt(db, [
        // Messages of another conversation slipped into the grant.
        [open(caseId, [reportId], `SELECT id FROM message WHERE conversation_id IN (SELECT conversation_id FROM moderation_case WHERE id IN ('${caseId}', '${other.caseId}'))`)],
        // A case that is not the moderator's.
        [open(notMine.caseId, [notMine.reportId], `SELECT id FROM message WHERE conversation_id = (SELECT conversation_id FROM moderation_case WHERE id = '${notMine.caseId}')`)],
        // No report of the case named.
        [open(caseId, [], `SELECT id FROM message WHERE conversation_id = (SELECT conversation_id FROM moderation_case WHERE id = '${caseId}')`)],
        // A report of another case named.
        [open(caseId, [other.reportId], `SELECT id FROM message WHERE conversation_id = (SELECT conversation_id FROM moderation_case WHERE id = '${caseId}')`)],
        // A grant of a day.
        [`SELECT * FROM gate_open_grant('${caseId}', '${moderatorId}', '${sessionId}', 'full', '{${reportId}}'::uuid[], '{}'::uuid[], 1440)`],
      ]),
    );
    expect(errors).toEqual([
      expect.stringMatching(/gate refused: messages_not_in_case/),
      expect.stringMatching(/gate refused: not_assignee/),
      expect.stringMatching(/gate refused: no_report/),
      expect.stringMatching(/gate refused: report_not_in_case/),
      expect.stringMatching(/gate refused: grant_too_long/),
    ]);
  });

  it('a granted entry needs the grant the gate opened in the same transaction, and a justification', async () => {
    const { grant, caseId, reportId } = await aReadGrant();
    const granted = (grantSql: string, justification: string) =>
      readEntry(grantSql, caseId).replace(`'read' AS outcome`, `'granted' AS outcome`).replace('NULL AS justification', `'${justification}' AS justification`);
    const { errors } = await asApplication((db) =>
      attempt(db, [
        // An existing grant, granted again: not opened by this transaction.
        [`SELECT access_log_append(to_jsonb(e)) FROM (${granted(`'${grant.grantId}'::uuid`, 'Contrôle du signalement reçu hier soir.')}) e`],
        [`CREATE TEMP TABLE opened AS SELECT id FROM gate_open_grant('${caseId}', '${moderatorId}', '${sessionId}', 'context', '{${reportId}}'::uuid[], '{}'::uuid[], 15)`],
        // Opened now, justified with blanks and invisible characters.
        [`SELECT access_log_append(to_jsonb(e)) FROM (${granted('(SELECT id FROM opened)', '     \u200b\u200b\u2800\u2800     ')}) e`],
        // A read entry for a grant whose opening was never recorded.
        [`SELECT access_log_append(to_jsonb(e)) FROM (${readEntry('(SELECT id FROM opened)', caseId)}) e`],
      ]),
    );
    expect(errors).toEqual([
      expect.stringMatching(/gate refused: grant_not_opened_here/),
      expect.stringMatching(/gate refused: justification_too_short/),
      expect.stringMatching(/gate refused: grant_not_granted/),
    ]);
  });
});

// The service decides by the application's clock, the database by its own: when they disagree,
// the database has the last word, and its refusal is recorded like any other.
describe('when the database overrules the service', () => {
  // The application's clock an hour behind the database's.
  const clock = new ManualClock(new Date(Date.now() - 3_600_000));
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { MFA_REQUIRED_ROLES: '' }, clock });
  });
  afterAll(() => t?.close());

  it('a session the service still finds open but the database finds expired opens nothing, and the refusal is recorded', async () => {
    const account = await createStaff(t.app, ['moderator']);
    const session = await signIn(t.app, account.email);
    const { caseId, reportId, canary } = await aReportedCase(t.app, { at: clock.now() });
    await claim(t.app, session, caseId);
    // Expired a second ago by the database's clock: still 59 minutes ahead of the application's.
    await ownerQuery(`UPDATE staff_session SET expires_at = now() - interval '1 second' WHERE staff_id = $1`, [account.id]);

    const res = await requestAccess(t.app, session, caseId, { reportIds: [reportId] });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ reason: 'refused_by_database', details: { rule: 'session' } });
    expect(res.body).not.toContain(canary);
    expect(await ownerQuery(`SELECT 1 FROM access_grant WHERE case_id = $1`, [caseId])).toEqual([]);
    const entries = await ownerQuery<{ outcome: string; reason: string }>(`SELECT outcome, reason FROM access_log WHERE case_id = $1`, [caseId]);
    expect(entries).toEqual([{ outcome: 'denied', reason: 'refused_by_database:session' }]);
  });
});
