import type { SignedCheckpoint } from '@vigie/contracts';
import { generateKeyPairSync, createPublicKey } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { aReportedCase, claim, readGrant, requestAccess } from '../../test/gate-factory';
import { ownerQuery } from '../../test/owner-query';
import { createStaff, signIn } from '../../test/staff-factory';
import { createTestApp, type TestApp, testRunDir } from '../../test/test-app';
import { createOwnDatabase } from '../../test/test-database';
import { CHECKPOINT_FILE_NAME } from './checkpoint-file';
import { type ChainedEntry, chainHash } from './register-chain';
import { RegisterService } from './register.service';
import { signCheckpoint } from './register-signing-key';

/**
 * A tampering campaign: someone who holds the database as its owner (triggers off) and the
 * checkpoint file's folder changes the register one way after another; verification must catch
 * every change. Each mutation is applied to the same populated register, verified, then undone
 * from a copy. What no verification can catch is left out and said so: entries appended after
 * the latest checkpoint with well-computed hashes, before the next is signed (hence checkpoints
 * every REGISTER_CHECKPOINT_EVERY_ENTRIES entries too), and a rewrite of everything — chain,
 * stored checkpoints, file — when the DPO keeps no checkpoint of their own.
 */
describe('a tampering campaign against the register', () => {
  let db: { url: string; drop(): Promise<void> };
  let t: TestApp;
  let dir: string;
  let fileText: string;
  let signed: SignedCheckpoint;
  /** A live entry (a read by a lead who is also a moderator), an erased one, a refusal with no scope. */
  let live: number;
  let erased: number;
  let denied: number;
  let head: number;
  let journalHead: number;
  const owner = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => ownerQuery<T>(sql, params, db.url);
  const asIntruder = (sql: string) => owner(`BEGIN; SET LOCAL session_replication_role = replica; ${sql}; COMMIT`);
  const TABLES = ['access_log', 'register_checkpoint', 'staff_activity', 'register_erasure', 'retention_run'];

  beforeAll(async () => {
    db = await createOwnDatabase('vigie_campaign');
    dir = join(testRunDir(), `checkpoints-campaign-${process.pid}`);
    mkdirSync(dir, { recursive: true });
    t = await createTestApp({ databaseUrl: db.url, env: { MFA_REQUIRED_ROLES: '', CHECKPOINT_DIR: dir } });
    const lead = await signIn(t.app, (await createStaff(t.app, ['lead', 'moderator'])).email);
    const moderator = await signIn(t.app, (await createStaff(t.app, ['moderator'])).email);
    const outsider = await signIn(t.app, (await createStaff(t.app, ['moderator'])).email);
    const caseIds: string[] = [];
    for (const [i, who] of [lead, moderator, moderator, lead].entries()) {
      const { caseId, reportId } = await aReportedCase(t.app, { messages: 3 + i });
      await claim(t.app, who, caseId);
      const grant = await requestAccess(t.app, who, caseId, { reportIds: [reportId] });
      expect((await readGrant(t.app, who, grant.json().grantId)).statusCode).toBe(200);
      await requestAccess(t.app, outsider, caseId, { reportIds: [reportId] });
      caseIds.push(caseId);
    }
    // Retention purges the third case, as it does: one transaction, one time, a running run.
    const api = t.app.get(DataSource);
    await api.transaction(async (m) => {
      const at = new Date();
      const [{ id }] = await m.query(
        `INSERT INTO retention_run (started_at, cutoff, dry_run, status, trigger, cases_due) VALUES ($1, $1, false, 'running', 'cli', 1) RETURNING id`,
        [at],
      );
      await m.query(`UPDATE moderation_case SET data_purged_at = $2 WHERE id = $1`, [caseIds[2], at]);
      await m.query(`SELECT access_log_erase_personal($1, $2::uuid[], $3)`, [id, [caseIds[2]], at]);
      await m.query(`UPDATE retention_run SET status = 'completed', finished_at = $2 WHERE id = $1`, [id, at]);
    });
    const sequenceOf = async (caseId: string, outcome: string) =>
      Number((await owner<{ s: string }>(`SELECT sequence::text AS s FROM access_log WHERE case_id = $1 AND outcome = $2`, [caseId, outcome]))[0].s);
    live = await sequenceOf(caseIds[0], 'read');
    erased = await sequenceOf(caseIds[2], 'read');
    denied = await sequenceOf(caseIds[0], 'denied');
    // A second version of the assessment, in force tomorrow: the entries name version 1, and another version exists to be named instead.
    await owner(`INSERT INTO lia_version (version, text, effective_from) VALUES (2, 'Version deux : ' || repeat('finalité, nécessité, mise en balance, garanties. ', 3), now() + interval '1 day')`);
    signed = (await t.app.get(RegisterService).checkpoint()) as SignedCheckpoint;
    head = signed.sequence;
    journalHead = signed.journal?.sequence ?? 0;
    fileText = readFileSync(join(dir, CHECKPOINT_FILE_NAME), 'utf8');
    await owner(TABLES.map((table) => `CREATE TABLE ${table}_original AS SELECT * FROM ${table}`).join(';\n') +
      `; CREATE TABLE moderation_case_original AS SELECT * FROM moderation_case`);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Everything as it was: the tables from their copies (triggers off), the file from its text. */
  const restore = async () => {
    await asIntruder(
      TABLES.map((table) => `DELETE FROM ${table}; INSERT INTO ${table} OVERRIDING SYSTEM VALUE SELECT * FROM ${table}_original`).join(';\n') +
        `; INSERT INTO moderation_case SELECT * FROM moderation_case_original o WHERE NOT EXISTS (SELECT 1 FROM moderation_case c WHERE c.id = o.id);
           UPDATE moderation_case c SET data_purged_at = o.data_purged_at FROM moderation_case_original o
            WHERE o.id = c.id AND c.data_purged_at IS DISTINCT FROM o.data_purged_at`,
    );
    writeFileSync(join(dir, CHECKPOINT_FILE_NAME), fileText);
  };

  async function entries(from: number, to: number): Promise<(ChainedEntry & { prevHash: string; hash: string })[]> {
    return owner(
      `SELECT sequence::text AS "sequence", to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "at",
              staff_id::text AS "staffId", staff_roles AS "staffRoles", case_id::text AS "caseId", conversation_id::text AS "conversationId",
              report_ids::text[] AS "reportIds", subject_ids::text[] AS "subjectIds", legal_basis AS "legalBasis", purpose, outcome, reason, scope,
              grant_id::text AS "grantId", request_id AS "requestId", justification_digest AS "justificationDigest",
              ip_digest AS "ipDigest", user_agent_digest AS "userAgentDigest", lia_version AS "liaVersion", prev_hash AS "prevHash", hash
         FROM access_log l WHERE l.sequence BETWEEN $1 AND $2 ORDER BY l.sequence`,
      [from, to],
    );
  }

  /** Entries after `sequence` moved `by` places (through a free range: the numbers are unique). */
  const shiftAfter = (sequence: number, by: number) =>
    `UPDATE access_log SET sequence = sequence + 1000000 WHERE sequence > ${sequence};
     UPDATE access_log SET sequence = sequence - 1000000 + ${by} WHERE sequence > 1000000`;
  /** A copy of the original entry `from` inserted as entry `to`, with `set` applied. */
  const insertCopy = (from: number, to: number, set: string) =>
    `CREATE TEMP TABLE forged AS SELECT * FROM access_log_original WHERE sequence = ${from};
     UPDATE forged SET sequence = ${to}, ${set};
     INSERT INTO access_log SELECT * FROM forged; DROP TABLE forged`;

  /**
   * SQL that rewrites entries `from`…`to` with `change` (reason, request id) applied to the first,
   * then appends `extra` forged entries, every hash well computed.
   */
  async function rewrite(from: number, to: number, change: Pick<Partial<ChainedEntry>, 'reason' | 'requestId'>, extra = 0): Promise<string> {
    const chain = await entries(from - 1, to);
    let prev = from === 1 ? '0'.repeat(64) : chain[0].hash;
    const rows = from === 1 ? chain : chain.slice(1);
    const statements: string[] = [];
    const last = rows[rows.length - 1];
    const forged = rows.map((entry, i) => (i === 0 ? { ...entry, ...change } : entry));
    for (let i = 0; i < extra; i++) forged.push({ ...last, sequence: String(Number(last.sequence) + i + 1), requestId: `forged-${i}` });
    for (const entry of forged) {
      const hash = chainHash(prev, entry, 3);
      const set = `reason = ${literal(entry.reason)}, request_id = ${literal(entry.requestId)}, prev_hash = '${prev}', hash = '${hash}'`;
      statements.push(Number(entry.sequence) <= to ? `UPDATE access_log SET ${set} WHERE sequence = ${entry.sequence}` : insertCopy(Number(last.sequence), Number(entry.sequence), set));
      prev = hash;
    }
    return statements.join(';\n');
  }

  const otherKey = () => {
    const privateKey = generateKeyPairSync('ed25519').privateKey;
    return { privateKey, publicKeyPem: createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString() };
  };
  const writeFile = (checkpoint: unknown) => writeFileSync(join(dir, CHECKPOINT_FILE_NAME), typeof checkpoint === 'string' ? checkpoint : JSON.stringify(checkpoint));
  const removeFile = () => rmSync(join(dir, CHECKPOINT_FILE_NAME), { force: true });

  interface Mutation {
    name: string;
    sql?: () => Promise<string> | string;
    file?: () => void;
    /** The DPO's own copy of the checkpoint, given to the verification. */
    external?: boolean;
  }

  function mutations(): Mutation[] {
    const list: Mutation[] = [];
    const columns: [string, string][] = [
      ['sequence', `sequence = sequence + 100000`],
      ['at', `at = at + interval '1 microsecond'`],
      ['staff_id', `staff_id = gen_random_uuid()`],
      ['staff_roles', `staff_roles = array_append(staff_roles, 'admin')`],
      ['case_id', `case_id = gen_random_uuid()`],
      ['conversation_id', `conversation_id = gen_random_uuid()`],
      ['report_ids', `report_ids = array_append(report_ids, gen_random_uuid())`],
      ['subject_ids', `subject_ids = subject_ids[2:]`],
      ['legal_basis', `legal_basis = 'GDPR-6-1-a'`],
      ['purpose', `purpose = 'curiosity'`],
      ['outcome', `outcome = 'granted'`],
      ['reason', `reason = 'forged'`],
      ['scope', `scope = jsonb_set(scope, '{messageCount}', '999')`],
      ['grant_id', `grant_id = gen_random_uuid()`],
      ['request_id', `request_id = 'forged'`],
      ['justification', `justification = coalesce(justification, '') || ' (rewritten)'`],
      ['justification_digest', `justification_digest = md5(justification_digest) || md5('x')`],
      ['ip', `ip = '198.51.100.9'`],
      ['ip_digest', `ip_digest = md5(ip_digest) || md5('x')`],
      ['user_agent', `user_agent = 'curl/8'`],
      ['user_agent_digest', `user_agent_digest = md5(user_agent_digest) || md5('x')`],
      ['salt', `salt = md5(coalesce(salt, 'x'))`],
      ['erased_at', `erased_at = CASE WHEN erased_at IS NULL THEN now() ELSE erased_at + interval '1 second' END`],
      ['prev_hash', `prev_hash = md5(prev_hash) || md5('x')`],
      ['hash', `hash = md5(hash) || md5('x')`],
      ['format', `format = 1`],
      ['format (2: the assessment not covered)', `format = 2`],
      ['lia_version', `lia_version = 2`],
      ['lia_version removed', `lia_version = NULL`],
    ];
    for (const [which, sequence] of [['live', () => live], ['erased', () => erased]] as const) {
      for (const [column, set] of columns) list.push({ name: `${which} entry: ${column}`, sql: () => `UPDATE access_log SET ${set} WHERE sequence = ${sequence()}` });
      list.push({ name: `${which} entry: an unknown format`, sql: () => `UPDATE access_log SET format = 4 WHERE sequence = ${sequence()}` });
      list.push({ name: `${which} entry: deleted`, sql: () => `DELETE FROM access_log WHERE sequence = ${sequence()}` });
    }
    list.push(
      { name: 'first entry deleted', sql: () => `DELETE FROM access_log WHERE sequence = 1` },
      { name: 'two entries swapped', sql: () => `UPDATE access_log SET sequence = 9000000 WHERE sequence = ${live}; UPDATE access_log SET sequence = ${live} WHERE sequence = ${live + 1}; UPDATE access_log SET sequence = ${live + 1} WHERE sequence = 9000000` },
      { name: 'first and last swapped', sql: () => `UPDATE access_log SET sequence = 9000000 WHERE sequence = 1; UPDATE access_log SET sequence = 1 WHERE sequence = ${head}; UPDATE access_log SET sequence = ${head} WHERE sequence = 9000000` },
      { name: 'an entry duplicated in the middle', sql: () => `${shiftAfter(live, 1)}; ${insertCopy(live, live + 1, `request_id = request_id`)}` },
      {
        name: 'an entry inserted in the middle, its hash well computed',
        sql: async () => {
          const [entry] = await entries(live, live);
          const hash = chainHash(entry.hash, { ...entry, sequence: String(live + 1), reason: 'inserted' }, 2);
          return `${shiftAfter(live, 1)}; ${insertCopy(live, live + 1, `reason = 'inserted', prev_hash = '${entry.hash}', hash = '${hash}'`)}`;
        },
      },
      { name: 'an entry rewritten and every hash after it recomputed', sql: () => rewrite(live, head, { reason: 'rewritten' }) },
      { name: 'every hash recomputed from the first entry', sql: () => rewrite(1, head, { requestId: 'rewritten' }) },
      { name: 'a rewrite with the stored checkpoints deleted (the file)', sql: async () => `${await rewrite(live, head, { reason: 'rewritten' })}; DELETE FROM register_checkpoint` },
      { name: 'a rewrite with the stored checkpoints and the file gone (the DPO’s copy)', sql: async () => `${await rewrite(live, head, { reason: 'rewritten' })}; DELETE FROM register_checkpoint`, file: removeFile, external: true },
      { name: 'tail cut by one', sql: () => `DELETE FROM access_log WHERE sequence = ${head}` },
      { name: 'tail cut by three', sql: () => `DELETE FROM access_log WHERE sequence > ${head - 3}` },
      { name: 'tail cut to one entry', sql: () => `DELETE FROM access_log WHERE sequence > 1` },
      { name: 'tail cut, stored checkpoints deleted (the file)', sql: () => `DELETE FROM access_log WHERE sequence > ${head - 2}; DELETE FROM register_checkpoint` },
      { name: 'tail cut, the file deleted (the stored checkpoints)', sql: () => `DELETE FROM access_log WHERE sequence > ${head - 2}`, file: removeFile },
      { name: 'tail cut, stored checkpoints and file gone (the DPO’s copy)', sql: () => `DELETE FROM access_log WHERE sequence > ${head - 2}; DELETE FROM register_checkpoint`, file: removeFile, external: true },
      { name: 'tail cut and extended again, hashes well computed', sql: async () => rewrite(head - 1, head, { reason: 'replaced' }) },
      { name: 'tail cut and extended further, hashes well computed', sql: async () => rewrite(head - 1, head, { reason: 'replaced' }, 3) },
      { name: 'tail cut and extended further, stored checkpoints deleted (the file)', sql: async () => `${await rewrite(head - 1, head, { reason: 'replaced' }, 3)}; DELETE FROM register_checkpoint` },
      { name: 'register emptied', sql: () => `DELETE FROM access_log` },
      { name: 'register and its stored checkpoints emptied (the file)', sql: () => `DELETE FROM access_log; DELETE FROM register_checkpoint` },
      { name: 'register, checkpoints and file emptied (the DPO’s copy)', sql: () => `DELETE FROM access_log; DELETE FROM register_checkpoint`, file: removeFile, external: true },
      { name: 'staff journal emptied', sql: () => `DELETE FROM staff_activity` },
      { name: 'staff journal and stored checkpoints emptied (the file)', sql: () => `DELETE FROM staff_activity; DELETE FROM register_checkpoint` },
      { name: 'staff journal tail cut', sql: () => `DELETE FROM staff_activity WHERE sequence = ${journalHead}` },
      { name: 'staff journal entry edited', sql: () => `UPDATE staff_activity SET details = '{"forged": true}' WHERE sequence = 1` },
      { name: 'staff journal entry deleted', sql: () => `DELETE FROM staff_activity WHERE sequence = 2` },
      { name: 'staff journal entries swapped', sql: () => `UPDATE staff_activity SET sequence = 9000000 WHERE sequence = 1; UPDATE staff_activity SET sequence = 1 WHERE sequence = 2; UPDATE staff_activity SET sequence = 2 WHERE sequence = 9000000` },
      { name: 'staff journal details: a JSON null for {}', sql: () => `UPDATE staff_activity SET details = 'null'::jsonb WHERE sequence = (SELECT min(sequence) FROM staff_activity WHERE details = '{}')` },
      { name: 'staff journal address given a netmask', sql: () => `UPDATE staff_activity SET ip = set_masklen(ip, 24) WHERE sequence = (SELECT min(sequence) FROM staff_activity WHERE family(ip) = 4)` },
      { name: 'everything emptied (the file)', sql: () => `DELETE FROM access_log; DELETE FROM staff_activity; DELETE FROM register_checkpoint; DELETE FROM register_erasure` },
      // Forged erasures.
      { name: 'a live entry erased, nothing recorded', sql: () => `UPDATE access_log SET justification = NULL, ip = NULL, user_agent = NULL, salt = NULL, erased_at = now() WHERE sequence = ${live}` },
      {
        name: 'a live entry erased, an erasure record forged for its live case',
        sql: () => `UPDATE access_log SET justification = NULL, ip = NULL, user_agent = NULL, salt = NULL, erased_at = '2026-01-01Z' WHERE sequence = ${live};
                    INSERT INTO register_erasure (run_id, case_id, erased_at, entries) SELECT NULL, case_id, '2026-01-01Z', 1 FROM access_log WHERE sequence = ${live}`,
      },
      {
        name: 'a live entry erased, its case marked purged, the record naming a dry run',
        sql: () => `UPDATE access_log SET justification = NULL, ip = NULL, user_agent = NULL, salt = NULL, erased_at = '2026-01-01Z' WHERE sequence = ${live};
                    UPDATE moderation_case SET data_purged_at = '2026-01-01Z' WHERE id = (SELECT case_id FROM access_log WHERE sequence = ${live});
                    INSERT INTO retention_run (id, started_at, cutoff, dry_run, status, trigger, cases_due) VALUES ('00000000-0000-4000-8000-00000000d001', now(), now(), true, 'completed', 'cli', 1);
                    INSERT INTO register_erasure (run_id, case_id, erased_at, entries) SELECT '00000000-0000-4000-8000-00000000d001', case_id, '2026-01-01Z', 1 FROM access_log WHERE sequence = ${live}`,
      },
      {
        name: 'a live entry erased, its case marked purged, the record naming no run that exists',
        sql: () => `UPDATE access_log SET justification = NULL, ip = NULL, user_agent = NULL, salt = NULL, erased_at = '2026-01-01Z' WHERE sequence = ${live};
                    UPDATE moderation_case SET data_purged_at = '2026-01-01Z' WHERE id = (SELECT case_id FROM access_log WHERE sequence = ${live});
                    INSERT INTO register_erasure (run_id, case_id, erased_at, entries) SELECT gen_random_uuid(), case_id, '2026-01-01Z', 1 FROM access_log WHERE sequence = ${live}`,
      },
      { name: 'the erasure records deleted', sql: () => `DELETE FROM register_erasure` },
      { name: 'the erased case brought back (purge undone)', sql: () => `UPDATE moderation_case SET data_purged_at = NULL WHERE id = (SELECT case_id FROM access_log WHERE sequence = ${erased})` },
      { name: 'the erased case deleted', sql: () => `DELETE FROM moderation_case WHERE id = (SELECT case_id FROM access_log WHERE sequence = ${erased})` },
      { name: 'the erasure’s retention run deleted', sql: () => `DELETE FROM retention_run` },
      { name: 'the erasure’s retention run turned into a dry run', sql: () => `UPDATE retention_run SET dry_run = true` },
      { name: 'the erasure’s retention run started after it', sql: () => `UPDATE retention_run SET started_at = started_at + interval '1 hour'` },
      { name: 'the erasure’s retention run finished before it', sql: () => `UPDATE retention_run SET finished_at = finished_at - interval '1 hour'` },
      { name: 'the erasure record moved to another time', sql: () => `UPDATE register_erasure SET erased_at = erased_at + interval '1 second'` },
      // Encoding ambiguities: values that would read back like the hashed ones.
      { name: 'a NULL appended to the roles', sql: () => `UPDATE access_log SET staff_roles = staff_roles || NULL::text WHERE sequence = ${live}` },
      { name: 'a NULL prepended to the roles', sql: () => `UPDATE access_log SET staff_roles = NULL::text || staff_roles WHERE sequence = ${live}` },
      { name: 'two roles stored as one "lead,moderator" element', sql: () => `UPDATE access_log SET staff_roles = ARRAY[array_to_string(staff_roles, ',')] WHERE sequence = ${live}` },
      { name: 'an empty role added', sql: () => `UPDATE access_log SET staff_roles = staff_roles || ''::text WHERE sequence = ${live}` },
      { name: 'a NULL in the reports', sql: () => `UPDATE access_log SET report_ids = report_ids || NULL::uuid WHERE sequence = ${live}` },
      { name: 'a NULL in the subjects', sql: () => `UPDATE access_log SET subject_ids = NULL::uuid || subject_ids WHERE sequence = ${live}` },
      { name: 'a JSON null for an absent scope', sql: () => `UPDATE access_log SET scope = 'null'::jsonb WHERE sequence = ${denied}` },
      { name: 'a scope count stored as a string', sql: () => `UPDATE access_log SET scope = jsonb_set(scope, '{messageCount}', to_jsonb(scope->>'messageCount')) WHERE sequence = ${live}` },
      {
        name: 'a scope count a hair off, which JavaScript reads as the same number',
        sql: () => `UPDATE access_log SET scope = jsonb_set(scope, '{messageCount}', to_jsonb((scope->>'messageCount')::numeric + 0.00000000000000000001)) WHERE sequence = ${live}`,
      },
      {
        name: 'a scope count beyond what a double holds exactly',
        sql: () => `UPDATE access_log SET scope = jsonb_set(scope, '{messageCount}', '9007199254740993') WHERE sequence = ${live}`,
      },
      { name: 'a scope that is a JSON string', sql: () => `UPDATE access_log SET scope = to_jsonb(scope::text) WHERE sequence = ${live}` },
      { name: 'an erased entry read as format 1', sql: () => `UPDATE access_log SET format = 1 WHERE sequence = ${erased}` },
      // Checkpoints.
      { name: 'stored checkpoint: head hash changed', sql: () => `UPDATE register_checkpoint SET head_hash = md5('x') || md5('y')` },
      { name: 'stored checkpoint: sequence changed', sql: () => `UPDATE register_checkpoint SET sequence = sequence - 1` },
      { name: 'stored checkpoint: signature changed', sql: () => `UPDATE register_checkpoint SET signature = '${Buffer.alloc(64).toString('base64')}'` },
      { name: 'stored checkpoint: journal head changed', sql: () => `UPDATE register_checkpoint SET journal_head_hash = md5('x') || md5('y')` },
      {
        name: 'stored checkpoint: re-signed with another key after a tail cut',
        sql: () => {
          const forged = signCheckpoint(otherKey(), { sequence: head - 1, headHash: 'f'.repeat(64), time: new Date().toISOString() });
          return `DELETE FROM access_log WHERE sequence = ${head}; DELETE FROM register_checkpoint;
                  INSERT INTO register_checkpoint (sequence, head_hash, time, public_key, signature, created_at)
                  VALUES (${forged.sequence}, (SELECT hash FROM access_log WHERE sequence = ${head - 1}), '${forged.time}', '${forged.publicKey}', '${forged.signature}', now())`;
        },
      },
      { name: 'stored checkpoints deleted (the file is no longer among them)', sql: () => `DELETE FROM register_checkpoint` },
      { name: 'checkpoint file: garbage', file: () => writeFile('{"sequence": "not a checkpoint"') },
      { name: 'checkpoint file: head hash changed', file: () => writeFile({ ...signed, headHash: 'e'.repeat(64) }) },
      { name: 'checkpoint file: sequence raised', file: () => writeFile({ ...signed, sequence: signed.sequence + 10 }) },
      { name: 'checkpoint file: signed with another key', file: () => writeFile(signCheckpoint(otherKey(), { sequence: signed.sequence + 10, headHash: signed.headHash, time: signed.time })) },
      {
        name: 'checkpoint file lowered with the stored checkpoints deleted, after a tail cut',
        sql: () => `DELETE FROM access_log WHERE sequence = ${head}; DELETE FROM register_checkpoint`,
        file: () => writeFile({ ...signed, sequence: head - 1 }),
      },
    );
    return list;
  }

  it('detects every mutation (0 undetected)', async () => {
    const service = t.app.get(RegisterService);
    expect(await service.verify([signed])).toMatchObject({ intact: true, entriesChecked: head, entriesErased: 3, formats: { '3': head } });
    const all = mutations();
    const undetected: string[] = [];
    for (const mutation of all) {
      try {
        if (mutation.sql) await asIntruder(await mutation.sql());
        mutation.file?.();
        const result = await service.verify(mutation.external ? [signed] : []);
        if (result.intact) undetected.push(mutation.name);
        else expect(result.firstBroken ?? result.journal.firstBroken).toBeDefined();
        // CAMPAIGN_SHOW=1: what the verification named for each mutation.
        if (process.env.CAMPAIGN_SHOW) console.info(mutation.name, JSON.stringify(result.firstBroken ?? { journal: result.journal.firstBroken }));
      } finally {
        await restore();
      }
      expect({ after: mutation.name, intact: (await service.verify()).intact }).toEqual({ after: mutation.name, intact: true });
    }
    console.log(`Tampering campaign: ${undetected.length} of ${all.length} mutations undetected`);
    expect(all.length).toBeGreaterThanOrEqual(70);
    expect(undetected).toEqual([]);
    // Seventy-odd verify-and-restore rounds: minutes on a loaded two-core machine, seconds on a quiet one.
  }, 180_000);

  it("as the application's role: an entry's assessment version is not rewritten, a version of the assessment is neither changed, removed nor backdated", async () => {
    const service = t.app.get(RegisterService);
    const errors: string[] = [];
    const app = new Client({ connectionString: db.url, application_name: 'vigie-test-attacker' });
    await app.connect();
    try {
      await app.query('SET ROLE vigie_app');
      for (const sql of [
        `UPDATE access_log SET lia_version = 2 WHERE sequence = ${live}`,
        `UPDATE access_log SET lia_version = NULL, format = 2 WHERE sequence = ${denied}`,
        `UPDATE lia_version SET text = 'Aucune garantie.' WHERE version = 1`,
        `UPDATE lia_version SET effective_from = now() - interval '1 year' WHERE version = 2`,
        `DELETE FROM lia_version WHERE version = 2`,
        `TRUNCATE lia_version CASCADE`,
        `INSERT INTO lia_version (version, text, effective_from) VALUES (3, 'Une version antidatée, pour couvrir des accès passés.', now() - interval '1 day')`,
        `INSERT INTO lia_version (version, text, effective_from) VALUES (5, 'Une version qui saute des numéros, pour en cacher.', now() + interval '2 days')`,
        `INSERT INTO lia_version (version, text, effective_from) VALUES (3, 'Une version en vigueur avant la précédente, qui la recouvrirait.', now() + interval '1 hour')`,
      ]) {
        try {
          await app.query(sql);
          errors.push(`accepted: ${sql}`);
        } catch (error) {
          errors.push((error as Error).message);
        }
      }
    } finally {
      await app.end();
    }
    expect(errors).toEqual([
      expect.stringMatching(/access_log is append-only|permission denied/),
      expect.stringMatching(/access_log is append-only|permission denied/),
      expect.stringMatching(/lia_version is append-only|permission denied/),
      expect.stringMatching(/lia_version is append-only|permission denied/),
      expect.stringMatching(/lia_version is append-only|permission denied/),
      expect.stringMatching(/lia_version is append-only|permission denied/),
      expect.stringMatching(/lia_backdated/),
      expect.stringMatching(/lia_version_gap/),
      expect.stringMatching(/lia_backdated/),
    ]);
    expect(await owner(`SELECT version, digest = encode(sha256(convert_to(text, 'UTF8')), 'hex') AS digest_holds FROM lia_version ORDER BY version`)).toEqual([
      { version: 1, digest_holds: true },
      { version: 2, digest_holds: true },
    ]);
    expect((await service.verify([signed])).intact).toBe(true);
  }, 180_000);
});

function literal(value: string | null): string {
  return value === null ? 'NULL' : `'${value.replace(/'/g, "''")}'`;
}
