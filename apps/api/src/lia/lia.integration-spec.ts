import type { AccessLogEntry, LiaOverview, LiaVersion, ListResponse, RegisterVerification } from '@vigie/contracts';
import { createHash } from 'node:crypto';
import { Client } from 'pg';
import { aReportedCase, claim, requestAccess } from '../../test/gate-factory';
import { ownerQuery } from '../../test/owner-query';
import { createStaff, type Session, signIn } from '../../test/staff-factory';
import { createTestApp, type TestApp } from '../../test/test-app';
import { createOwnDatabase } from '../../test/test-database';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const V2 = `# Analyse d'intérêt légitime — version 2

## Finalité
Détecter les activités illicites dans les conversations signalées.

## Garanties
La porte, la justification, le registre, la conservation de 3 ans ; relecture annuelle par le DPO.`;

/**
 * The legitimate-interest assessment, versioned: version 1 ships with the migrations, the DPO
 * publishes the next ones, and every grant and register entry records the version in force,
 * inside the register's hash chain. Its own database: publishing changes what every access records.
 */
describe('the legitimate-interest assessment (LIA)', () => {
  let db: { url: string; drop(): Promise<void> };
  let t: TestApp;
  let dpo: Session;
  let moderator: Session;
  const owner = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => ownerQuery<T>(sql, params, db.url);
  const get = (session: Session, url: string) => t.app.inject({ method: 'GET', url, headers: session.headers() });
  const publish = (session: Session, payload: Record<string, unknown>) => t.app.inject({ method: 'POST', url: '/api/v1/audit/lia', headers: session.headers(true), payload });

  /** A case the moderator claims and opens: the register's `granted` entry for it. */
  async function anOpening(): Promise<{ entry: AccessLogEntry; grantId: string; caseId: string }> {
    const { caseId, reportId } = await aReportedCase(t.app);
    await claim(t.app, moderator, caseId);
    const res = await requestAccess(t.app, moderator, caseId, { reportIds: [reportId] });
    expect(res.statusCode).toBe(201);
    const list = (await get(dpo, `/api/v1/audit/access-log?caseId=${caseId}`)).json<ListResponse<AccessLogEntry>>();
    const entry = list.data.find((e) => e.outcome === 'granted') as AccessLogEntry;
    return { entry, grantId: res.json<{ grantId: string }>().grantId, caseId };
  }

  beforeAll(async () => {
    db = await createOwnDatabase('vigie_lia');
    t = await createTestApp({ databaseUrl: db.url, env: { MFA_REQUIRED_ROLES: '' } });
    dpo = await signIn(t.app, (await createStaff(t.app, ['dpo'])).email);
    moderator = await signIn(t.app, (await createStaff(t.app, ['moderator'])).email);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  it('ships version 1, a template in force from installation, digested by the database', async () => {
    const res = await get(dpo, '/api/v1/audit/lia');
    expect(res.statusCode).toBe(200);
    const { current, history } = res.json<LiaOverview>();
    expect(current).toMatchObject({ version: 1, writtenBy: null });
    for (const part of ['Finalité', 'Nécessité', 'Mise en balance', 'mineurs', 'Garanties', 'justification', 'registre', '3 ans']) {
      expect(current?.text).toContain(part);
    }
    expect(current?.digest).toBe(sha256(current?.text ?? ''));
    expect(history).toEqual([expect.objectContaining({ version: 1 })]);
    expect(history[0]).not.toHaveProperty('text');
    // Every member of staff reads it.
    expect((await get(moderator, '/api/v1/lia/current')).json<LiaVersion>()).toMatchObject({ version: 1, text: current?.text });
  });

  it('records version 1 in the grant and in the register entry, inside the hash chain', async () => {
    const { entry, grantId } = await anOpening();
    expect(entry.liaVersion).toBe(1);
    expect(await owner(`SELECT lia_version FROM access_grant WHERE id = $1`, [grantId])).toEqual([{ lia_version: 1 }]);
    expect(await owner(`SELECT format, lia_version FROM access_log WHERE sequence = $1`, [entry.sequence])).toEqual([{ format: 3, lia_version: 1 }]);
  });

  it('publishes version 2 (DPO only, journaled without its text); from then on grants and entries record it', async () => {
    expect((await publish(moderator, { text: V2 })).statusCode).toBe(403);
    const res = await publish(dpo, { text: V2 });
    expect(res.statusCode).toBe(201);
    const published = res.json<LiaVersion>();
    expect(published).toMatchObject({ version: 2, text: V2, digest: sha256(V2), writtenBy: { id: dpo.body.user.id } });

    const [journaled] = await owner<{ details: Record<string, unknown>; actor_id: string }>(
      `SELECT details, actor_id FROM staff_activity WHERE event = 'lia.published'`,
    );
    expect(journaled).toMatchObject({ actor_id: dpo.body.user.id, details: { version: 2, effectiveFrom: published.effectiveFrom } });
    expect(JSON.stringify(journaled.details)).not.toContain('Finalité');

    expect((await get(moderator, '/api/v1/lia/current')).json<LiaVersion>()).toMatchObject({ version: 2, text: V2 });
    expect((await get(moderator, '/api/v1/lia/1')).json<LiaVersion>()).toMatchObject({ version: 1 });
    const { entry, grantId } = await anOpening();
    expect(entry.liaVersion).toBe(2);
    expect(await owner(`SELECT lia_version FROM access_grant WHERE id = $1`, [grantId])).toEqual([{ lia_version: 2 }]);

    const overview = (await get(dpo, '/api/v1/audit/lia')).json<LiaOverview>();
    expect(overview.current?.version).toBe(2);
    expect(overview.history.map((v) => v.version)).toEqual([2, 1]);

    // Both versions' entries verify, in format 3.
    const verification = (await get(dpo, '/api/v1/audit/verify')).json<RegisterVerification>();
    expect(verification).toMatchObject({ intact: true, formats: { '3': verification.entriesChecked } });
  });

  it('refuses a backdated version (400 lia_backdated); a future one waits for its date', async () => {
    const backdated = await publish(dpo, { text: V2, effectiveFrom: new Date(Date.now() - 86_400_000).toISOString() });
    expect(backdated.statusCode).toBe(400);
    expect(backdated.json()).toMatchObject({ details: { code: 'lia_backdated' } });
    const future = await publish(dpo, { text: `${V2}\n\nVersion 3.`, effectiveFrom: new Date(Date.now() + 7 * 86_400_000).toISOString() });
    expect(future.json()).toMatchObject({ version: 3 });
    expect((await get(moderator, '/api/v1/lia/current')).json<LiaVersion>().version).toBe(2);
    expect((await anOpening()).entry.liaVersion).toBe(2);
    // Not before the version it follows, even in the future.
    const beforePrevious = await publish(dpo, { text: V2, effectiveFrom: new Date(Date.now() + 86_400_000).toISOString() });
    expect(beforePrevious.json()).toMatchObject({ details: { code: 'lia_backdated' } });
    expect((await get(dpo, '/api/v1/lia/99')).json()).toMatchObject({ details: { code: 'lia_not_found' } });
    expect((await get(dpo, '/api/v1/lia/99')).statusCode).toBe(404);
  });

  it("as the application's role: an entry naming another version than its grant's, or than the one in force, is refused by the database", async () => {
    const { grantId, caseId } = await anOpening();
    const errors: string[] = [];
    const app = new Client({ connectionString: db.url });
    await app.connect();
    try {
      await app.query('SET ROLE vigie_app');
      const entry = (outcome: string, grant: string, lia: number) => `
        SELECT (SELECT coalesce(max(sequence), 0) + 1 FROM access_log) AS sequence, now() AS at, staff_id, staff_roles, case_id,
               conversation_id, report_ids, subject_ids, legal_basis, purpose, '${outcome}' AS outcome, 'not_assignee' AS reason, NULL::jsonb AS scope,
               ${grant} AS grant_id, NULL AS request_id, NULL AS justification, 'x' AS justification_digest, NULL AS ip, 'x' AS ip_digest,
               NULL AS user_agent, 'x' AS user_agent_digest, 's' AS salt,
               (SELECT hash FROM access_log ORDER BY sequence DESC LIMIT 1) AS prev_hash, 'forged' AS hash, 3 AS format, ${lia} AS lia_version
          FROM access_log WHERE case_id = '${caseId}' AND outcome = 'granted'`;
      for (const sql of [
        // A read under a grant opened under version 2, claiming version 1.
        `SELECT access_log_append(to_jsonb(e)) FROM (${entry('read', `'${grantId}'::uuid`, 1)}) e`,
        // A refusal without a grant, claiming version 3, not in force yet.
        `SELECT access_log_append(to_jsonb(e)) FROM (${entry('denied', 'NULL::uuid', 3)}) e`,
        // An entry in format 2, which does not cover the version.
        `SELECT access_log_append(to_jsonb(e) || '{"format": 2}') FROM (${entry('denied', 'NULL::uuid', 2)}) e`,
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
      expect.stringMatching(/gate refused: lia_version_not_the_grants/),
      expect.stringMatching(/gate refused: lia_version_not_in_force/),
      expect.stringMatching(/gate refused: format_not_current/),
    ]);
  });

  it('with no version in force, the gate opens nothing (no_lia_in_force)', async () => {
    const { caseId, reportId } = await aReportedCase(t.app);
    await claim(t.app, moderator, caseId);
    const [{ session_id }] = await owner<{ session_id: string }>(
      `SELECT id AS session_id FROM staff_session WHERE staff_id = $1 AND revoked_at IS NULL ORDER BY expires_at DESC LIMIT 1`,
      [moderator.body.user.id],
    );
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      await client.query('BEGIN');
      // Every version pushed into the future, within this transaction only (as the owner, triggers off; the rollback undoes it).
      await client.query(`SET LOCAL session_replication_role = replica`);
      await client.query(`UPDATE lia_version SET effective_from = now() + interval '10 years'`);
      await expect(
        client.query(`SELECT * FROM gate_open_grant($1, $2, $3, 'context', $4::uuid[], '{}'::uuid[], 15)`, [caseId, moderator.body.user.id, session_id, [reportId]]),
      ).rejects.toThrow(/gate refused: no_lia_in_force/);
    } finally {
      await client.query('ROLLBACK');
      await client.end();
    }
    expect((await get(moderator, '/api/v1/lia/current')).json<LiaVersion>().version).toBe(2);
  });
});
