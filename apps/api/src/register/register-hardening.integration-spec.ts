import type { RegisterVerification, SignedCheckpoint } from '@vigie/contracts';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { aReportedCase, claim, readGrant, requestAccess } from '../../test/gate-factory';
import { ownerQuery } from '../../test/owner-query';
import { createStaff, signIn, type Session } from '../../test/staff-factory';
import { createTestApp, type TestApp, testRunDir } from '../../test/test-app';
import { createOwnDatabase } from '../../test/test-database';
import { CheckpointScheduler } from './checkpoint.scheduler';
import { CHECKPOINT_FILE_NAME, readCheckpointFile, writeCheckpointFile } from './checkpoint-file';
import { ManualClock } from '../common/clock';
import { RetentionService } from '../retention/retention.service';
import { RegisterService } from './register.service';

/**
 * The register against someone who holds the database: the application's role (an SQL injection,
 * leaked credentials) or its owner. Each attack must be caught by verification or refused by the
 * database. A database of its own: these tests tamper with it.
 */
describe('the register against a determined insider', () => {
  let db: { url: string; drop(): Promise<void> };
  let t: TestApp;
  let dpo: Session;
  let lead: Session;
  let outsider: Session;
  let checkpointDir: string;
  /** Cases whose entries the tests below point at: the first by a lead who is also a moderator. */
  const cases: { caseId: string; reportId: string }[] = [];
  const owner = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => ownerQuery<T>(sql, params, db.url);
  /** SQL as the owner with every trigger of the register off, then on again. */
  const tamper = (sql: string) =>
    owner(`BEGIN; SET LOCAL session_replication_role = replica;
           ${sql};
           COMMIT`);

  beforeAll(async () => {
    db = await createOwnDatabase('vigie_reghard');
    checkpointDir = join(testRunDir(), `checkpoints-reghard-${process.pid}`);
    mkdirSync(checkpointDir, { recursive: true });
    t = await createTestApp({ databaseUrl: db.url, env: { MFA_REQUIRED_ROLES: '', CHECKPOINT_DIR: checkpointDir, REGISTER_CHECKPOINT_EVERY_ENTRIES: '4' } });
    dpo = await signIn(t.app, (await createStaff(t.app, ['dpo'])).email);
    lead = await signIn(t.app, (await createStaff(t.app, ['lead', 'moderator'])).email);
    outsider = await signIn(t.app, (await createStaff(t.app, ['moderator'])).email);
    for (let i = 0; i < 3; i++) {
      const reported = await aReportedCase(t.app, { messages: 3 });
      await claim(t.app, lead, reported.caseId);
      const grant = await requestAccess(t.app, lead, reported.caseId, { reportIds: [reported.reportId] });
      expect(grant.statusCode).toBe(201);
      expect((await readGrant(t.app, lead, grant.json().grantId)).statusCode).toBe(200);
      expect((await requestAccess(t.app, outsider, reported.caseId, { reportIds: [reported.reportId] })).statusCode).toBe(403);
      cases.push(reported);
    }
    await owner(`CREATE TABLE access_log_original AS SELECT * FROM access_log;
                 CREATE TABLE register_checkpoint_original AS SELECT * FROM register_checkpoint`);
  });
  afterAll(async () => {
    await t?.close();
    await db?.drop();
    rmSync(checkpointDir, { recursive: true, force: true });
  });
  afterEach(() =>
    tamper(`DELETE FROM access_log; INSERT INTO access_log SELECT * FROM access_log_original;
            DELETE FROM register_checkpoint; INSERT INTO register_checkpoint SELECT * FROM register_checkpoint_original`),
  );

  const verify = async (): Promise<RegisterVerification> => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/audit/verify', headers: dpo.headers() });
    expect(res.statusCode).toBe(200);
    return res.json();
  };
  const entryOf = async (caseId: string, outcome: string): Promise<number> =>
    Number((await owner<{ sequence: string }>(`SELECT sequence::text AS sequence FROM access_log WHERE case_id = $1 AND outcome = $2`, [caseId, outcome]))[0].sequence);

  it('verifies intact to begin with, and says how many entries of each format it checked', async () => {
    const result = await verify();
    expect(result).toMatchObject({ intact: true, entriesChecked: 9, formats: { '3': 9 } });
    expect(result.journal.intact).toBe(true);
  });

  describe('reads back exactly what was hashed: an ambiguous value is a broken entry', () => {
    const ambiguities: [string, (sequence: number) => string][] = [
      ['a NULL slipped into the roles', (s) => `UPDATE access_log SET staff_roles = staff_roles || NULL::text WHERE sequence = ${s}`],
      ['a NULL first in the roles', (s) => `UPDATE access_log SET staff_roles = NULL::text || staff_roles WHERE sequence = ${s}`],
      ['two roles stored as one "lead,moderator" element', (s) => `UPDATE access_log SET staff_roles = ARRAY[array_to_string(staff_roles, ',')] WHERE sequence = ${s}`],
      ['a role split in two at a comma it never had', (s) => `UPDATE access_log SET staff_roles = ARRAY['lead,mod', 'erator'] WHERE sequence = ${s}`],
      ['a NULL slipped into the subjects', (s) => `UPDATE access_log SET subject_ids = subject_ids || NULL::uuid WHERE sequence = ${s}`],
      ['a NULL slipped into the reports', (s) => `UPDATE access_log SET report_ids = report_ids || NULL::uuid WHERE sequence = ${s}`],
      ['a JSON null for an absent scope', (s) => `UPDATE access_log SET scope = 'null'::jsonb WHERE sequence = ${s} + 2`],
    ];
    it.each(ambiguities)('%s', async (_name, sql) => {
      const sequence = await entryOf(cases[0].caseId, 'granted');
      await tamper(sql(sequence));
      const result = await verify();
      expect(result.intact).toBe(false);
      expect(result.firstBroken?.problem).toBe('hash_mismatch');
    });
  });

  describe('forged erasure', () => {
    it('refuses the owner an erasure of a live case’s entries, and verification names one made with the triggers off', async () => {
      const sequence = await entryOf(cases[0].caseId, 'read');
      await expect(
        owner(`UPDATE access_log SET justification = NULL, ip = NULL, user_agent = NULL, salt = NULL, erased_at = now() WHERE sequence = ${sequence}`),
      ).rejects.toThrow(/append-only|erasure/);
      await tamper(`UPDATE access_log SET justification = NULL, ip = NULL, user_agent = NULL, salt = NULL, erased_at = now() WHERE sequence = ${sequence}`);
      expect((await verify()).firstBroken).toEqual({ sequence, problem: 'erasure_unrecorded' });
    });

    it('keeps a purge for good: the application’s role cannot purge a case, erase its entries and bring it back', async () => {
      const api = t.app.get(DataSource);
      const { caseId } = cases[1];
      await api.query(`UPDATE moderation_case SET data_purged_at = now() WHERE id = $1`, [caseId]);
      await expect(api.query(`UPDATE moderation_case SET data_purged_at = NULL WHERE id = $1`, [caseId])).rejects.toThrow(/written once|purged/);
      await expect(api.query(`UPDATE moderation_case SET data_purged_at = now() + interval '1 day' WHERE id = $1`, [caseId])).rejects.toThrow(/written once|purged/);
      // Nor its owner, triggers on.
      await expect(owner(`UPDATE moderation_case SET data_purged_at = NULL WHERE id = $1`, [caseId])).rejects.toThrow(/written once|purged/);
    });

    it('erases only within a running retention run, and only the entries of the cases that run purged at that time', async () => {
      const api = t.app.get(DataSource);
      const { caseId } = cases[2];
      // The erasure function of old, without a run, is gone.
      await expect(api.query(`SELECT access_log_erase_personal($1::uuid[], now())`, [[caseId]])).rejects.toThrow(/does not exist/);
      const [{ id: finished }] = await api.query(
        `INSERT INTO retention_run (started_at, cutoff, dry_run, status, trigger, cases_due) VALUES (now(), now(), false, 'completed', 'cli', 0) RETURNING id`,
      );
      await expect(api.query(`SELECT access_log_erase_personal($1, $2::uuid[], now())`, [finished, [caseId]])).rejects.toThrow(/retention run/);
      const [{ id: running }] = await api.query(
        `INSERT INTO retention_run (started_at, cutoff, dry_run, status, trigger, cases_due) VALUES (now(), now(), false, 'running', 'cli', 0) RETURNING id`,
      );
      // A live case: nothing to erase.
      expect(Number((await api.query(`SELECT access_log_erase_personal($1, $2::uuid[], now()) AS n`, [running, [caseId]]))[0].n)).toBe(0);
      expect((await verify()).intact).toBe(true);
    });

    it('records nothing personal in an entry written after its case was purged', async () => {
      const reported = await aReportedCase(t.app, { messages: 2 });
      await owner(`UPDATE moderation_case SET data_purged_at = now() WHERE id = $1`, [reported.caseId]);
      expect((await requestAccess(t.app, lead, reported.caseId, { reportIds: [reported.reportId] })).statusCode).toBe(403);
      const [entry] = await owner<{ justification: string | null; ip: string | null; user_agent: string | null; salt: string | null; outcome: string }>(
        `SELECT justification, ip, user_agent, salt, outcome FROM access_log WHERE case_id = $1`,
        [reported.caseId],
      );
      expect(entry).toEqual({ justification: null, ip: null, user_agent: null, salt: expect.any(String), outcome: 'denied' });
      const result = await verify();
      expect(result.intact).toBe(true);
      await owner(`INSERT INTO access_log_original SELECT * FROM access_log WHERE case_id = $1`, [reported.caseId]);
    });
  });

  describe('retention, the one legitimate eraser', () => {
    it('records each erasure with its run, a dry run none, and the register verifies', async () => {
      const own = await createOwnDatabase('vigie_reghard_ret');
      const clock = new ManualClock(new Date());
      const app = await createTestApp({ databaseUrl: own.url, clock, env: { MFA_REQUIRED_ROLES: '' } });
      try {
        const moderator = await signIn(app.app, (await createStaff(app.app, ['moderator'])).email);
        const reported = await aReportedCase(app.app, { messages: 2 });
        await claim(app.app, moderator, reported.caseId);
        const grant = await requestAccess(app.app, moderator, reported.caseId, { reportIds: [reported.reportId] });
        expect((await readGrant(app.app, moderator, grant.json().grantId)).statusCode).toBe(200);
        clock.set(new Date(Date.now() + 4 * 366 * 86_400_000));
        const erasures = () => ownerQuery<{ run_id: string; case_id: string; entries: number }>(`SELECT run_id, case_id, entries::int AS entries FROM register_erasure`, [], own.url);

        const dry = await app.app.get(RetentionService).run({ dryRun: true, trigger: 'cli' });
        expect(dry.counts.registerEntriesErased).toBe(2);
        expect(await erasures()).toEqual([]);

        const run = await app.app.get(RetentionService).run({ dryRun: false, trigger: 'cli' });
        expect(run).toMatchObject({ status: 'completed', counts: { registerEntriesErased: 2 } });
        expect(await erasures()).toEqual([{ run_id: run.id, case_id: reported.caseId, entries: 2 }]);
        expect(await app.app.get(RegisterService).verify()).toMatchObject({ intact: true, entriesErased: 2 });
      } finally {
        await app.close();
        await own.drop();
      }
    });
  });

  describe('the tail and an emptied register', () => {
    // A checkpoint of the register as the tests below find it, in the database and in its file.
    beforeAll(async () => {
      const signed = await t.app.get(RegisterService).checkpoint();
      await owner(`INSERT INTO register_checkpoint_original SELECT * FROM register_checkpoint WHERE sequence = $1 AND id NOT IN (SELECT id FROM register_checkpoint_original)`, [signed?.sequence]);
    });

    it('keeps the latest signed checkpoint in a file outside the database too, the highest sequence winning', async () => {
      // One more entry: the checkpoint below is the highest.
      const reported = await aReportedCase(t.app, { messages: 2 });
      await requestAccess(t.app, outsider, reported.caseId, { reportIds: [reported.reportId] });
      await owner(`INSERT INTO access_log_original SELECT * FROM access_log WHERE case_id = $1`, [reported.caseId]);
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/audit/checkpoints', headers: dpo.headers(true) });
      expect(res.statusCode).toBe(201);
      const signed: SignedCheckpoint = res.json();
      const file = join(checkpointDir, CHECKPOINT_FILE_NAME);
      expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(signed);
      writeCheckpointFile(checkpointDir, { ...signed, sequence: signed.sequence - 1 });
      expect(readCheckpointFile(checkpointDir)).toEqual(signed);
      expect(readdirSync(checkpointDir)).toEqual([CHECKPOINT_FILE_NAME]);
      await owner(`INSERT INTO register_checkpoint_original SELECT * FROM register_checkpoint WHERE sequence = $1 ON CONFLICT DO NOTHING`, [signed.sequence]);
    });

    it('does not call an emptied register intact when a checkpoint is known outside it', async () => {
      expect(readCheckpointFile(checkpointDir)).toBeDefined();
      await tamper(`DELETE FROM register_checkpoint; DELETE FROM access_log`);
      const result = await verify();
      expect(result.intact).toBe(false);
      expect(result.entriesChecked).toBe(0);
      expect(result.firstBroken).toEqual({ sequence: 1, problem: 'truncated_before_checkpoint' });
    });

    it('catches a cut tail with the stored checkpoints deleted, through the file', async () => {
      const head = Number((await owner<{ n: string }>(`SELECT max(sequence)::text AS n FROM access_log`))[0].n);
      await tamper(`DELETE FROM register_checkpoint; DELETE FROM access_log WHERE sequence > ${head - 2}`);
      expect((await verify()).firstBroken).toEqual({ sequence: head - 1, problem: 'truncated_before_checkpoint' });
    });

    it('refuses a checkpoint file it did not sign', async () => {
      const signed = readCheckpointFile(checkpointDir) as SignedCheckpoint;
      try {
        writeCheckpointFile(checkpointDir, { ...signed, sequence: signed.sequence + 5 });
        expect((await verify()).firstBroken?.problem).toBe('checkpoint_signature_invalid');
      } finally {
        rmSync(join(checkpointDir, CHECKPOINT_FILE_NAME));
        writeCheckpointFile(checkpointDir, signed);
      }
    });

    it('says at start when the checkpoint file cannot be kept, and still signs into the database', async () => {
      const notAFolder = join(checkpointDir, CHECKPOINT_FILE_NAME, 'sub');
      const other = await createTestApp({ databaseUrl: db.url, env: { MFA_REQUIRED_ROLES: '', CHECKPOINT_DIR: notAFolder } });
      try {
        // Nest's loggers write through the first application of the process: look at both.
        const logged = (text: string) => [...t.logs, ...other.logs].some((line) => line.includes(text));
        expect(logged('CHECKPOINT_DIR is not writable')).toBe(true);
        const signed = await other.app.get(RegisterService).checkpoint();
        expect(signed).toBeDefined();
        expect(logged('Could not keep the checkpoint in its file')).toBe(true);
        await owner(`INSERT INTO register_checkpoint_original SELECT * FROM register_checkpoint WHERE id NOT IN (SELECT id FROM register_checkpoint_original)`);
      } finally {
        await other.close();
      }
    });

    it('signs a checkpoint once REGISTER_CHECKPOINT_EVERY_ENTRIES entries were written since the last one', async () => {
      const scheduler = t.app.get(CheckpointScheduler);
      const service = t.app.get(RegisterService);
      await service.checkpoint();
      expect(await scheduler.tick()).toBe(false);
      for (let i = 0; i < 2; i++) {
        const reported = await aReportedCase(t.app, { messages: 2 });
        await requestAccess(t.app, outsider, reported.caseId, { reportIds: [reported.reportId] });
      }
      expect(await scheduler.tick()).toBe(false); // 2 entries since the last checkpoint, 4 needed
      for (let i = 0; i < 2; i++) {
        const reported = await aReportedCase(t.app, { messages: 2 });
        await requestAccess(t.app, outsider, reported.caseId, { reportIds: [reported.reportId] });
      }
      expect(await scheduler.tick()).toBe(true);
      const head = Number((await owner<{ n: string }>(`SELECT max(sequence)::text AS n FROM access_log`))[0].n);
      expect(readCheckpointFile(checkpointDir)?.sequence).toBe(head);
      await owner(`INSERT INTO access_log_original SELECT * FROM access_log WHERE sequence NOT IN (SELECT sequence FROM access_log_original);
                   INSERT INTO register_checkpoint_original SELECT * FROM register_checkpoint WHERE id NOT IN (SELECT id FROM register_checkpoint_original)`);
    });
  });
});
