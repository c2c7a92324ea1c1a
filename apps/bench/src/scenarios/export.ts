import { Client } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { sessionHeaders } from '../http';
import { log } from '../log';
import { MemoryTrace } from '../product';
import { median, msSince } from '../stats';
import { type Context, type Measure, ratio, type ScenarioResult, statusOf } from '../types';

/**
 * Export of the register as CSV, streamed: GET /api/v1/audit/access-log/export (the DPO's
 * download) against COPY … TO STDOUT of the same entries with the same joins (staff name,
 * subjects' platform ids). Both read up to the first `exportEntries` entries, oldest first.
 */
export async function exportScenario(ctx: Context): Promise<ScenarioResult> {
  const started = Date.now();
  const { total, to } = await withClient(ctx.runUrl, async (c) => {
    const n = Number((await c.query(`SELECT count(*) AS n FROM access_log`)).rows[0].n);
    const limit = Math.min(ctx.options.scale.exportEntries, n);
    const [row] = (await c.query(`SELECT at FROM access_log l WHERE l.sequence > $1 ORDER BY l.sequence LIMIT 1`, [limit])).rows as { at: Date }[];
    return { total: n, to: row?.at };
  });
  const entries = Math.min(ctx.options.scale.exportEntries, total);
  const ours: StreamRun[] = [];
  const copies: StreamRun[] = [];
  for (let rep = 0; rep < ctx.options.repetitions; rep++) {
    ours.push(await exportThroughApi(ctx, to));
    copies.push(await copyOut(ctx.runUrl, entries));
    log(`  export: repetition ${rep + 1}/${ctx.options.repetitions}: API ${(ours[rep].rate / 1000).toFixed(0)} k entries/s, COPY ${(copies[rep].rate / 1000).toFixed(0)} k entries/s`);
  }
  const mine = median(ours.map((r) => r.rate));
  const base = median(copies.map((c) => c.rate));
  const growth = median(ours.map((r) => r.growthMb));
  const measures: Measure[] = [
    {
      label: `CSV export of ${entries.toLocaleString('en')} entries, streamed`,
      unit: 'entries/s',
      ours: mine,
      baseline: base,
      oursText: `${mine.toFixed(0)} /s`,
      baselineText: `${base.toFixed(0)} /s`,
      ratio: ratio(mine, base),
      target: '≥ 0.5× COPY',
      pass: mine / base >= 0.5,
    },
    {
      label: 'API memory growth during the export (flat memory)',
      unit: 'MB',
      ours: growth,
      baseline: null,
      oursText: `+${growth.toFixed(0)} MB (peak RSS ${median(ours.map((r) => r.peakRssMb)).toFixed(0)} MB)`,
      baselineText: '—',
      ratio: null,
      target: '< 100 MB',
      pass: growth < 100,
    },
  ];
  return {
    key: 'export',
    title: 'Register export (CSV)',
    method: 'GET /api/v1/audit/access-log/export?format=csv&to=… as the DPO, read to the end, vs COPY (SELECT … same columns and joins … ORDER BY sequence LIMIT n) TO STDOUT (FORMAT csv).',
    measures,
    notes: [
      `The API sent ${(median(ours.map((r) => r.bytes)) / 1e6).toFixed(0)} MB (${median(ours.map((r) => r.rows)).toFixed(0)} rows); COPY ${(median(copies.map((c) => c.bytes)) / 1e6).toFixed(0)} MB.`,
    ],
    status: statusOf(measures),
    details: { entries, ours, copies },
    seconds: (Date.now() - started) / 1000,
  };
}

interface StreamRun {
  seconds: number;
  bytes: number;
  rows: number;
  rate: number;
  growthMb: number;
  peakRssMb: number;
}

async function exportThroughApi(ctx: Context, to: Date | undefined): Promise<StreamRun> {
  const trace = new MemoryTrace(ctx.api.pid, 50);
  const first = trace.samples[0]?.rssKb ?? 0;
  const t0 = process.hrtime.bigint();
  const query = to ? `?format=csv&to=${encodeURIComponent(to.toISOString())}` : '?format=csv';
  const res = await fetch(`${ctx.api.baseUrl}/api/v1/audit/access-log/export${query}`, { headers: sessionHeaders(ctx.staff.dpo) });
  if (!res.ok || !res.body) throw new Error(`export answered ${res.status}`);
  let bytes = 0;
  let rows = -1; // the header line
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.length;
    for (const byte of chunk) if (byte === 10) rows += 1;
  }
  const seconds = msSince(t0) / 1000;
  trace.stop();
  return { seconds, bytes, rows, rate: rows / seconds, growthMb: (trace.peakRssMb * 1024 - first) / 1024, peakRssMb: trace.peakRssMb };
}

async function withClient<T>(url: string, work: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, application_name: 'vigie-bench-baseline' });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function copyOut(url: string, entries: number): Promise<StreamRun> {
  return withClient(url, async (client) => {
    const trace = new MemoryTrace(process.pid, 50);
    const t0 = process.hrtime.bigint();
    const stream = client.query(
      copyTo(`COPY (SELECT l.sequence, l.at, l.staff_id, s.name, l.staff_roles, l.case_id, l.conversation_id, l.report_ids,
                           (SELECT string_agg(coalesce(u.external_id, sid::text), ',') FROM unnest(l.subject_ids) sid LEFT JOIN platform_user u ON u.id = sid),
                           l.legal_basis, l.purpose, l.outcome, l.reason, l.scope->>'kind', l.scope->>'messageCount', l.grant_id,
                           l.justification, l.ip, l.user_agent, l.request_id, l.erased_at, l.hash
                      FROM access_log l LEFT JOIN staff_user s ON s.id = l.staff_id ORDER BY l.sequence LIMIT ${entries}) TO STDOUT WITH (FORMAT csv, HEADER)`),
    );
    let bytes = 0;
    for await (const chunk of stream) bytes += (chunk as Buffer).length;
    const seconds = msSince(t0) / 1000;
    trace.stop();
    const first = trace.samples[0]?.rssKb ?? 0;
    return { seconds, bytes, rows: entries, rate: entries / seconds, growthMb: (trace.peakRssMb * 1024 - first) / 1024, peakRssMb: trace.peakRssMb };
  });
}
