import { Client } from 'pg';
import { APP_ROLE, cloneDatabase, databaseUrl, dropDatabase, type Server } from '../database';
import type { DatasetInfo } from '../generate';
import { log } from '../log';
import type { BenchOptions } from '../options';
import { type MemorySample, type ProductEnv, runCli } from '../product';
import { median, msSince, sleep } from '../stats';
import { type Measure, ratio, type ScenarioResult, statusOf } from '../types';

/**
 * The retention sweep over the expired cases: `node apps/api/dist/cli.js retention:run` on a
 * copy of the dataset, against a hand-written batched purge — the statements of
 * apps/api/src/retention/retention.repository.ts purgeBatch (the case rows through
 * apps/api/src/cases/case-record.repository.ts), a batch of RETENTION_BATCH_SIZE (500)
 * per transaction, with the run's bookkeeping — on another copy, with the same cutoff.
 *
 * The expired cases are swept in one tranche per repetition, oldest first, by lengthening the
 * retention period (P3Y8M, P3Y4M, then P3Y for three repetitions): every side sweeps all of them,
 * and each copy is made once. A copy per side and repetition would cost six 20 GB copies at full
 * scale — more time than the sweeps themselves.
 */

const BATCH_SIZE = 500;
const TIMELINE_KEYS = ['action', 'appealCaseId', 'appealId', 'assigneeId', 'assigneeName', 'bulk', 'category', 'decisionId', 'durationDays', 'from', 'grantId', 'messageCount', 'newMessages', 'noteId', 'outcome', 'reportId', 'reportIds', 'runId', 'scope'];
/** Memory counts as flat when the sweep adds less than this to what the process held when it started. */
const FLAT_GROWTH_MB = 64;

interface OursRun {
  casesPurged: number;
  counts: Record<string, number>;
  sweepSeconds: number;
  cliSeconds: number;
  cutoff: string;
  batches: number;
  rssAtStartMb: number;
  peakRssMb: number;
  highWaterMb: number;
  growthMb: number;
}

interface BaselineRun {
  casesPurged: number;
  seconds: number;
  batches: number;
}

export async function retentionScenario(server: Server, dataset: DatasetInfo, options: BenchOptions, product: ProductEnv): Promise<ScenarioResult> {
  const started = Date.now();
  const copies = { ours: `${dataset.database}_retention_ours`, baseline: `${dataset.database}_retention_baseline` };
  const ours: OursRun[] = [];
  const baseline: BaselineRun[] = [];
  const cloneSeconds: number[] = [];
  const periods = Array.from({ length: options.repetitions }, (_, rep) => tranche(rep, options.repetitions));
  try {
    for (const copy of Object.values(copies)) cloneSeconds.push(await cloneDatabase(server, dataset.database, copy));
    for (const [rep, period] of periods.entries()) {
      const run = await oursRun(databaseUrl(server, copies.ours), product, period);
      ours.push(run);
      baseline.push(await baselineRun(databaseUrl(server, copies.baseline), new Date(run.cutoff)));
      log(
        `  retention: repetition ${rep + 1}/${options.repetitions} (${period}): ours ${run.casesPurged} cases in ${run.sweepSeconds.toFixed(1)} s, baseline ${baseline[rep].casesPurged} in ${baseline[rep].seconds.toFixed(1)} s`,
      );
    }
  } finally {
    for (const copy of Object.values(copies)) await dropDatabase(server, copy);
  }
  const oursRate = median(ours.map((r) => r.casesPurged / r.sweepSeconds));
  const baseRate = median(baseline.map((r) => r.casesPurged / r.seconds));
  const q = ratio(oursRate, baseRate);
  const growth = median(ours.map((r) => r.growthMb));
  const measures: Measure[] = [
    {
      label: 'cases purged per second',
      unit: 'cases/s',
      ours: oursRate,
      baseline: baseRate,
      oursText: `${oursRate.toFixed(0)} /s`,
      baselineText: `${baseRate.toFixed(0)} /s`,
      ratio: q,
      target: '≥ 0.5×',
      pass: q !== null && q >= 0.5,
    },
    {
      label: 'memory of the sweeping process (peak RSS; growth during the sweep)',
      unit: 'MB',
      ours: growth,
      baseline: null,
      oursText: `${median(ours.map((r) => r.highWaterMb)).toFixed(0)} MB; +${growth.toFixed(0)} MB`,
      baselineText: '—',
      ratio: null,
      target: `flat (growth < ${FLAT_GROWTH_MB} MB)`,
      pass: growth < FLAT_GROWTH_MB,
    },
  ];
  const total = ours.reduce((sum, r) => sum + r.casesPurged, 0);
  const notes = [
    `${total} cases past the 3-year line (not held) swept by each side in ${ours.length} tranche(s), oldest first — RETENTION_PERIOD ${periods.join(', ')} — of ${ours.map((r) => r.casesPurged).join(', ')} cases (batches of ${BATCH_SIZE}); ours is timed by the run's own started/finished times (the CLI's start-up, ${median(ours.map((r) => r.cliSeconds - r.sweepSeconds)).toFixed(1)} s, excluded).`,
    `Each side works on a copy of its own, made once (CREATE DATABASE … TEMPLATE, ${median(cloneSeconds).toFixed(1)} s per copy).`,
  ];
  if (ours.some((r, i) => r.casesPurged !== baseline[i].casesPurged)) notes.push('The two sides did not purge the same number of cases: see the details.');
  return {
    key: 'retention',
    title: 'Retention sweep',
    method: 'npm run cli -- retention:run (the built CLI) on a copy of the dataset vs. the same batched statements in SQL on another copy, same cutoff.',
    measures,
    notes,
    status: statusOf(measures),
    details: { ours, baseline, cloneSeconds },
    seconds: (Date.now() - started) / 1000,
  };
}

/** The retention period of repetition `rep` of `of`: 3 years and a share of the fourth year's months, the last one 3 years. */
function tranche(rep: number, of: number): string {
  const months = Math.round((12 * (of - 1 - rep)) / of);
  return months > 0 ? `P3Y${months}M` : 'P3Y';
}

async function oursRun(url: string, product: ProductEnv, period: string): Promise<OursRun> {
  // Watch the run from outside: when it starts (to read the process's memory then) and how it goes.
  const watcher = new Client({ connectionString: url, application_name: 'vigie-bench-watch' });
  await watcher.connect();
  let startAtMs: number | undefined;
  let latest: MemorySample | undefined;
  let watching = true;
  const watch = (async () => {
    while (watching && startAtMs === undefined) {
      const { rowCount } = await watcher.query(`SELECT 1 FROM retention_run WHERE status = 'running'`).catch(() => ({ rowCount: 0 }));
      if (rowCount && latest) startAtMs = latest.atMs;
      await sleep(20);
    }
  })();
  try {
    const result = await runCli(['retention:run'], product.env(url, { RETENTION_PERIOD: period }), undefined, (s) => (latest = s));
    watching = false;
    await watch;
    const run = JSON.parse(result.stdout) as { startedAt: string; finishedAt: string; cutoff: string; batches: number; counts: Record<string, number>; status: string };
    if (run.status !== 'completed') throw new Error(`retention run ended ${run.status}`);
    const samples = result.memory.samples;
    const start = startAtMs ?? 0;
    const atStart = samples.filter((s) => s.atMs <= start).at(-1)?.rssKb ?? samples[0]?.rssKb ?? 0;
    const during = samples.filter((s) => s.atMs >= start);
    const peak = Math.max(atStart, ...during.map((s) => s.rssKb));
    return {
      casesPurged: run.counts.casesPurged,
      counts: run.counts,
      sweepSeconds: (Date.parse(run.finishedAt) - Date.parse(run.startedAt)) / 1000,
      cliSeconds: result.ms / 1000,
      cutoff: run.cutoff,
      batches: run.batches,
      rssAtStartMb: atStart / 1024,
      peakRssMb: peak / 1024,
      highWaterMb: result.memory.highWaterMb,
      growthMb: (peak - atStart) / 1024,
    };
  } finally {
    watching = false;
    await watch.catch(() => undefined);
    await watcher.end();
  }
}

const DUE = `c.data_purged_at IS NULL AND NOT c.legal_hold AND c.last_activity_at < $1`;
const ZERO = { casesPurged: 0, casesClosed: 0, messagesErased: 0, reportCommentsErased: 0, notesErased: 0, usersPseudonymised: 0, conversationsPseudonymised: 0, registerEntriesErased: 0, journalEntriesErased: 0 };

/** RetentionService.start/work and RetentionRepository.purgeBatch's statements, as plain SQL. */
async function baselineRun(url: string, cutoff: Date): Promise<BaselineRun> {
  const runner = new Client({ connectionString: url, application_name: 'vigie-bench-baseline', options: `-c role=${APP_ROLE}` });
  const side = new Client({ connectionString: url, application_name: 'vigie-bench-baseline', options: `-c role=${APP_ROLE}` });
  await runner.connect();
  await side.connect();
  try {
    const t0 = process.hrtime.bigint();
    await runner.query('SELECT pg_try_advisory_lock($1) AS locked', [7_461_004]);
    const startedAt = new Date();
    await side.query(`UPDATE retention_run SET status = 'interrupted', finished_at = $1 WHERE status = 'running'`, [startedAt]);
    const due = (await runner.query<{ n: number }>(`SELECT count(*)::int AS n FROM moderation_case c WHERE ${DUE}`, [cutoff])).rows[0].n;
    const runId = (
      await side.query<{ id: string }>(
        `INSERT INTO retention_run (started_at, cutoff, dry_run, status, trigger, started_by, cases_due, counts)
         VALUES ($1, $2, $3, 'running', $4, $5, $6, $7) RETURNING id`,
        [startedAt, cutoff, false, 'cli', null, due, JSON.stringify(ZERO)],
      )
    ).rows[0].id;
    let batches = 0;
    let purged = 0;
    for (;;) {
      await runner.query('START TRANSACTION');
      const n = await purgeBatch(runner, cutoff, new Date(), runId);
      await runner.query('COMMIT');
      if (n === 0) break;
      batches += 1;
      purged += n;
      await side.query(
        `UPDATE retention_run SET batches = $2, counts = $3, status = COALESCE($4, status), finished_at = COALESCE($5, finished_at),
                error = COALESCE($6, error) WHERE id = $1`,
        [runId, batches, JSON.stringify({ ...ZERO, casesPurged: purged }), null, null, null],
      );
    }
    await side.query(`UPDATE retention_run SET batches = $2, counts = $3, status = 'completed', finished_at = $4 WHERE id = $1`, [runId, batches, JSON.stringify({ ...ZERO, casesPurged: purged }), new Date()]);
    await runner.query('SELECT pg_advisory_unlock($1)', [7_461_004]);
    return { casesPurged: purged, seconds: msSince(t0) / 1000, batches };
  } finally {
    await runner.end();
    await side.end();
  }
}

async function purgeBatch(m: Client, cutoff: Date, at: Date, runId: string): Promise<number> {
  const picked = (await m.query<{ id: string }>(`SELECT c.id FROM moderation_case c WHERE ${DUE} ORDER BY c.last_activity_at, c.id LIMIT $2 FOR UPDATE SKIP LOCKED`, [cutoff, BATCH_SIZE])).rows;
  if (picked.length === 0) return 0;
  const ids = picked.map((row) => row.id);
  await m.query(
    `WITH closed AS (
       UPDATE moderation_case SET status = 'closed', close_reason = 'retention_expired', closed_at = $2, version = version + 1
        WHERE id = ANY ($1::uuid[]) AND status <> 'closed' RETURNING id),
     events AS (
       INSERT INTO case_event (case_id, at, type, data)
       SELECT id, $2, 'retention_closed', jsonb_build_object('runId', $3::text) FROM closed RETURNING 1)
     SELECT count(*) AS n FROM events`,
    [ids, at, runId],
  );
  await m.query(`UPDATE moderation_case SET data_purged_at = $2, legal_hold_reason = NULL WHERE id = ANY ($1::uuid[])`, [ids, at]);
  // Timeline data keeps only the keys apps/api/src/retention/personal-data.ts lists as anonymous.
  await m.query(
    `UPDATE case_event SET data = COALESCE((SELECT jsonb_object_agg(e.key, e.value) FROM jsonb_each(data) e WHERE e.key = ANY ($2::text[])), '{}'::jsonb)
      WHERE case_id = ANY ($1::uuid[]) AND EXISTS (SELECT 1 FROM jsonb_object_keys(data) k WHERE k <> ALL ($2::text[]))`,
    [ids, TIMELINE_KEYS],
  );
  await m.query(
    `WITH target AS (
       SELECT id, comment IS NOT NULL AS had_comment FROM report
        WHERE case_id = ANY ($1::uuid[]) AND (comment IS NOT NULL OR reported_message_ids <> '{}' OR external_id NOT LIKE 'erased:%')),
     erased AS (
       UPDATE report r SET comment = NULL, reported_message_ids = '{}', external_id = 'erased:' || r.id FROM target t WHERE r.id = t.id RETURNING t.had_comment)
     SELECT count(*) FILTER (WHERE had_comment) AS n FROM erased`,
    [ids],
  );
  await m.query(`WITH erased AS (DELETE FROM case_note WHERE case_id = ANY ($1::uuid[]) RETURNING 1) SELECT count(*) AS n FROM erased`, [ids]);
  await m.query(`UPDATE decision SET facts = '', ground = '', redress = '', review_note = NULL, message_ids = '{}' WHERE case_id = ANY ($1::uuid[])`, [ids]);
  await m.query(`UPDATE appeal SET statement = NULL, external_id = 'erased:' || id WHERE case_id = ANY ($1::uuid[])`, [ids]);
  await m.query(`UPDATE outbox SET payload = jsonb_build_object('erased', true) WHERE case_id = ANY ($1::uuid[])`, [ids]);
  const [{ freed }] = (
    await m.query(
      `SELECT coalesce(array_agg(DISTINCT c.conversation_id::text), '{}') AS freed FROM moderation_case c
        WHERE c.id = ANY ($1::uuid[])
          AND NOT EXISTS (SELECT 1 FROM moderation_case o WHERE o.conversation_id = c.conversation_id AND o.data_purged_at IS NULL)`,
      [ids],
    )
  ).rows as { freed: string[] }[];
  await m.query(
    `WITH erased AS (
       DELETE FROM message_body b USING message msg
        WHERE msg.id = b.message_id AND msg.conversation_id = ANY ($1::uuid[]) RETURNING 1)
     SELECT count(*) AS n FROM erased`,
    [freed],
  );
  await m.query(`UPDATE message SET external_id = 'erased:' || id WHERE conversation_id = ANY ($1::uuid[]) AND external_id NOT LIKE 'erased:%'`, [freed]);
  await m.query(
    `WITH renamed AS (
       UPDATE conversation SET external_id = 'erased:' || id
        WHERE id = ANY ($1::uuid[]) AND external_id NOT LIKE 'erased:%' RETURNING 1)
     SELECT count(*) AS n FROM renamed`,
    [freed],
  );
  await m.query(
    `WITH candidates AS (
       SELECT p.user_id AS id FROM conversation_participant p
        WHERE p.conversation_id IN (SELECT conversation_id FROM moderation_case WHERE id = ANY ($1::uuid[]))
       UNION SELECT reporter_id FROM report WHERE case_id = ANY ($1::uuid[])
       UNION SELECT reported_id FROM report WHERE case_id = ANY ($1::uuid[])
       UNION SELECT appellant_id FROM appeal WHERE case_id = ANY ($1::uuid[])),
     released AS (
       SELECT k.id FROM candidates k
        WHERE NOT EXISTS (SELECT 1 FROM conversation_participant p JOIN moderation_case o ON o.conversation_id = p.conversation_id
                           WHERE p.user_id = k.id AND o.data_purged_at IS NULL)
          AND NOT EXISTS (SELECT 1 FROM report r JOIN moderation_case o ON o.id = r.case_id
                           WHERE r.reporter_id = k.id AND o.data_purged_at IS NULL)
          AND NOT EXISTS (SELECT 1 FROM report r JOIN moderation_case o ON o.id = r.case_id
                           WHERE r.reported_id = k.id AND o.data_purged_at IS NULL)
          AND NOT EXISTS (SELECT 1 FROM appeal a JOIN moderation_case o ON o.id = a.case_id
                           WHERE a.appellant_id = k.id AND o.data_purged_at IS NULL)),
     renamed AS (
       UPDATE platform_user u SET display_name = NULL, external_id = 'erased:' || u.id
        WHERE u.id IN (SELECT id FROM released) AND u.external_id NOT LIKE 'erased:%' RETURNING 1)
     SELECT count(*) AS n FROM renamed`,
    [ids],
  );
  await m.query(`SELECT access_log_erase_personal($1, $2::uuid[], $3) AS erased`, [runId, ids, at]);
  return ids.length;
}
