import type { RegisterVerification, SignedCheckpoint } from '@vigie/contracts';
import { DataSource } from 'typeorm';
import { aReportedCase, claim, requestAccess } from '../../test/gate-factory';
import { ownerQuery } from '../../test/owner-query';
import { createStaff, signIn, type Session } from '../../test/staff-factory';
import { createTestApp, type TestApp } from '../../test/test-app';
import { createOwnDatabase } from '../../test/test-database';
import { RegisterService } from '../register/register.service';
import { checkpointSignatureValid } from '../register/register-signing-key';
import { journalHash } from './staff-activity-chain';
import { type JournalLink, StaffActivityRepository } from './staff-activity.repository';

// This file tampers with the staff journal: it works on a database of its own.
describe('the staff journal as a chain', () => {
  let db: { url: string; drop(): Promise<void> };
  let t: TestApp;
  let dpo: Session;
  let signed: SignedCheckpoint;
  const owner = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => ownerQuery<T>(sql, params, db.url);
  /** SQL as the database owner with the journal's triggers off: what an intruder with full access can do. */
  const tamper = (sql: string) => owner(`ALTER TABLE staff_activity DISABLE TRIGGER USER; ${sql}; ALTER TABLE staff_activity ENABLE TRIGGER USER`);
  const verify = () => t.app.get(RegisterService).verify();

  beforeAll(async () => {
    db = await createOwnDatabase('vigie_journal');
    t = await createTestApp({ databaseUrl: db.url, env: { MFA_REQUIRED_ROLES: '' } });
    dpo = await signIn(t.app, (await createStaff(t.app, ['dpo'])).email);
    const moderator = await signIn(t.app, (await createStaff(t.app, ['moderator'])).email);
    const { caseId, reportId } = await aReportedCase(t.app, { messages: 2 });
    await claim(t.app, moderator, caseId);
    await requestAccess(t.app, moderator, caseId, { reportIds: [reportId] });
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/audit/checkpoints', headers: dpo.headers(true) });
    expect(res.statusCode).toBe(201);
    signed = res.json();
    await owner(`CREATE TABLE staff_activity_original AS SELECT * FROM staff_activity`);
  });
  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });
  const restore = () =>
    tamper(`DELETE FROM staff_activity; INSERT INTO staff_activity OVERRIDING SYSTEM VALUE SELECT * FROM staff_activity_original`);
  afterEach(restore);

  it('is signed with the register: the checkpoint carries the journal’s head', async () => {
    // The head when it was signed; the signing itself is the next entry.
    const [head, signing] = await owner<{ sequence: string; hash: string; event: string }>(
      `SELECT sequence::text AS sequence, hash, event FROM staff_activity WHERE sequence >= $1 ORDER BY sequence LIMIT 2`,
      [signed.journal?.sequence],
    );
    expect(signed.journal).toEqual({ sequence: Number(head.sequence), headHash: head.hash });
    expect(signing.event).toBe('register.checkpoint_signed');
    expect(checkpointSignatureValid(signed)).toBe(true);
    expect(checkpointSignatureValid({ ...signed, journal: { sequence: signed.journal?.sequence ?? 1, headHash: 'f'.repeat(64) } })).toBe(false);
    const result = await verify();
    expect(result).toMatchObject({ intact: true, journal: { intact: true, entriesChecked: expect.any(Number), headSequence: expect.any(Number) } });
    expect(result.journal.entriesChecked).toBeGreaterThanOrEqual(4);
  });

  it('is append-only: the API’s role may not UPDATE, DELETE or TRUNCATE it, and its owner meets the triggers', async () => {
    const api = t.app.get(DataSource);
    await expect(api.query(`UPDATE staff_activity SET details = '{}' WHERE sequence = 1`)).rejects.toThrow(/permission denied/);
    await expect(api.query(`DELETE FROM staff_activity WHERE sequence = 1`)).rejects.toThrow(/permission denied/);
    await expect(api.query(`TRUNCATE staff_activity`)).rejects.toThrow(/permission denied/);
    await expect(owner(`UPDATE staff_activity SET details = '{}' WHERE sequence = 1`)).rejects.toThrow(/append-only/);
    await expect(owner(`DELETE FROM staff_activity WHERE sequence = 1`)).rejects.toThrow(/append-only/);
    await expect(owner(`TRUNCATE staff_activity`)).rejects.toThrow(/append-only/);
    expect((await verify()).journal.intact).toBe(true);
  });

  describe('reports an edited entry like a tampered register entry', () => {
    const edits: [string, string][] = [
      ['at', `at = at + interval '1 microsecond'`],
      ['event', `event = 'logout'`],
      ['actor_id', `actor_id = NULL`],
      ['subject_id', `subject_id = NULL`],
      ['ip', `ip = '203.0.113.9'`],
      ['user_agent', `user_agent = 'curl/8'`],
      ['details', `details = '{"cause": "forged"}'`],
      ['format', `format = 'vigie-journal-v0'`],
      ['hash', `hash = md5('x') || md5('y')`],
    ];
    it.each(edits)('%s', async (column, set) => {
      await tamper(`UPDATE staff_activity SET ${set} WHERE sequence = 2`);
      const result = await verify();
      // The personal fields are sealed by their digest (the second format): an edit of one is named as such.
      const problem = ['actor_id', 'subject_id', 'ip', 'user_agent', 'details'].includes(column) ? 'personal_field_mismatch' : 'hash_mismatch';
      expect({ column, intact: result.intact, journal: result.journal.firstBroken }).toEqual({ column, intact: false, journal: { sequence: 2, problem } });
      // The register itself is untouched.
      expect(result.firstBroken).toBeUndefined();
    });
  });

  it('detects a deleted entry and a truncated tail', async () => {
    await tamper(`DELETE FROM staff_activity WHERE sequence = 2`);
    expect((await verify()).journal.firstBroken).toEqual({ sequence: 2, problem: 'sequence_gap' });
    await restore();
    const last = (signed.journal?.sequence ?? 0);
    await tamper(`DELETE FROM staff_activity WHERE sequence >= ${last}`);
    expect((await verify()).journal.firstBroken).toEqual({ sequence: last, problem: 'truncated_before_checkpoint' });
  });

  it('detects a whole journal rewritten with well-formed hashes, against the signed checkpoint', async () => {
    const links: JournalLink[] = [];
    for await (const batch of t.app.get(StaffActivityRepository).chain(1000)) links.push(...batch);
    // The intruder turns entry 2 into a sign-out and recomputes every hash after it, as the application would.
    let prev = links[0].hash;
    const updates = links.slice(1).map((link) => {
      const entry = link.sequence === '2' ? { ...link, event: 'logout' } : link;
      const hash = journalHash(prev, entry);
      const sql = `UPDATE staff_activity SET event = '${entry.event}', prev_hash = '${prev}', hash = '${hash}' WHERE sequence = ${link.sequence}`;
      prev = hash;
      return sql;
    });
    await tamper(updates.join(';\n'));
    const result: RegisterVerification = await verify();
    expect(result.intact).toBe(false);
    expect(result.journal.firstBroken).toEqual({ sequence: signed.journal?.sequence, problem: 'checkpoint_mismatch' });
  });

  it('never forks under concurrent appends', async () => {
    const journal = t.app.get(StaffActivityRepository);
    await Promise.all(Array.from({ length: 12 }, (_, i) => journal.record('login.failed', { ip: '192.0.2.1', details: { cause: 'test', i } })));
    const [counts] = await owner<{ n: number; distinct: number; max: string }>(
      `SELECT count(*)::int AS n, count(DISTINCT prev_hash)::int AS distinct, max(sequence)::text AS max FROM staff_activity`,
    );
    expect(counts.distinct).toBe(counts.n);
    expect(Number(counts.max)).toBe(counts.n);
    expect((await verify()).journal).toMatchObject({ intact: true, entriesChecked: counts.n });
    await owner(`DROP TABLE staff_activity_original; CREATE TABLE staff_activity_original AS SELECT * FROM staff_activity`);
  });
});
