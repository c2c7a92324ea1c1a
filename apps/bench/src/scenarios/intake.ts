import type { ReportPayload } from '@vigie/contracts';
import { signatureHeader } from '@vigie/intake-client';
import { createHash } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import { appPool, withClient } from '../database';
import { closedLoop, HttpClient, type LoadResult } from '../http';
import { log } from '../log';
import { COMMENTS, FIRST_NAMES, MESSAGES, pickCategory, SEVERITY_SQL } from '../shapes';
import { median, quantile, sleep } from '../stats';
import { type Context, type Measure, ratio, type ScenarioResult, statusOf } from '../types';

/**
 * Signed intake under load: POST /api/v1/intake/reports with valid signatures and unique
 * idempotency keys from 8, 32 and 64 connections, against a pg pool of the same size running, per
 * report and in one transaction, the statements apps/api/src/intake/intake.repository.ts runs
 * (and, for the case, apps/api/src/cases/case-record.repository.ts).
 * Both sides send the same mix: 80 % reports on new conversations (half of the reporters and
 * most reported users already known), 20 % further reports on conversations of open cases.
 */

const LEVELS = [8, 32, 64];

interface Known {
  explorers: { externalId: string; displayName: string }[];
  experts: { externalId: string; displayName: string }[];
  open: { conversation: string; participants: { externalId: string; kind: 'explorer' | 'expert'; displayName: string }[]; messages: string[] }[];
}

export async function intakeScenario(ctx: Context): Promise<ScenarioResult> {
  const started = Date.now();
  const seconds = ctx.options.scale.intakeSeconds;
  const known = await knownData(ctx.runUrl);
  const runTag = Date.now().toString(36);
  const results: Record<number, { ours: Measured[]; baseline: Measured[] }> = {};
  for (const level of LEVELS) {
    results[level] = { ours: [], baseline: [] };
    const http = new HttpClient(ctx.api.baseUrl, level);
    const pool = appPool(ctx.runUrl, level);
    const ours = (tag: string, s: number) => measured(ctx.runUrl, () => oursLoad(http, ctx.product.intakeSecret, known, `${runTag}${tag}`, level, s));
    const baseline = (tag: string, s: number) => measured(ctx.runUrl, () => baselineLoad(pool, known, `${runTag}${tag}`, level, s));
    try {
      // Connections up, code paths and PostgreSQL's caches warm on both sides before measuring:
      // the first level's warm-up is as long as a measurement (the run's copy starts cold).
      const warmUp = level === LEVELS[0] ? seconds : 0.5;
      await ours(`w${level}`, warmUp);
      await baseline(`v${level}`, warmUp);
      for (let rep = 0; rep < ctx.options.repetitions; rep++) {
        // Who goes first alternates: neither side always inherits the other's WAL and dirty pages.
        const sides = rep % 2 === 0 ? (['ours', 'baseline'] as const) : (['baseline', 'ours'] as const);
        for (const side of sides) {
          results[level][side].push(side === 'ours' ? await ours(`o${level}r${rep}`, seconds) : await baseline(`b${level}r${rep}`, seconds));
          await sleep(200);
        }
      }
    } finally {
      http.close();
      await pool.end();
    }
    const o = results[level].ours.map((r) => r.throughput);
    const b = results[level].baseline.map((r) => r.throughput);
    log(`  intake at ${level} connections: ours ${median(o).toFixed(0)} reports/s, baseline ${median(b).toFixed(0)} reports/s`);
  }

  const measures: Measure[] = [];
  const all = LEVELS.flatMap((level) => [...results[level].ours, ...results[level].baseline]);
  const checkpoints = (side: 'ours' | 'baseline') => LEVELS.reduce((n, level) => n + results[level][side].reduce((m, x) => m + x.checkpoints, 0), 0);
  const notes: string[] = [
    `${seconds} s per measurement and side, the sides taking turns to go first, after ${seconds} s unmeasured per side at ${LEVELS[0]} connections and 0.5 s at the others; the API's pool is DATABASE_POOL_SIZE (10, its default) whatever the number of connections.`,
    `PostgreSQL checkpoints during the measurements: ${checkpoints('ours')} in ours, ${checkpoints('baseline')} in the baseline, over ${(all.reduce((t, x) => t + x.seconds, 0) / 60).toFixed(1)} min (max_wal_size ${await setting(ctx.runUrl, 'max_wal_size')}, wal_compression ${await setting(ctx.runUrl, 'wal_compression')}).`,
  ];
  for (const level of LEVELS) {
    const r = results[level];
    const tput = (side: Measured[]) => median(side.map((x) => x.throughput));
    const lat = (side: Measured[], q: number) => median(side.map((x) => quantile(x.latenciesMs, q)));
    const o = tput(r.ours);
    const b = tput(r.baseline);
    const q = ratio(o, b);
    measures.push({
      label: `throughput, ${level} connections`,
      unit: 'reports/s',
      ours: o,
      baseline: b,
      oursText: `${o.toFixed(0)} /s`,
      baselineText: `${b.toFixed(0)} /s`,
      ratio: q,
      target: '≥ 0.5×',
      pass: q !== null && q >= 0.5,
    });
    measures.push({
      label: `latency p50 / p99, ${level} connections`,
      unit: 'ms',
      ours: lat(r.ours, 0.99),
      baseline: lat(r.baseline, 0.99),
      oursText: `${lat(r.ours, 0.5).toFixed(1)} / ${lat(r.ours, 0.99).toFixed(1)} ms`,
      baselineText: `${lat(r.baseline, 0.5).toFixed(1)} / ${lat(r.baseline, 0.99).toFixed(1)} ms`,
      ratio: ratio(lat(r.ours, 0.99), lat(r.baseline, 0.99)),
      target: '—',
      pass: null,
    });
    const errors = [...r.ours, ...r.baseline].filter((x) => x.errors > 0);
    if (errors.length) notes.push(`${level} connections: ${errors.reduce((s, x) => s + x.errors, 0)} failed requests (first: ${errors[0].firstError}).`);
  }
  return {
    key: 'intake',
    title: 'Signed intake',
    method: 'POST /api/v1/intake/reports (signed, unique Idempotency-Key) from N keep-alive connections vs. a pg pool of N running the intake repository’s statements per report in one transaction.',
    measures,
    notes,
    status: statusOf(measures),
    details: Object.fromEntries(
      LEVELS.map((level) => [
        level,
        Object.fromEntries(
          (['ours', 'baseline'] as const).map((side) => [
            side,
            results[level][side].map((x) => ({ ok: x.ok, errors: x.errors, seconds: x.seconds, throughput: x.throughput, p50: quantile(x.latenciesMs, 0.5), p99: quantile(x.latenciesMs, 0.99), checkpoints: x.checkpoints, firstError: x.firstError })),
          ]),
        ),
      ]),
    ),
    seconds: (Date.now() - started) / 1000,
  };
}

/** A load's result and the PostgreSQL checkpoints that happened while it ran. */
type Measured = LoadResult & { checkpoints: number };

async function measured(url: string, load: () => Promise<LoadResult>): Promise<Measured> {
  const before = await checkpointCount(url);
  const result = await load();
  return { ...result, checkpoints: (await checkpointCount(url)) - before };
}

/** Checkpoints since the statistics were reset: pg_stat_checkpointer from PostgreSQL 17, pg_stat_bgwriter before. */
async function checkpointCount(url: string): Promise<number> {
  return withClient(url, async (client) => {
    const { rows: found } = await client.query<{ v17: boolean }>(`SELECT to_regclass('pg_catalog.pg_stat_checkpointer') IS NOT NULL AS v17`);
    const { rows } = await client.query<{ n: string }>(
      found[0].v17
        ? `SELECT num_timed + num_requested AS n FROM pg_stat_checkpointer`
        : `SELECT checkpoints_timed + checkpoints_req AS n FROM pg_stat_bgwriter`,
    );
    return Number(rows[0].n);
  });
}

async function setting(url: string, name: string): Promise<string> {
  return withClient(url, async (client) => (await client.query<{ v: string }>(`SELECT current_setting($1) AS v`, [name])).rows[0].v);
}

async function knownData(url: string): Promise<Known> {
  const pool = appPool(url, 1);
  try {
    const users = async (kind: string) =>
      (await pool.query<{ externalId: string; displayName: string }>(
        `SELECT external_id AS "externalId", coalesce(display_name, 'Anonyme') AS "displayName" FROM platform_user
          WHERE kind = $1 AND external_id NOT LIKE 'erased:%' ORDER BY md5(id::text) LIMIT 2000`,
        [kind],
      )).rows;
    const open = (
      await pool.query<Known['open'][number]>(
        `SELECT v.external_id AS conversation,
                (SELECT json_agg(json_build_object('externalId', u.external_id, 'kind', coalesce(u.kind, 'explorer'), 'displayName', coalesce(u.display_name, 'Anonyme')))
                   FROM conversation_participant p JOIN platform_user u ON u.id = p.user_id WHERE p.conversation_id = v.id) AS participants,
                ARRAY(SELECT m.external_id FROM message m WHERE m.conversation_id = v.id ORDER BY m.sent_at DESC LIMIT 2) AS messages
           FROM moderation_case c JOIN conversation v ON v.id = c.conversation_id
          WHERE c.status IN ('open', 'in_review') ORDER BY md5(c.id::text) LIMIT 500`,
      )
    ).rows.filter((o) => o.participants.length >= 2 && o.messages.length > 0);
    return { explorers: await users('explorer'), experts: await users('expert'), open };
  } finally {
    await pool.end();
  }
}

/** The n-th report of a run: the same shapes for both sides. */
export function reportPayload(known: Known, tag: string, n: number): ReportPayload {
  const u = (salt: number) => {
    const h = createHash('md5').update(`${tag}:${n}:${salt}`).digest();
    return h.readUInt32BE(0) / 2 ** 32;
  };
  const now = Date.now();
  const at = (minutesAgo: number) => new Date(now - minutesAgo * 60_000).toISOString();
  const category = pickCategory(u(1));
  const comment = u(2) < 0.4 ? COMMENTS[Math.floor(u(3) * COMMENTS.length)] : '';
  const id = `b${tag}_${n}`;
  if (u(4) < 0.2 && known.open.length > 0) {
    const conversation = known.open[Math.floor(u(5) * known.open.length)];
    const [a, b] = conversation.participants;
    const messages = [
      ...conversation.messages.map((externalId, i) => ({ externalId, authorExternalId: i % 2 ? a.externalId : b.externalId, sentAt: at(60 - i), body: MESSAGES[i] })),
      { externalId: `${id}_m1`, authorExternalId: b.externalId, sentAt: at(3), body: MESSAGES[12] },
      { externalId: `${id}_m2`, authorExternalId: a.externalId, sentAt: at(2), body: MESSAGES[4] },
    ];
    return {
      externalId: id,
      reportedAt: at(1),
      category,
      comment,
      reporter: a,
      reported: b,
      conversation: { externalId: conversation.conversation, participants: conversation.participants.map((p) => p.externalId), messages },
      reportedMessageIds: [`${id}_m1`],
    };
  }
  const explorer = u(6) < 0.5 && known.explorers.length
    ? { ...known.explorers[Math.floor(u(7) * known.explorers.length)], kind: 'explorer' as const }
    : { externalId: `${id}_x`, kind: 'explorer' as const, displayName: `${FIRST_NAMES[Math.floor(u(8) * FIRST_NAMES.length)]} B.` };
  const expert = u(9) < 0.7 && known.experts.length
    ? { ...known.experts[Math.floor(u(10) * known.experts.length)], kind: 'expert' as const }
    : { externalId: `${id}_e`, kind: 'expert' as const, displayName: `${FIRST_NAMES[Math.floor(u(11) * FIRST_NAMES.length)]} E.` };
  const reverse = u(12) < 0.2;
  const [reporter, reported] = reverse ? [expert, explorer] : [explorer, expert];
  const messages = Array.from({ length: 6 }, (_, i) => ({
    externalId: `${id}_m${i + 1}`,
    authorExternalId: i % 2 ? expert.externalId : explorer.externalId,
    sentAt: at(40 - i * 5),
    body: MESSAGES[(n + i) % MESSAGES.length],
  }));
  return {
    externalId: id,
    reportedAt: at(1),
    category,
    comment,
    reporter,
    reported,
    conversation: { externalId: `${id}_c`, participants: [explorer.externalId, expert.externalId], messages },
    reportedMessageIds: [messages[messages.length - 1 - (reverse ? 1 : 0)].externalId],
  };
}

function oursLoad(http: HttpClient, secret: string, known: Known, tag: string, level: number, seconds: number): Promise<LoadResult> {
  return closedLoop(level, seconds, async (_, n) => {
    const body = JSON.stringify(reportPayload(known, tag, n));
    const res = await http.send({
      method: 'POST',
      path: '/api/v1/intake/reports',
      headers: {
        'content-type': 'application/json',
        'x-signature': signatureHeader(secret, Math.floor(Date.now() / 1000), body),
        'idempotency-key': `k${tag}_${n}`,
      },
      body,
    });
    return { ok: res.status === 202, ms: res.ms, error: res.status === 202 ? undefined : `${res.status} ${res.body.toString('utf8').slice(0, 300)}` };
  });
}

function baselineLoad(pool: Pool, known: Known, tag: string, level: number, seconds: number): Promise<LoadResult> {
  return closedLoop(level, seconds, async (_, n) => {
    const report = reportPayload(known, tag, n);
    const body = JSON.stringify(report);
    const t0 = process.hrtime.bigint();
    await receiveReport(pool, `k${tag}_${n}`, body, report);
    return { ok: true, ms: Number(process.hrtime.bigint() - t0) / 1e6 };
  });
}

/**
 * IntakeService.receiveReport's database work, statement for statement (intake.repository.ts,
 * case-record.repository.ts), with the rate limit's count (intake-rate-limit.guard.ts) before it.
 */
async function receiveReport(pool: Pool, key: string, rawBody: string, report: ReportPayload): Promise<void> {
  const now = new Date();
  await pool.query(
    `INSERT INTO intake_rate_window (client, window_start, hits) VALUES ($1, $2, 1)
     ON CONFLICT (client, window_start) DO UPDATE SET hits = intake_rate_window.hits + 1 RETURNING hits`,
    ['127.0.0.1', new Date(now.getTime() - (now.getTime() % 60_000))],
  );
  const bodySha256 = createHash('sha256').update(rawBody).digest('hex');
  const m = await pool.connect();
  try {
    await m.query('START TRANSACTION ISOLATION LEVEL READ COMMITTED');
    const claimed = await m.query(
      `INSERT INTO intake_request (idempotency_key, body_sha256, status_code, response, received_at)
       VALUES ($1, $2, 0, '{}', $3) ON CONFLICT (idempotency_key) DO NOTHING RETURNING idempotency_key`,
      [key, bodySha256, now],
    );
    if (claimed.rowCount === 0) throw new Error(`baseline key ${key} reused`);
    await m.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [16_001, report.conversation.externalId]);
    await m.query(`SELECT id AS "reportId", case_id AS "caseId" FROM report WHERE external_id = $1`, [report.externalId]);
    const users = await upsertUsers(m, report);
    const conversationId = (
      await m.query<{ id: string }>(
        `WITH inserted AS (INSERT INTO conversation (external_id) VALUES ($1) ON CONFLICT (external_id) DO NOTHING RETURNING id)
         SELECT id FROM inserted UNION ALL SELECT id FROM conversation WHERE external_id = $1`,
        [report.conversation.externalId],
      )
    ).rows[0].id;
    await m.query(`INSERT INTO conversation_participant (conversation_id, user_id) SELECT $1, u FROM unnest($2::uuid[]) AS u ORDER BY u ON CONFLICT DO NOTHING`, [conversationId, [...users.values()]]);
    const messages = report.conversation.messages;
    const rows = (
      await m.query<{ id: string; external_id: string; sent_at: Date }>(
        `INSERT INTO message (conversation_id, external_id, author_id, sent_at, body_cleaned)
         SELECT $1, * FROM unnest($2::text[], $3::uuid[], $4::timestamptz[], $5::boolean[])
         ON CONFLICT (conversation_id, external_id) DO NOTHING
         RETURNING id, external_id, sent_at`,
        [conversationId, messages.map((x) => x.externalId), messages.map((x) => users.get(x.authorExternalId)), messages.map((x) => x.sentAt), messages.map(() => false)],
      )
    ).rows;
    let latest: Date | undefined;
    if (rows.length > 0) {
      const bodies = new Map(messages.map((x) => [x.externalId, x.body]));
      await m.query(`INSERT INTO message_body (message_id, body) SELECT * FROM unnest($1::uuid[], $2::text[])`, [rows.map((r) => r.id), rows.map((r) => bodies.get(r.external_id) ?? '')]);
      latest = rows.reduce((a, r) => (r.sent_at > a ? r.sent_at : a), rows[0].sent_at);
    }
    const reportedAt = new Date(report.reportedAt);
    const activityAt = latest && latest > reportedAt ? latest : reportedAt;
    const kase = (
      await m.query<{ id: string; created: boolean }>(
        `INSERT INTO moderation_case (conversation_id, status, priority, created_at, last_activity_at)
         VALUES ($1, 'open', 0, $3, $2)
         ON CONFLICT (conversation_id) WHERE status <> 'closed' AND appeal_of_decision_id IS NULL
         DO UPDATE SET last_activity_at = GREATEST(moderation_case.last_activity_at, EXCLUDED.last_activity_at)
         RETURNING id, (xmax = 0) AS created`,
        [conversationId, activityAt, reportedAt],
      )
    ).rows[0];
    const reportId = (
      await m.query<{ id: string }>(
        `INSERT INTO report (external_id, case_id, conversation_id, reporter_id, reported_id, category, comment,
                             reported_message_ids, reported_at, received_at, cleaned_fields)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
        [
          report.externalId, kase.id, conversationId, users.get(report.reporter.externalId), users.get(report.reported.externalId), report.category,
          report.comment || null, report.reportedMessageIds, report.reportedAt, now, [],
        ],
      )
    ).rows[0].id;
    await m.query(
      `UPDATE moderation_case c SET priority = p.priority, categories = p.categories
         FROM (SELECT max(${SEVERITY_SQL}) + 25 * (count(DISTINCT reporter_id) - 1) AS priority,
                      array_agg(DISTINCT category ORDER BY category) AS categories
                 FROM report WHERE case_id = $1) p
        WHERE c.id = $1`,
      [kase.id],
    );
    await m.query(`INSERT INTO case_event (case_id, at, type, data) VALUES ($1, $2, $3, $4)`, [
      kase.id, now, kase.created ? 'case_opened' : 'report_added', JSON.stringify({ reportId, category: report.category, newMessages: rows.length }),
    ]);
    await m.query(`UPDATE intake_request SET status_code = $2, response = $3 WHERE idempotency_key = $1`, [key, 202, JSON.stringify({ reportId, caseId: kase.id })]);
    await m.query('COMMIT');
  } catch (error) {
    await m.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    m.release();
  }
}

async function upsertUsers(m: PoolClient, report: ReportPayload): Promise<Map<string, string>> {
  const known = new Map([report.reporter, report.reported].map((u) => [u.externalId, u]));
  const ids = report.conversation.participants;
  const rows = (
    await m.query<{ id: string; external_id: string }>(
      `INSERT INTO platform_user (external_id, kind, display_name)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) AS u(external_id, kind, display_name) ORDER BY external_id
       ON CONFLICT (external_id) DO UPDATE SET
         kind = COALESCE(EXCLUDED.kind, platform_user.kind),
         display_name = COALESCE(EXCLUDED.display_name, platform_user.display_name)
       RETURNING id, external_id`,
      [ids, ids.map((id) => known.get(id)?.kind ?? null), ids.map((id) => known.get(id)?.displayName ?? null)],
    )
  ).rows;
  return new Map(rows.map((r) => [r.external_id, r.id]));
}
