import { ACCESS_PURPOSE, LEGAL_BASIS } from '@vigie/contracts';
import { randomUUID } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import { appPool } from '../database';
import { sessionHeaders } from '../http';
import { log } from '../log';
import type { ChainFunctions } from '../product';
import { median, msSince, quantile } from '../stats';
import { type Context, type Measure, ratio, type ScenarioResult, statusOf } from '../types';

/**
 * The gate: POST /cases/:id/access then GET /access-grants/:id/messages, as a lead, against the
 * same two transactions in plain SQL (apps/api/src/gate/gate.repository.ts, the case record's
 * activity and the register's append): lock the case, scope the messages, open the grant tied to
 * the lead's session through gate_open_grant, record on the case, take the register's advisory lock
 * and append the chained entry through access_log_append; then find the grant, lock the case, read
 * how its session stands (revocation), append the `read` entry, commit, and read the bodies
 * through gate_message_bodies in a transaction of their own.
 */

const USER_AGENT = 'vigie-bench';
const JUSTIFICATION = 'Vérifier le message signalé avant de décider (bench).';
const CONTEXT_MESSAGES = 10;
const GRANT_MINUTES = 15;
const APPEND_LOCK_KEY = 7_461_002;

interface Target {
  caseId: string;
  reportId: string;
}

export async function gateScenario(ctx: Context): Promise<ScenarioResult> {
  const started = Date.now();
  const { lead } = ctx.staff;
  const pairs = ctx.options.scale.gatePairs;
  const pool = appPool(ctx.runUrl, 10);
  try {
    const targets = (
      await pool.query<Target>(
        `SELECT c.id AS "caseId", (SELECT r.id FROM report r WHERE r.case_id = c.id ORDER BY r.reported_at LIMIT 1) AS "reportId"
           FROM moderation_case c WHERE c.status IN ('open', 'in_review') AND c.data_purged_at IS NULL
          ORDER BY md5(c.id::text) LIMIT $1`,
        [pairs * ctx.options.repetitions + 5],
      )
    ).rows;
    // The gate asks for a step-up younger than STEP_UP_MINUTES: a large scale's set-up outlasts the sign-in's.
    await ctx.http.json(
      { method: 'POST', path: '/api/v1/auth/step-up', headers: { ...sessionHeaders(lead, true), 'user-agent': USER_AGENT }, body: JSON.stringify({ password: lead.password }) },
      [200],
    );
    // The session the baseline's grants are tied to, as the API ties its own.
    const sessionId = (
      await pool.query<{ id: string }>(
        `SELECT id FROM staff_session WHERE staff_id = $1 AND revoked_at IS NULL ORDER BY stepped_up_at DESC NULLS LAST LIMIT 1`,
        [lead.id],
      )
    ).rows[0].id;
    const asLead = { staffId: lead.id, sessionId };
    const reps: { ours: Sample; baseline: Sample }[] = [];
    // Warm both paths.
    await ours(ctx, targets[0]);
    await baseline(pool, ctx.chain, asLead, targets[0]);
    for (let rep = 0; rep < ctx.options.repetitions; rep++) {
      const slice = targets.slice(5 + rep * pairs, 5 + (rep + 1) * pairs);
      // Case by case, ours then the baseline's: both sides see the same cache and load.
      const o = new Sample();
      const b = new Sample();
      for (const t of slice) {
        o.add(await ours(ctx, t));
        b.add(await baseline(pool, ctx.chain, asLead, t));
      }
      reps.push({ ours: o, baseline: b });
      log(`  gate: repetition ${rep + 1}/${ctx.options.repetitions} done`);
    }
    const summary = (pick: (s: Sample) => number[], q: number, side: 'ours' | 'baseline') => median(reps.map((r) => quantile(pick(r[side]), q)));
    const measures: Measure[] = [];
    const row = (label: string, pick: (s: Sample) => number[], target: boolean): Measure => {
      const o = { p50: summary(pick, 0.5, 'ours'), p95: summary(pick, 0.95, 'ours') };
      const b = { p50: summary(pick, 0.5, 'baseline'), p95: summary(pick, 0.95, 'baseline') };
      const r = ratio(o.p50, b.p50);
      return {
        label,
        unit: 'ms',
        ours: o.p50,
        baseline: b.p50,
        oursText: `${o.p50.toFixed(1)} / ${o.p95.toFixed(1)} ms`,
        baselineText: `${b.p50.toFixed(1)} / ${b.p95.toFixed(1)} ms`,
        ratio: r,
        target: target ? 'p50 ≤ 2×' : '—',
        pass: target ? r !== null && r <= 2 : null,
      };
    };
    measures.push(row('access + read (one case)', (s) => s.pair, true));
    measures.push(row('POST /cases/:id/access', (s) => s.access, false));
    measures.push(row('GET /access-grants/:id/messages', (s) => s.read, false));
    return {
      key: 'gate',
      title: 'Gate',
      method: 'A lead opens a case’s conversation and reads it, one case after another, vs. the same two transactions in SQL on a pool of 10; cells are p50 / p95.',
      measures,
      notes: [`${pairs} cases per repetition (each a different open case; ours then the baseline's on each), after one unmeasured pair.`],
      status: statusOf(measures),
      details: { repetitions: reps.map((r) => ({ ours: r.ours.summary(), baseline: r.baseline.summary() })) },
      seconds: (Date.now() - started) / 1000,
    };
  } finally {
    await pool.end();
  }
}

class Sample {
  access: number[] = [];
  read: number[] = [];
  pair: number[] = [];
  add(t: { access: number; read: number }): void {
    this.access.push(t.access);
    this.read.push(t.read);
    this.pair.push(t.access + t.read);
  }
  summary() {
    return { pairP50: quantile(this.pair, 0.5), pairP95: quantile(this.pair, 0.95), accessP50: quantile(this.access, 0.5), readP50: quantile(this.read, 0.5) };
  }
}

async function ours(ctx: Context, target: Target): Promise<{ access: number; read: number }> {
  const headers = { ...sessionHeaders(ctx.staff.lead, true), 'user-agent': USER_AGENT };
  const granted = await ctx.http.json<{ grantId: string }>(
    { method: 'POST', path: `/api/v1/cases/${target.caseId}/access`, headers, body: JSON.stringify({ justification: JUSTIFICATION, reportIds: [target.reportId], scope: 'context' }) },
    [201],
  );
  const read = await ctx.http.json<{ messages: unknown[] }>({ method: 'GET', path: `/api/v1/access-grants/${granted.data.grantId}/messages`, headers }, [200]);
  return { access: granted.ms, read: read.ms };
}

async function baseline(
  pool: Pool,
  chain: ChainFunctions,
  { staffId, sessionId }: { staffId: string; sessionId: string },
  target: Target,
): Promise<{ access: number; read: number }> {
  const t0 = process.hrtime.bigint();
  const grantId = await inTransaction(pool, async (m) => {
    const at = new Date();
    const facts = (
      await m.query<{ conversationId: string; subjectIds: string[]; reportIds: string[] }>(
        `SELECT c.id, c.status, c.assignee_id AS "assigneeId", c.data_purged_at IS NOT NULL AS "dataPurged",
                c.conversation_id AS "conversationId",
                ARRAY(SELECT r.id::text FROM report r
                       WHERE r.conversation_id = c.conversation_id
                         AND (r.case_id = c.id OR r.case_id = (SELECT d.case_id FROM decision d WHERE d.id = c.appeal_of_decision_id))
                       ORDER BY r.reported_at) AS "reportIds",
                ARRAY(SELECT p.user_id::text FROM conversation_participant p WHERE p.conversation_id = c.conversation_id
                       ORDER BY p.user_id) AS "subjectIds"
           FROM moderation_case c WHERE c.id = $1 FOR NO KEY UPDATE OF c`,
        [target.caseId],
      )
    ).rows[0];
    const messageIds = (
      await m.query<{ id: string }>(
        `WITH ordered AS (
           SELECT id, external_id, row_number() OVER (ORDER BY sent_at, id) AS n FROM message WHERE conversation_id = $1),
         anchors AS (
           SELECT o.n FROM ordered o
            WHERE o.external_id IN (SELECT unnest(r.reported_message_ids) FROM report r WHERE r.id = ANY ($2::uuid[])))
         SELECT o.id FROM ordered o
          WHERE $3 = 'full'
             OR EXISTS (SELECT 1 FROM anchors a WHERE o.n BETWEEN a.n - $4 AND a.n + $4)
             OR (NOT EXISTS (SELECT 1 FROM anchors) AND o.n > (SELECT count(*) FROM ordered) - (2 * $4 + 1))
          ORDER BY o.n`,
        [facts.conversationId, [target.reportId], 'context', CONTEXT_MESSAGES],
      )
    ).rows.map((r) => r.id);
    const id = (
      await m.query<{ id: string }>(`SELECT id FROM gate_open_grant($1, $2, $3, $4, $5::uuid[], $6::uuid[], $7)`, [
        target.caseId, staffId, sessionId, 'context', [target.reportId], messageIds, GRANT_MINUTES,
      ])
    ).rows[0].id;
    await m.query(`INSERT INTO case_event (case_id, at, type, actor_staff_id, data) VALUES ($1, $2, 'conversation_accessed', $3, $4)`, [
      target.caseId, at, staffId, JSON.stringify({ grantId: id, scope: 'context', reportIds: [target.reportId], messageCount: messageIds.length }),
    ]);
    await m.query(`UPDATE moderation_case SET last_activity_at = GREATEST(last_activity_at, $2) WHERE id = $1`, [target.caseId, at]);
    await m.query(`SELECT count(*)::int AS n FROM message WHERE conversation_id = $1`, [facts.conversationId]);
    await append(m, chain, {
      staffId, caseId: target.caseId, conversationId: facts.conversationId, reportIds: [target.reportId], subjectIds: facts.subjectIds,
      outcome: 'granted', scope: { kind: 'context', messageCount: messageIds.length }, grantId: id, justification: JUSTIFICATION,
    }, at);
    return id;
  });
  const access = msSince(t0);
  const t1 = process.hrtime.bigint();
  const read = await inTransaction(pool, async (m) => {
    const at = new Date();
    const grant = (
      await m.query<{ id: string; caseId: string; reportIds: string[]; messageIds: string[] }>(
        `SELECT id, case_id AS "caseId", staff_id AS "staffId", scope, report_ids::text[] AS "reportIds",
                message_ids::text[] AS "messageIds", expires_at AS "expiresAt"
           FROM access_grant WHERE id = $1`,
        [grantId],
      )
    ).rows[0];
    const state = (
      await m.query<{ conversationId: string; subjectIds: string[] }>(
        `SELECT c.status, c.data_purged_at IS NOT NULL AS "dataPurged", c.assignee_id AS "assigneeId", c.conversation_id AS "conversationId",
                ARRAY(SELECT p.user_id::text FROM conversation_participant p WHERE p.conversation_id = c.conversation_id
                       ORDER BY p.user_id) AS "subjectIds"
           FROM moderation_case c WHERE c.id = $1 FOR SHARE OF c`,
        [grant.caseId],
      )
    ).rows[0];
    // The grant lives as long as the session that obtained it: how it ended, if it did.
    await m.query(`SELECT revoked_at, ended_by, last_seen_at, expires_at FROM staff_session WHERE id = $1`, [sessionId]);
    // As the API does: every read first, then the append (its lock lasts until commit), then the bodies.
    await m.query(
      `SELECT id, "externalId", "authorId", "sentAt", position::int, total::int FROM (
         SELECT id, external_id AS "externalId", author_id AS "authorId", sent_at AS "sentAt",
                row_number() OVER (ORDER BY sent_at, id) AS position, count(*) OVER () AS total
           FROM message WHERE conversation_id = $1) o
        WHERE id = ANY ($2::uuid[]) ORDER BY position`,
      [state.conversationId, grant.messageIds],
    );
    await m.query(
      `SELECT mid AS external_id, array_agg(r.id::text ORDER BY r.reported_at) AS report_ids
         FROM report r CROSS JOIN LATERAL unnest(r.reported_message_ids) mid
        WHERE r.case_id = $1
           OR r.case_id = (SELECT d.case_id FROM moderation_case c JOIN decision d ON d.id = c.appeal_of_decision_id WHERE c.id = $1)
        GROUP BY mid`,
      [grant.caseId],
    );
    await m.query(
      `SELECT u.id, u.external_id AS "externalId", u.kind, u.display_name AS "displayName"
         FROM conversation_participant p JOIN platform_user u ON u.id = p.user_id
        WHERE p.conversation_id = $1 ORDER BY u.external_id`,
      [state.conversationId],
    );
    return {
      entry: await append(m, chain, {
        staffId, caseId: grant.caseId, conversationId: state.conversationId, reportIds: grant.reportIds, subjectIds: state.subjectIds,
        outcome: 'read', scope: { kind: 'context', messageCount: grant.messageIds.length, messageIds: grant.messageIds }, grantId, justification: null,
      }, at),
      expected: grant.messageIds.length,
    };
  });
  // Once the entry has committed, the bodies, in a transaction of their own.
  const bodies = await pool.query(`SELECT message_id, body FROM gate_message_bodies($1, $2)`, [read.entry, staffId]);
  if (bodies.rowCount === 0 && read.expected > 0) throw new Error('baseline gate read no bodies: the SQL replay is wrong');
  return { access, read: msSince(t1) };
}

async function inTransaction<T>(pool: Pool, work: (m: PoolClient) => Promise<T>): Promise<T> {
  const m = await pool.connect();
  try {
    await m.query('START TRANSACTION');
    const result = await work(m);
    await m.query('COMMIT');
    return result;
  } catch (error) {
    await m.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    m.release();
  }
}

interface AppendRecord {
  staffId: string;
  caseId: string;
  conversationId: string;
  reportIds: string[];
  subjectIds: string[];
  outcome: 'granted' | 'read';
  scope: Record<string, unknown>;
  grantId: string;
  justification: string | null;
}

/** RegisterService.record + RegisterRepository.append, in SQL with the API's chain functions. */
async function append(m: PoolClient, chain: ChainFunctions, record: AppendRecord, at: Date): Promise<string> {
  const salt = chain.newSalt();
  const ip = '127.0.0.1';
  const requestId = randomUUID();
  await m.query('SELECT pg_advisory_xact_lock($1)', [APPEND_LOCK_KEY]);
  const head = (await m.query<{ sequence: string; hash: string }>(`SELECT sequence::text AS sequence, hash FROM access_log ORDER BY access_log.sequence DESC LIMIT 1`)).rows[0];
  // The assessment the gate stamped on the grant when it opened it.
  const lia = (await m.query<{ version: number | null }>(`SELECT lia_version AS version FROM access_grant WHERE id = $1`, [record.grantId])).rows[0];
  const fields = {
    sequence: head ? (BigInt(head.sequence) + 1n).toString() : '1',
    at: chain.chainTime(at),
    staffId: record.staffId,
    staffRoles: ['lead'],
    caseId: record.caseId,
    conversationId: record.conversationId,
    reportIds: record.reportIds,
    subjectIds: record.subjectIds,
    legalBasis: LEGAL_BASIS,
    purpose: ACCESS_PURPOSE,
    outcome: record.outcome,
    reason: null,
    scope: record.scope,
    grantId: record.grantId,
    requestId,
    justificationDigest: chain.personalDigest(salt, record.justification),
    ipDigest: chain.personalDigest(salt, ip),
    userAgentDigest: chain.personalDigest(salt, USER_AGENT),
    liaVersion: lia?.version ?? null,
  };
  const prevHash = head?.hash ?? chain.GENESIS_HASH;
  const hash = chain.chainHash(prevHash, fields);
  await m.query(`SELECT access_log_append($1::jsonb)`, [
    JSON.stringify({
      sequence: fields.sequence, at: fields.at, staff_id: fields.staffId, staff_roles: fields.staffRoles, case_id: fields.caseId,
      conversation_id: fields.conversationId, report_ids: fields.reportIds, subject_ids: fields.subjectIds, legal_basis: fields.legalBasis,
      purpose: fields.purpose, outcome: fields.outcome, reason: fields.reason, scope: fields.scope, grant_id: fields.grantId, request_id: requestId,
      justification: record.justification, justification_digest: fields.justificationDigest, ip, ip_digest: fields.ipDigest,
      user_agent: USER_AGENT, user_agent_digest: fields.userAgentDigest, salt, prev_hash: prevHash, hash, format: 3, lia_version: fields.liaVersion,
    }),
  ]);
  return fields.sequence;
}
