import type { CaseDetail } from '@vigie/contracts';
import { randomUUID } from 'node:crypto';
import { ManualClock } from '../common/clock';
import { aReportedCase, claim, readGrant, requestAccess } from '../../test/gate-factory';
import { postSigned } from '../../test/intake-factory';
import { ownerQuery } from '../../test/owner-query';
import { createStaff, signIn, type Session } from '../../test/staff-factory';
import { createTestApp } from '../../test/test-app';
import { createOwnDatabase } from '../../test/test-database';
import { expectedAfterPurge, PERSONAL_DATA } from './personal-data';
import { RetentionService } from './retention.service';

// Types that hold numbers, flags, instants or our own ids: nothing anyone typed, nothing of the platform's.
const WORDLESS_TYPES = ['uuid', 'smallint', 'integer', 'bigint', 'numeric', 'real', 'double precision', 'boolean', 'date', 'timestamp with time zone', 'timestamp without time zone', 'interval'];

const STATEMENT = {
  facts: 'Messages insistants pour obtenir un rendez-vous hors plateforme.',
  ground: 'CGU art. 4.2 — harcèlement, cité : « Marc D. »',
  automated: false,
  redress: 'Recours interne sous 6 mois depuis la plateforme.',
};

describe('the list of personal data', () => {
  it('classifies every column of the schema that can hold words or identifiers, and only columns that exist', async () => {
    const columns = await ownerQuery<{ table_name: string; column_name: string; data_type: string }>(
      `SELECT c.table_name, c.column_name, c.data_type FROM information_schema.columns c
         JOIN information_schema.tables t ON t.table_name = c.table_name AND t.table_schema = c.table_schema AND t.table_type = 'BASE TABLE'
        WHERE c.table_schema = current_schema() ORDER BY 1, 2`,
    );
    const wordy = columns.filter((c) => !WORDLESS_TYPES.includes(c.data_type));
    // The scan itself works: the tables everyone knows hold text are seen.
    expect(wordy.map((c) => `${c.table_name}.${c.column_name}`)).toEqual(expect.arrayContaining(['message_body.body', 'report.comment', 'case_event.data', 'decision.message_ids']));

    const unclassified = wordy.filter((c) => !PERSONAL_DATA[c.table_name]?.columns[c.column_name]).map((c) => `${c.table_name}.${c.column_name} (${c.data_type})`);
    expect(unclassified).toEqual([]);
    const existing = new Set(columns.map((c) => `${c.table_name}.${c.column_name}`));
    const stale = Object.entries(PERSONAL_DATA).flatMap(([table, policy]) => Object.keys(policy.columns).map((column) => `${table}.${column}`)).filter((name) => !existing.has(name));
    expect(stale).toEqual([]);
  });

  it('holds after a purge: every column the list erases is erased for every row of the purged cases, their conversation and their people', async () => {
    const db = await createOwnDatabase('vigie_personal_data');
    const start = new Date();
    const clock = new ManualClock(start);
    const t = await createTestApp({ databaseUrl: db.url, clock, env: { MFA_REQUIRED_ROLES: '' } });
    try {
      const accounts = { moderator: await createStaff(t.app, ['moderator']), other: await createStaff(t.app, ['moderator']), lead: await createStaff(t.app, ['lead']) };
      const sessions = async () => ({
        moderator: await signIn(t.app, accounts.moderator.email),
        other: await signIn(t.app, accounts.other.email),
        lead: await signIn(t.app, accounts.lead.email),
      });
      let s = await sessions();
      const owner = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => ownerQuery<T>(sql, params, db.url);
      const call = async (session: Session, method: 'POST' | 'DELETE', url: string, payload: object) => {
        const res = await t.app.inject({ method, url: `/api/v1${url}`, headers: session.headers(true), payload });
        expect(res.statusCode).toBeLessThan(300);
        return res.json() as CaseDetail;
      };
      const version = async (caseId: string) => ((await t.app.inject({ method: 'GET', url: `/api/v1/cases/${caseId}`, headers: s.lead.headers() })).json() as CaseDetail).version;

      // A case that went through everything that writes words: a hold placed and lifted, the
      // conversation read, a note, a proposal rejected with a note, a removal, an appeal.
      const { caseId, reportId, report } = await aReportedCase(t.app, { at: start, messages: 4 });
      await call(s.lead, 'POST', `/cases/${caseId}/legal-hold`, { reason: 'Réquisition au sujet de Marc D.' });
      await call(s.lead, 'DELETE', `/cases/${caseId}/legal-hold`, { reason: 'Levée : procédure close.' });
      await claim(t.app, s.moderator, caseId);
      const grant = await requestAccess(t.app, s.moderator, caseId, { reportIds: [reportId], scope: 'full' });
      expect(grant.statusCode).toBe(201);
      await readGrant(t.app, s.moderator, grant.json().grantId);
      await call(s.moderator, 'POST', `/cases/${caseId}/notes`, { text: 'Marc D. insiste, voir les messages.' });
      const proposed = await call(s.moderator, 'POST', `/cases/${caseId}/decision`, { action: 'ban', policyClause: 'cgu.4.2-harcelement', statement: STATEMENT, version: await version(caseId) });
      await call(s.lead, 'POST', `/cases/${caseId}/decisions/${proposed.decisions[0].id}/review`, { approve: false, note: 'Trop sévère pour Marc D.' });
      const removal = await call(s.moderator, 'POST', `/cases/${caseId}/decision`, {
        action: 'content_removal',
        policyClause: 'cgu.4.2-harcelement',
        statement: STATEMENT,
        messageIds: report.reportedMessageIds,
        version: await version(caseId),
      });
      const decisionId = removal.decisions.find((d) => d.state === 'effective')?.id;
      const appeal = await postSigned(
        t.app,
        '/api/v1/intake/appeals',
        JSON.stringify({ externalId: `app_${randomUUID().slice(0, 8)}`, decisionId, appellant: { externalId: report.reported.externalId }, statement: 'Je conteste, Léa M. ment.', submittedAt: clock.now().toISOString() }),
        { timestamp: Math.floor(clock.now().getTime() / 1000) },
      );
      expect(appeal.statusCode).toBe(202);
      const appealCaseId: string = appeal.json().caseId;
      // The reporter once restricted the processing of their data, since lifted: the reasons name people.
      await owner(
        `INSERT INTO subject_restriction (user_id, reason, reference, restricted_by, restricted_at, lifted_by, lifted_at, lift_reason)
         SELECT u.id, 'Léa M. conteste le signalement.', 'REQ-18-PD', s.id, now(), s.id, now(), 'Levée après échange avec Léa M.'
           FROM platform_user u, (SELECT id FROM staff_user ORDER BY created_at LIMIT 1) s WHERE u.external_id = $1`,
        [report.reporter.externalId],
      );

      const later = new Date(start);
      later.setUTCFullYear(later.getUTCFullYear() + 3);
      clock.set(new Date(later.getTime() + 2 * 86_400_000));
      s = await sessions();
      const run = await t.app.get(RetentionService).run({ dryRun: false, trigger: 'cli' });
      expect(run.counts.casesPurged).toBe(2);

      const cases = [caseId, appealCaseId];
      const [{ conversations, users }] = await owner<{ conversations: string[]; users: string[] }>(
        `SELECT ARRAY(SELECT DISTINCT conversation_id FROM moderation_case WHERE id = ANY ($1::uuid[]))::text[] AS conversations,
                ARRAY(SELECT p.user_id FROM conversation_participant p JOIN moderation_case c ON c.conversation_id = p.conversation_id WHERE c.id = ANY ($1::uuid[])
                      UNION SELECT appellant_id FROM appeal WHERE case_id = ANY ($1::uuid[]))::text[] AS users`,
        [cases],
      );
      const scopes = { case: cases, conversation: conversations, user: users };

      const rowsSeen: Record<string, number> = {};
      const notErased: string[] = [];
      for (const [table, policy] of Object.entries(PERSONAL_DATA)) {
        if (policy.rows === 'none') continue;
        expect(policy.where).toBeDefined();
        const where = policy.where as string;
        const [{ n }] = await owner<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}" WHERE ${where}`, [scopes[policy.rows]]);
        rowsSeen[table] = n;
        for (const { column, to } of expectedAfterPurge(table)) {
          const [{ left }] = await owner<{ left: number }>(`SELECT count(*)::int AS left FROM "${table}" WHERE ${where} AND "${column}" IS DISTINCT FROM ${to}`, [scopes[policy.rows]]);
          if (left > 0) notErased.push(`${table}.${column}: ${left}`);
        }
      }
      expect(notErased).toEqual([]);
      // Deleted where the list says so; every other table had rows to check.
      const deleted = Object.keys(PERSONAL_DATA).filter((table) => PERSONAL_DATA[table].deleteRows);
      expect(deleted.map((table) => rowsSeen[table])).toEqual(deleted.map(() => 0));
      const kept = Object.keys(rowsSeen).filter((table) => !PERSONAL_DATA[table].deleteRows);
      expect(kept.filter((table) => rowsSeen[table] === 0)).toEqual([]);

      // The timeline keeps its shape: what happened and when, without the words.
      const [{ events }] = await owner<{ events: { type: string; data: Record<string, unknown> }[] }>(
        `SELECT json_agg(json_build_object('type', type, 'data', data) ORDER BY id) AS events FROM case_event WHERE case_id = $1`,
        [caseId],
      );
      expect(events.find((e) => e.type === 'decision_rejected')?.data).toEqual({ decisionId: proposed.decisions[0].id });
      expect(events.find((e) => e.type === 'conversation_accessed')?.data).toMatchObject({ scope: 'full', messageCount: 4 });
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/cases/' + caseId, headers: s.lead.headers() })).statusCode).toBe(200);
    } finally {
      await t.close();
      await db.drop();
    }
  });
});
