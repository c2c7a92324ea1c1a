import type { RegisterVerification, SignedCheckpoint } from '@vigie/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { aReportedCase, claim, readGrant, requestAccess } from '../../test/gate-factory';
import { ownerQuery } from '../../test/owner-query';
import { createStaff, signIn, type Session } from '../../test/staff-factory';
import { createTestApp, type TestApp } from '../../test/test-app';
import { createOwnDatabase } from '../../test/test-database';
import { type ChainedEntry, chainHash, newSalt, personalDigest } from './register-chain';
import { RegisterService } from './register.service';
import { RegisterRepository, type StoredEntry } from './register.repository';
import { checkpointSignatureValid } from './register-signing-key';
import { CHECKPOINT_FILE_NAME } from './checkpoint-file';
import { renameSync } from 'node:fs';
import { join } from 'node:path';

// This file tampers with the register: it works on a database of its own.
describe('the access register', () => {
  let db: { url: string; drop(): Promise<void> };
  let t: TestApp;
  let dpo: Session;
  let moderator: Session;
  let purgeableCase: string;
  let signed: SignedCheckpoint;
  const owner = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => ownerQuery<T>(sql, params, db.url);

  beforeAll(async () => {
    db = await createOwnDatabase('vigie_register');
    t = await createTestApp({ databaseUrl: db.url, env: { MFA_REQUIRED_ROLES: '' } });
    dpo = await signIn(t.app, (await createStaff(t.app, ['dpo'])).email);
    moderator = await signIn(t.app, (await createStaff(t.app, ['moderator'])).email);
    const outsider = await signIn(t.app, (await createStaff(t.app, ['moderator'])).email);
    // Six entries: grant, read, refusal on one case; grant, read, refusal on another.
    for (let i = 0; i < 2; i++) {
      const { caseId, reportId } = await aReportedCase(t.app, { messages: 3 });
      await claim(t.app, moderator, caseId);
      const grant = await requestAccess(t.app, moderator, caseId, { reportIds: [reportId] });
      await readGrant(t.app, moderator, grant.json().grantId);
      await requestAccess(t.app, outsider, caseId, { reportIds: [reportId] });
      purgeableCase = caseId;
    }
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/audit/checkpoints', headers: dpo.headers(true) });
    expect(res.statusCode).toBe(201);
    signed = res.json();
    await owner(`CREATE TABLE access_log_original AS SELECT * FROM access_log;
                 CREATE TABLE register_checkpoint_original AS SELECT * FROM register_checkpoint`);
  });
  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  const verify = async (): Promise<RegisterVerification> => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/audit/verify', headers: dpo.headers() });
    expect(res.statusCode).toBe(200);
    return res.json();
  };
  /** SQL as the database owner with the register's triggers off: what an intruder with full access can do. */
  const tamper = (sql: string) =>
    owner(`ALTER TABLE access_log DISABLE TRIGGER USER; ALTER TABLE register_checkpoint DISABLE TRIGGER USER;
           ${sql};
           ALTER TABLE access_log ENABLE TRIGGER USER; ALTER TABLE register_checkpoint ENABLE TRIGGER USER`);
  const restore = () =>
    tamper(`DELETE FROM access_log; INSERT INTO access_log SELECT * FROM access_log_original;
            DELETE FROM register_checkpoint; INSERT INTO register_checkpoint SELECT * FROM register_checkpoint_original`);
  afterEach(restore);

  it('verifies intact, entry by entry, against its signed checkpoint', async () => {
    expect(checkpointSignatureValid(signed)).toBe(true);
    expect(signed).toMatchObject({ sequence: 6, algorithm: 'Ed25519' });
    expect(await verify()).toMatchObject({ intact: true, entriesChecked: 6, headSequence: 6, headHash: signed.headHash, checkpointsChecked: 1 });
  });

  describe('detects an edit of any column and names the entry', () => {
    const edits: [string, string, RegisterVerification['firstBroken']][] = [
      ['at', `at = at + interval '1 microsecond'`, { sequence: 3, problem: 'hash_mismatch' }],
      ['staff_id', `staff_id = '${randomUUID()}'`, { sequence: 3, problem: 'hash_mismatch' }],
      ['staff_roles', `staff_roles = '{lead}'`, { sequence: 3, problem: 'hash_mismatch' }],
      ['case_id', `case_id = '${randomUUID()}'`, { sequence: 3, problem: 'hash_mismatch' }],
      ['conversation_id', `conversation_id = '${randomUUID()}'`, { sequence: 3, problem: 'hash_mismatch' }],
      ['report_ids', `report_ids = '{}'`, { sequence: 3, problem: 'hash_mismatch' }],
      ['subject_ids', `subject_ids = subject_ids[1:1]`, { sequence: 3, problem: 'hash_mismatch' }],
      ['legal_basis', `legal_basis = 'GDPR-6-1-a'`, { sequence: 3, problem: 'hash_mismatch' }],
      ['purpose', `purpose = 'curiosity'`, { sequence: 3, problem: 'hash_mismatch' }],
      ['outcome', `outcome = 'granted'`, { sequence: 3, problem: 'hash_mismatch' }],
      ['reason', `reason = NULL`, { sequence: 3, problem: 'hash_mismatch' }],
      ['scope', `scope = '{"kind": "full", "messageCount": 99}'`, { sequence: 2, problem: 'hash_mismatch' }],
      ['grant_id', `grant_id = '${randomUUID()}'`, { sequence: 3, problem: 'hash_mismatch' }],
      ['request_id', `request_id = 'forged'`, { sequence: 3, problem: 'hash_mismatch' }],
      ['justification', `justification = 'Une autre justification, plus commode.'`, { sequence: 3, problem: 'personal_field_mismatch' }],
      ['ip', `ip = '203.0.113.7'`, { sequence: 3, problem: 'personal_field_mismatch' }],
      ['user_agent', `user_agent = 'curl/8'`, { sequence: 3, problem: 'personal_field_mismatch' }],
      ['salt', `salt = '00'`, { sequence: 3, problem: 'personal_field_mismatch' }],
      ['justification_digest', `justification_digest = md5('x')`, { sequence: 3, problem: 'personal_field_mismatch' }],
      ['erased_at', `erased_at = now()`, { sequence: 3, problem: 'personal_field_mismatch' }],
      ['prev_hash', `prev_hash = md5('x') || md5('y')`, { sequence: 3, problem: 'prev_hash_mismatch' }],
      ['hash', `hash = md5('x') || md5('y')`, { sequence: 3, problem: 'hash_mismatch' }],
    ];
    it.each(edits)('%s', async (column, set, expected) => {
      const sequence = expected?.sequence ?? 3;
      await tamper(`UPDATE access_log SET ${set} WHERE sequence = ${sequence}`);
      const result = await verify();
      expect({ column, intact: result.intact, firstBroken: result.firstBroken }).toEqual({ column, intact: false, firstBroken: expected });
    });
  });

  it('detects a deleted entry', async () => {
    await tamper(`DELETE FROM access_log WHERE sequence = 3`);
    expect((await verify()).firstBroken).toEqual({ sequence: 3, problem: 'sequence_gap' });
  });

  it('detects an entry inserted in the middle, even with a well-formed hash of its own', async () => {
    const [third] = await storedEntries(3, 3);
    const forged: ChainedEntry = { ...third, sequence: '4', reason: null, outcome: 'granted' };
    const hash = chainHash(third.hash, forged);
    await tamper(`UPDATE access_log SET sequence = sequence + 1000 WHERE sequence > 3;
                  UPDATE access_log SET sequence = sequence - 999 WHERE sequence > 1000;
                  CREATE TEMP TABLE forged AS SELECT * FROM access_log_original WHERE sequence = 3;
                  UPDATE forged SET sequence = 4, reason = NULL, outcome = 'granted', prev_hash = '${third.hash}', hash = '${hash}';
                  INSERT INTO access_log SELECT * FROM forged`);
    // The forgery links to entry 3; the entry after it no longer links to anything.
    expect((await verify()).firstBroken).toEqual({ sequence: 5, problem: 'prev_hash_mismatch' });
  });

  it('detects two entries swapped', async () => {
    await tamper(`UPDATE access_log SET sequence = 1003 WHERE sequence = 3;
                  UPDATE access_log SET sequence = 3 WHERE sequence = 4;
                  UPDATE access_log SET sequence = 4 WHERE sequence = 1003`);
    expect((await verify()).firstBroken).toEqual({ sequence: 3, problem: 'prev_hash_mismatch' });
  });

  it('detects a truncated tail against the signed checkpoint, stored, in its file, or kept by the DPO', async () => {
    await tamper(`DELETE FROM access_log WHERE sequence > 4`);
    expect((await verify()).firstBroken).toEqual({ sequence: 5, problem: 'truncated_before_checkpoint' });
    await tamper(`DELETE FROM register_checkpoint`);
    // The checkpoint file, outside the database, still knows the head.
    expect((await verify()).firstBroken).toEqual({ sequence: 5, problem: 'truncated_before_checkpoint' });
    await withoutCheckpointFile(async () => {
      expect(await verify()).toMatchObject({ intact: true, headSequence: 4 });
      // The DPO kept the checkpoint outside the system.
      expect((await t.app.get(RegisterService).verify([signed])).firstBroken).toEqual({ sequence: 5, problem: 'truncated_before_checkpoint' });
    });
  });

  it('detects a full recomputation of the chain against a signed checkpoint', async () => {
    const entries = await storedEntries(1, 6);
    const salt = newSalt();
    entries[2] = { ...entries[2], justification: 'Réécrite après coup pour couvrir un abus.', salt, justificationDigest: personalDigest(salt, 'Réécrite après coup pour couvrir un abus.'), ipDigest: personalDigest(salt, entries[2].ip), userAgentDigest: personalDigest(salt, entries[2].userAgent) };
    let prev = entries[1].hash;
    const updates = entries.slice(2).map((entry) => {
      const hash = chainHash(prev, entry);
      const sql = `UPDATE access_log SET justification = ${literal(entry.justification)}, salt = '${entry.salt}',
                     justification_digest = '${entry.justificationDigest}', ip_digest = '${entry.ipDigest}',
                     user_agent_digest = '${entry.userAgentDigest}', prev_hash = '${prev}', hash = '${hash}'
                    WHERE sequence = ${entry.sequence}`;
      prev = hash;
      return sql;
    });
    await tamper(updates.join(';\n'));
    // The stored checkpoint, signed with a key the database does not hold, catches it.
    expect((await verify()).firstBroken).toEqual({ sequence: 6, problem: 'checkpoint_mismatch' });
    // An intruder who also deletes the stored checkpoints meets the checkpoint file…
    await tamper(`DELETE FROM register_checkpoint`);
    expect((await verify()).firstBroken).toEqual({ sequence: 6, problem: 'checkpoint_mismatch' });
    await withoutCheckpointFile(async () => {
      // …and one who also removes the file leaves a chain that verifies…
      expect((await verify()).intact).toBe(true);
      // …except against the checkpoint the DPO kept elsewhere.
      expect((await t.app.get(RegisterService).verify([signed])).firstBroken).toEqual({ sequence: 6, problem: 'checkpoint_mismatch' });
    });
  });

  it('refuses a checkpoint it did not sign', async () => {
    await tamper(`INSERT INTO register_checkpoint (sequence, head_hash, time, public_key, signature, created_at)
                  SELECT 4, hash, now()::text, '${signed.publicKey}', '${Buffer.alloc(64).toString('base64')}', now() FROM access_log WHERE sequence = 4`);
    expect((await verify()).firstBroken).toEqual({ sequence: 4, problem: 'checkpoint_signature_invalid' });
    await restore();
    const forgedFile = { ...signed, headHash: 'f'.repeat(64) };
    expect((await t.app.get(RegisterService).verify([forgedFile])).firstBroken).toEqual({ sequence: 6, problem: 'checkpoint_signature_invalid' });
  });

  it('streams the whole register in order, a batch at a time', async () => {
    const batches: number[][] = [];
    for await (const batch of t.app.get(RegisterRepository).entries({}, 4)) batches.push(batch.map((e) => e.sequence));
    expect(batches).toEqual([[1, 2, 3, 4], [5, 6]]);
  });

  it('is append-only: the API’s role may not UPDATE, DELETE or TRUNCATE it, and its owner meets the triggers', async () => {
    const api = t.app.get(DataSource);
    for (const table of ['access_log', 'register_checkpoint']) {
      await expect(api.query(`UPDATE ${table} SET sequence = sequence`)).rejects.toThrow(/permission denied/);
      await expect(api.query(`DELETE FROM ${table}`)).rejects.toThrow(/permission denied/);
      await expect(api.query(`TRUNCATE ${table}`)).rejects.toThrow(/permission denied/);
      await expect(owner(`UPDATE ${table} SET sequence = sequence`)).rejects.toThrow(/append-only/);
      await expect(owner(`DELETE FROM ${table}`)).rejects.toThrow(/append-only/);
      await expect(owner(`TRUNCATE ${table}`)).rejects.toThrow(/append-only/);
    }
    // The owner cannot pass an edit off as an erasure either.
    await expect(owner(`UPDATE access_log SET justification = NULL, ip = NULL, user_agent = NULL, salt = NULL, erased_at = now(), reason = 'x' WHERE sequence = 3`)).rejects.toThrow(/append-only/);
    expect(await verify()).toMatchObject({ intact: true, entriesChecked: 6 });
  });

  it('lets retention erase the personal fields of a purged case, and still verifies', async () => {
    const api = t.app.get(DataSource);
    const at = new Date();
    const [{ id: runId }] = await api.query(
      `INSERT INTO retention_run (started_at, cutoff, dry_run, status, trigger, cases_due) VALUES ($1, $1, false, 'running', 'cli', 1) RETURNING id`,
      [at],
    );
    const erase = async () => Number((await api.query(`SELECT access_log_erase_personal($1, $2::uuid[], $3) AS n`, [runId, [purgeableCase], at]))[0].n);
    expect(await erase()).toBe(0); // not purged: nothing to erase
    // As retention does it: the case marked purged, then its entries erased, at the same time.
    await api.query(`UPDATE moderation_case SET data_purged_at = $2 WHERE id = $1`, [purgeableCase, at]);
    {
      expect(await erase()).toBe(3);
      const result = await verify();
      expect(result).toMatchObject({ intact: true, entriesChecked: 6, entriesErased: 3 });
      const list = await t.app.inject({ method: 'GET', url: `/api/v1/audit/access-log?caseId=${purgeableCase}`, headers: dpo.headers() });
      expect(list.json().data.map((e: { justification: string | null; ip: string | null; erasedAt: string | null }) => [e.justification, e.ip, e.erasedAt !== null])).toEqual([
        [null, null, true],
        [null, null, true],
        [null, null, true],
      ]);
      expect(await owner(`SELECT run_id, entries::int AS entries FROM register_erasure WHERE case_id = $1`, [purgeableCase])).toEqual([{ run_id: runId, entries: 3 }]);
    }
  });

  /** Runs `work` with the checkpoint file moved away: an intruder who can also reach it. */
  async function withoutCheckpointFile(work: () => Promise<void>): Promise<void> {
    const file = join(t.config.CHECKPOINT_DIR as string, CHECKPOINT_FILE_NAME);
    renameSync(file, `${file}.away`);
    try {
      await work();
    } finally {
      renameSync(`${file}.away`, file);
    }
  }

  async function storedEntries(from: number, to: number): Promise<StoredEntry[]> {
    const rows = await t.app.get(DataSource).query(
      `SELECT sequence::text AS "sequence", to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "at",
              staff_id::text AS "staffId", staff_roles AS "staffRoles", case_id::text AS "caseId", conversation_id::text AS "conversationId",
              report_ids::text[] AS "reportIds", subject_ids::text[] AS "subjectIds", legal_basis AS "legalBasis", purpose, outcome, reason, scope,
              grant_id::text AS "grantId", request_id AS "requestId", justification, justification_digest AS "justificationDigest",
              ip, ip_digest AS "ipDigest", user_agent AS "userAgent", user_agent_digest AS "userAgentDigest", salt, lia_version AS "liaVersion",
              erased_at IS NOT NULL AS erased, prev_hash AS "prevHash", hash
         FROM access_log l WHERE l.sequence BETWEEN $1 AND $2 ORDER BY l.sequence`,
      [from, to],
    );
    return rows as StoredEntry[];
  }
});

function literal(value: string | null): string {
  return value === null ? 'NULL' : `'${value.replace(/'/g, "''")}'`;
}
