import { randomUUID } from 'node:crypto';
import { aReportedCase } from '../../test/gate-factory';
import { ownerQuery } from '../../test/owner-query';
import { createTestApp } from '../../test/test-app';
import { createOwnDatabase } from '../../test/test-database';
import { type ChainedEntry, chainHash, chainTime, GENESIS_HASH, newSalt, personalDigest } from '../register/register-chain';
import { RegisterService } from '../register/register.service';
import { DataSource } from 'typeorm';
import { createDataSource } from './data-source';
import { runMigrations } from './migrate';

/**
 * The register's formats and recorded erasures arrive on a register already written: its entries
 * stay format 1 and keep verifying, its past erasures are recorded, new entries are in the latest
 * format (3 since the assessment's version is covered), and an entry cannot be passed back to format 1 once a later one began.
 */
describe('the register erasure record migration', () => {
  let db: { url: string; drop(): Promise<void> };
  const owner = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => ownerQuery<T>(sql, params, db.url);
  beforeAll(async () => {
    db = await createOwnDatabase('vigie_erasure_migr');
  });
  afterAll(() => db?.drop());

  it('keeps format 1 entries verifying, records their past erasures, and writes the latest format after', async () => {
    const setup = await createTestApp({ databaseUrl: db.url, env: { MFA_REQUIRED_ROLES: '' } });
    const { caseId } = await aReportedCase(setup.app, { messages: 2 });
    await setup.close();

    const dataSource = createDataSource(db.url, { poolSize: 2 });
    await dataSource.initialize();
    try {
      const last = async () => Number((await dataSource.query(`SELECT max(timestamp) AS t FROM typeorm_migrations`))[0].t);
      while ((await last()) >= 1764198000000) await dataSource.undoLastMigration();

      // Three entries as the first format wrote them: two about a case retention will purge, one about another.
      let prevHash = GENESIS_HASH;
      const staffId = randomUUID();
      for (const [i, about] of [caseId, caseId, randomUUID()].entries()) {
        const salt = newSalt();
        const entry: ChainedEntry = {
          sequence: String(i + 1),
          at: chainTime(new Date(Date.UTC(2026, 10, 20, 10, i))),
          staffId,
          staffRoles: ['lead', 'moderator'],
          caseId: about,
          conversationId: null,
          reportIds: [],
          subjectIds: [],
          legalBasis: 'GDPR-6-1-f',
          purpose: 'moderation.report-review',
          outcome: 'denied',
          reason: 'not_assignee',
          scope: null,
          grantId: null,
          requestId: `req-${i}`,
          justificationDigest: personalDigest(salt, 'Vérifier le signalement cité.'),
          ipDigest: personalDigest(salt, '203.0.113.7'),
          userAgentDigest: personalDigest(salt, 'Firefox'),
          liaVersion: null,
        };
        const hash = chainHash(prevHash, entry, 1);
        await owner(
          `INSERT INTO access_log (sequence, at, staff_id, staff_roles, case_id, conversation_id, report_ids, subject_ids, legal_basis, purpose, outcome,
                                   reason, scope, grant_id, request_id, justification, justification_digest, ip, ip_digest, user_agent, user_agent_digest,
                                   salt, prev_hash, hash)
           VALUES ($1, $2, $3, $4, $5, NULL, '{}', '{}', $6, $7, $8, $9, NULL, NULL, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)`,
          [entry.sequence, entry.at, staffId, entry.staffRoles, about, entry.legalBasis, entry.purpose, entry.outcome, entry.reason, entry.requestId,
            'Vérifier le signalement cité.', entry.justificationDigest, '203.0.113.7', entry.ipDigest, 'Firefox', entry.userAgentDigest, salt, prevHash, hash],
        );
        prevHash = hash;
      }
      // Retention of old: the case purged, its entries erased by the function of the time.
      await owner(`UPDATE moderation_case SET data_purged_at = '2026-11-21T00:00:00Z' WHERE id = $1`, [caseId]);
      expect(await owner(`SET ROLE vigie_app; SELECT access_log_erase_personal(ARRAY['${caseId}']::uuid[], '2026-11-21T00:00:00Z') AS n`)).toEqual([{ n: '2' }]);
      await runMigrations(dataSource);
    } finally {
      await dataSource.destroy();
    }

    expect(await owner(`SELECT format, count(*)::int AS n FROM access_log GROUP BY format`)).toEqual([{ format: 1, n: 3 }]);
    expect(await owner(`SELECT run_id, case_id, entries::int AS entries FROM register_erasure`)).toEqual([{ run_id: null, case_id: caseId, entries: 2 }]);

    const t = await createTestApp({ databaseUrl: db.url, env: { MFA_REQUIRED_ROLES: '' } });
    try {
      const register = t.app.get(RegisterService);
      expect(await register.verify()).toMatchObject({ intact: true, entriesChecked: 3, entriesErased: 2, formats: { '1': 3 } });
      const record = () => t.app.get(DataSource).transaction((m) =>
        register.record(m, {
          staff: { id: randomUUID(), roles: ['moderator'] },
          caseId: null,
          conversationId: null,
          reportIds: [],
          subjectIds: [],
          outcome: 'denied',
          reason: 'case_not_found',
          justification: 'Un signalement à vérifier.',
          client: { ip: '203.0.113.8', userAgent: 'Firefox', requestId: null },
        }),
      );
      await record();
      await record();
      expect(await register.verify()).toMatchObject({ intact: true, entriesChecked: 5, formats: { '1': 3, '3': 2 } });
      const asOwner = (sql: string) => owner(`BEGIN; SET LOCAL session_replication_role = replica; ${sql}; COMMIT`);

      // A format 3 entry marked format 1: its hash covers its format.
      await asOwner(`UPDATE access_log SET format = 1 WHERE sequence = 4`);
      expect((await register.verify()).firstBroken).toEqual({ sequence: 4, problem: 'hash_mismatch' });
      await asOwner(`UPDATE access_log SET format = 3 WHERE sequence = 4`);

      // The last entry passed off as format 1, its hash well computed in that format: formats only move forward.
      const [fifth] = await owner<ChainedEntry & { prevHash: string }>(
        `SELECT sequence::text AS "sequence", to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "at", staff_id::text AS "staffId",
                staff_roles AS "staffRoles", case_id::text AS "caseId", conversation_id::text AS "conversationId", report_ids::text[] AS "reportIds",
                subject_ids::text[] AS "subjectIds", legal_basis AS "legalBasis", purpose, outcome, reason, scope, grant_id::text AS "grantId",
                request_id AS "requestId", justification_digest AS "justificationDigest", ip_digest AS "ipDigest", user_agent_digest AS "userAgentDigest",
                prev_hash AS "prevHash"
           FROM access_log WHERE sequence = 5`,
      );
      await asOwner(`UPDATE access_log SET format = 1, lia_version = NULL, hash = '${chainHash(fifth.prevHash, fifth, 1)}' WHERE sequence = 5`);
      expect((await register.verify()).firstBroken).toEqual({ sequence: 5, problem: 'hash_mismatch' });
    } finally {
      await t.close();
    }
  });
});
