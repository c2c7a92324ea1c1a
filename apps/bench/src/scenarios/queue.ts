import type { Pool } from 'pg';
import { CASE_COUNT_LIMIT } from '@vigie/contracts';
import { appPool } from '../database';
import { sessionHeaders } from '../http';
import { log } from '../log';
import { median, msSince, quantile } from '../stats';
import { type Context, type Measure, ratio, type ScenarioResult, statusOf } from '../types';

/**
 * The queue page at scale: GET /api/v1/cases (what the backoffice asks for) against the same two
 * statements on a pool of the API's size — the page of rows and the count, in parallel, as
 * apps/api/src/cases/cases.repository.ts list() sends them.
 */

interface View {
  key: string;
  label: string;
  query: Record<string, string>;
}

/** cases.repository.ts listSelect(source), as it is: the aggregates for the rows of `source` only. */
const listSelect = (source = 'moderation_case') => `
  SELECT c.id, c.status, c.priority, c.created_at, c.last_activity_at, c.legal_hold, c.version, c.appeal_of_decision_id,
         c.assignee_id, s.name AS assignee_name,
         agg.categories, agg.report_count, agg.reporter_count,
         ru.id AS reported_id, ru.external_id AS reported_external_id, ru.kind AS reported_kind,
         ru.display_name AS reported_display_name
    FROM ${source} c
    LEFT JOIN staff_user s ON s.id = c.assignee_id
    CROSS JOIN LATERAL (
      SELECT array_agg(DISTINCT r.category ORDER BY r.category) AS categories,
             count(*)::int AS report_count,
             count(DISTINCT r.reporter_id)::int AS reporter_count,
             (array_agg(r.reported_id ORDER BY r.reported_at DESC))[1] AS reported_id
        FROM report r WHERE r.case_id = c.id) agg
    LEFT JOIN platform_user ru ON ru.id = agg.reported_id`;

/** list()'s two statements for the filters the views use (default sort: priority DESC, created_at, id). */
export function listStatements(query: Record<string, string>, staffId: string): { rows: [string, unknown[]]; count: [string, unknown[]] } {
  const params: unknown[] = [];
  const where: string[] = [];
  const param = (value: unknown) => `$${params.push(value)}`;
  where.push(`c.status = ANY(${param(['open', 'in_review'])}::text[])`);
  if (query.category) where.push(`c.categories && ${param(query.category.split(','))}::text[]`);
  if (query.priorityMin !== undefined) where.push(`c.priority >= ${param(Number(query.priorityMin))}`);
  if (query.mine === 'true') where.push(`c.assignee_id = ${param(staffId)}`);
  if (query.unassigned === 'true') where.push(`c.assignee_id IS NULL`);
  const filter = `WHERE ${where.join(' AND ')}`;
  const order = `ORDER BY c.priority DESC, c.created_at ASC, c.id`;
  const countParams = [...params];
  const perPage = Number(query.perPage ?? 25);
  const page = `LIMIT ${param(perPage)} OFFSET ${param((Number(query.page ?? 1) - 1) * perPage)}`;
  return {
    // The page's ids are cut first, then its rows aggregated; the count stops one past the limit (cases.repository.ts).
    rows: [`${listSelect(`(SELECT c.* FROM moderation_case c WHERE c.id IN (SELECT c.id FROM moderation_case c ${filter} ${order} ${page}))`)} ${order}`, params],
    count: [`SELECT count(*)::int AS total FROM (SELECT 1 FROM moderation_case c ${filter} LIMIT ${CASE_COUNT_LIMIT + 1}) counted`, countParams],
  };
}

async function baselineList(pool: Pool, query: Record<string, string>, staffId: string): Promise<{ ms: number; total: number; rows: number }> {
  const { rows, count } = listStatements(query, staffId);
  const started = process.hrtime.bigint();
  const [page, total] = await Promise.all([pool.query(rows[0], rows[1]), pool.query<{ total: number }>(count[0], count[1])]);
  return { ms: msSince(started), total: Math.min(total.rows[0].total, CASE_COUNT_LIMIT), rows: page.rowCount ?? 0 };
}

export async function queueScenario(ctx: Context): Promise<ScenarioResult> {
  const started = Date.now();
  const { moderator } = ctx.staff;
  const perPage = 25;
  const pool = appPool(ctx.runUrl, 10);
  try {
    const openCases = (await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM moderation_case WHERE status IN ('open', 'in_review')`)).rows[0].n;
    const deepPage = Math.max(1, Math.min(200, Math.ceil(openCases / perPage)));
    const views: View[] = [
      { key: 'default', label: 'default view (open + in review, by priority)', query: {} },
      { key: 'category', label: 'filter: category = harassment', query: { category: 'harassment' } },
      { key: 'mine', label: 'filter: mine', query: { mine: 'true' } },
      { key: 'unassigned', label: 'filter: unassigned', query: { unassigned: 'true' } },
      { key: 'priorityMin', label: 'filter: priorityMin = 700', query: { priorityMin: '700' } },
      { key: 'deep', label: `deep page (page ${deepPage} of the default view)`, query: { page: String(deepPage) } },
    ];
    const n = ctx.options.scale.queueRequests;
    const perView: Record<string, { ours: { p50: number; p95: number }[]; baseline: { p50: number; p95: number }[]; totals: { ours: number; baseline: number } }> = {};
    for (const view of views) perView[view.key] = { ours: [], baseline: [], totals: { ours: -1, baseline: -1 } };

    for (let rep = 0; rep < ctx.options.repetitions; rep++) {
      for (const view of views) {
        const path = `/api/v1/cases${Object.keys(view.query).length ? `?${new URLSearchParams(view.query)}` : ''}`;
        // One request of ours, then the baseline's, and so on: both sides see the same cache and load.
        const ours: number[] = [];
        const base: number[] = [];
        for (let i = 0; i < n + 3; i++) {
          const res = await ctx.http.send({ method: 'GET', path, headers: sessionHeaders(moderator) });
          if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${res.body.toString('utf8').slice(0, 300)}`);
          perView[view.key].totals.ours = (JSON.parse(res.body.toString('utf8')) as { total: number }).total;
          const result = await baselineList(pool, view.query, moderator.id);
          perView[view.key].totals.baseline = result.total;
          if (i >= 3) {
            ours.push(res.ms);
            base.push(result.ms);
          }
        }
        perView[view.key].ours.push({ p50: quantile(ours, 0.5), p95: quantile(ours, 0.95) });
        perView[view.key].baseline.push({ p50: quantile(base, 0.5), p95: quantile(base, 0.95) });
      }
      log(`  queue: repetition ${rep + 1}/${ctx.options.repetitions} done`);
    }

    // The fixed cost of any staff request: HTTP, the session check (a query), the guards, JSON — no queue work.
    const floor: number[] = [];
    for (let i = 0; i < n + 3; i++) {
      const res = await ctx.http.send({ method: 'GET', path: '/api/v1/auth/me', headers: sessionHeaders(moderator) });
      if (i >= 3) floor.push(res.ms);
    }
    const measures: Measure[] = [];
    const notes: string[] = [
      `${openCases} cases open or in review; ${perPage} per page; ${n} requests per view and side, one at a time, alternating sides, after 3 unmeasured.`,
      `Both sides count up to ${CASE_COUNT_LIMIT} cases (the API then answers totalCapped, the UI shows "${CASE_COUNT_LIMIT.toLocaleString('en')}+"); views counted: ${Object.entries(perView).map(([key, v]) => `${key} ${v.totals.ours}`).join(', ')}.`,
      `The fixed cost of a staff request (GET /api/v1/auth/me: HTTP, session lookup, guards, JSON; no queue work) is ${quantile(floor, 0.5).toFixed(1)} / ${quantile(floor, 0.95).toFixed(1)} ms (p50 / p95).`,
    ];
    const plans: Record<string, string> = {};
    for (const view of views) {
      const v = perView[view.key];
      const ours = { p50: median(v.ours.map((x) => x.p50)), p95: median(v.ours.map((x) => x.p95)) };
      const base = { p50: median(v.baseline.map((x) => x.p50)), p95: median(v.baseline.map((x) => x.p95)) };
      const r = ratio(ours.p95, base.p95);
      const pass = r !== null && r <= 2 && ours.p95 < 100;
      measures.push({
        label: view.label,
        unit: 'ms',
        ours: ours.p95,
        baseline: base.p95,
        oursText: `${ours.p50.toFixed(1)} / ${ours.p95.toFixed(1)} ms`,
        baselineText: `${base.p50.toFixed(1)} / ${base.p95.toFixed(1)} ms`,
        ratio: r,
        target: 'p95 ≤ 2× and < 100 ms',
        pass,
      });
      if (v.totals.ours !== v.totals.baseline) notes.push(`${view.key}: the API counted ${v.totals.ours} cases, the baseline ${v.totals.baseline}.`);
      if (!pass) plans[view.key] = await explain(pool, view.query, moderator.id);
    }
    return {
      key: 'queue',
      title: 'Queue page',
      method: 'GET /api/v1/cases as a moderator vs. the same two statements (page + count, in parallel) on a pool of 10; cells are p50 / p95.',
      measures,
      notes,
      status: statusOf(measures),
      details: { perView, plans, openCases, deepPage, authMeMs: { p50: quantile(floor, 0.5), p95: quantile(floor, 0.95) } },
      seconds: (Date.now() - started) / 1000,
    };
  } finally {
    await pool.end();
  }
}

/** EXPLAIN (ANALYZE, BUFFERS) of both statements of a view that misses its target. */
async function explain(pool: Pool, query: Record<string, string>, staffId: string): Promise<string> {
  const { rows, count } = listStatements(query, staffId);
  const plan = async ([sql, params]: [string, unknown[]]) =>
    (await pool.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params)).rows.map((r) => r['QUERY PLAN']).join('\n');
  return `-- page\n${await plan(rows)}\n-- count\n${await plan(count)}`;
}
