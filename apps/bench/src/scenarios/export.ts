import { Client } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { sessionHeaders } from '../http';
import { log } from '../log';
import { MemoryTrace } from '../product';
import { median, msSince } from '../stats';
import type { Context, Measure, ScenarioResult } from '../types';

/**
 * Export of the register as CSV, streamed. The API has no export endpoint yet: the scenario says
 * so, and shows what paging through GET /audit/access-log would cost instead (two probes, first
 * and last page, extrapolated); the baseline is COPY … TO STDOUT of the same entries.
 */

const PER_PAGE = 200;

export async function exportScenario(ctx: Context): Promise<ScenarioResult> {
  const started = Date.now();
  const total = Number(await withClient(ctx.runUrl, async (c) => (await c.query(`SELECT count(*) AS n FROM access_log`)).rows[0].n));
  const entries = Math.min(ctx.options.scale.exportEntries, total);
  const copies: { seconds: number; bytes: number; rate: number; bytesPerSecond: number; growthMb: number }[] = [];
  for (let rep = 0; rep < ctx.options.repetitions; rep++) {
    copies.push(await copyOut(ctx.runUrl, entries));
    log(`  export: repetition ${rep + 1}/${ctx.options.repetitions}: COPY ${(copies[rep].rate / 1000).toFixed(0)} k entries/s`);
  }
  // What exists: the DPO's paged list, newest first. Paging through `entries` costs roughly the mean of the first and the last page, times the pages.
  const pages = Math.ceil(entries / PER_PAGE);
  const probe = async (page: number) => {
    const res = await ctx.http.json<{ data: unknown[] }>({ method: 'GET', path: `/api/v1/audit/access-log?perPage=${PER_PAGE}&page=${page}&order=ASC`, headers: sessionHeaders(ctx.staff.dpo) });
    return res.ms;
  };
  await probe(1);
  const first = median([await probe(1), await probe(1), await probe(1)]);
  const last = await probe(pages);
  const pagingSeconds = (pages * (first + last)) / 2 / 1000;
  const pagingRate = entries / pagingSeconds;
  const base = median(copies.map((c) => c.rate));
  const measures: Measure[] = [
    {
      label: `CSV export of ${entries.toLocaleString('en')} entries, streamed`,
      unit: 'entries/s',
      ours: null,
      baseline: base,
      oursText: 'not implemented yet',
      baselineText: `${base.toFixed(0)} /s`,
      ratio: null,
      target: '≥ 0.5× COPY, flat memory',
      pass: null,
    },
    {
      label: `instead: paging GET /audit/access-log (${pages} pages of ${PER_PAGE}, extrapolated)`,
      unit: 'entries/s',
      ours: pagingRate,
      baseline: base,
      oursText: `${pagingRate.toFixed(0)} /s (≈ ${pagingSeconds.toFixed(0)} s)`,
      baselineText: `${base.toFixed(0)} /s`,
      ratio: pagingRate / base,
      target: '—',
      pass: null,
    },
  ];
  return {
    key: 'export',
    title: 'Register export (CSV)',
    method: 'No export endpoint exists yet. Baseline: COPY (SELECT … FROM access_log ORDER BY sequence LIMIT n) TO STDOUT (FORMAT csv), streamed and counted.',
    measures,
    notes: [
      `COPY streamed ${(median(copies.map((c) => c.bytes)) / 1e6).toFixed(0)} MB at ${(median(copies.map((c) => c.bytesPerSecond)) / 1e6).toFixed(0)} MB/s; the reading process grew by ${median(copies.map((c) => c.growthMb)).toFixed(0)} MB.`,
      `Paging probes: page 1 ${first.toFixed(0)} ms, page ${pages} ${last.toFixed(0)} ms (each page also counts the whole register, and OFFSET reads every row before it).`,
    ],
    status: 'NOT IMPLEMENTED',
    details: { entries, copies, probe: { pages, firstPageMs: first, lastPageMs: last, pagingSeconds } },
    seconds: (Date.now() - started) / 1000,
  };
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

function copyOut(url: string, entries: number): Promise<{ seconds: number; bytes: number; rate: number; bytesPerSecond: number; growthMb: number }> {
  return withClient(url, async (client) => {
    const trace = new MemoryTrace(process.pid, 50);
    const t0 = process.hrtime.bigint();
    const stream = client.query(
      copyTo(`COPY (SELECT sequence, at, staff_id, staff_roles, case_id, conversation_id, report_ids, subject_ids, legal_basis, purpose, outcome,
                           reason, scope, grant_id, request_id, justification, ip, user_agent, erased_at, hash
                      FROM access_log ORDER BY sequence LIMIT ${entries}) TO STDOUT WITH (FORMAT csv, HEADER)`),
    );
    let bytes = 0;
    for await (const chunk of stream) bytes += (chunk as Buffer).length;
    const seconds = msSince(t0) / 1000;
    trace.stop();
    const first = trace.samples[0]?.rssKb ?? 0;
    return { seconds, bytes, rate: entries / seconds, bytesPerSecond: bytes / seconds, growthMb: (trace.peakRssMb * 1024 - first) / 1024 };
  });
}
