import { hash } from 'node:crypto';
import { Client } from 'pg';
import { sessionHeaders } from '../http';
import { log } from '../log';
import { MemoryTrace, readMemory } from '../product';
import { median, msSince } from '../stats';
import { type Context, type Measure, ratio, type ScenarioResult, statusOf } from '../types';

/**
 * Verification of the whole register: GET /api/v1/audit/verify as the DPO, against reading the
 * same rows with one query (a cursor) and hashing the same bytes with node:crypto alone — the
 * three salted digests of the personal fields and SHA-256(prev_hash ‖ canonical entry) — with no
 * code of ours.
 */

/** The chained fields as the register's repository reads them (register.repository.ts STORED_COLUMNS). */
const STORED_COLUMNS = `
  sequence::text AS "sequence",
  to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "at",
  staff_id::text AS "staffId", staff_roles AS "staffRoles",
  case_id::text AS "caseId", conversation_id::text AS "conversationId",
  report_ids::text[] AS "reportIds", subject_ids::text[] AS "subjectIds",
  legal_basis AS "legalBasis", purpose, outcome, reason, scope, grant_id::text AS "grantId",
  request_id AS "requestId",
  justification, justification_digest AS "justificationDigest",
  ip, ip_digest AS "ipDigest", user_agent AS "userAgent", user_agent_digest AS "userAgentDigest",
  salt, erased_at IS NOT NULL AS erased, prev_hash AS "prevHash", hash`;

interface Row {
  sequence: string;
  at: string;
  staffId: string;
  staffRoles: string[];
  caseId: string | null;
  conversationId: string | null;
  reportIds: string[];
  subjectIds: string[];
  legalBasis: string;
  purpose: string;
  outcome: string;
  reason: string | null;
  scope: unknown;
  grantId: string | null;
  requestId: string | null;
  justification: string | null;
  justificationDigest: string;
  ip: string | null;
  ipDigest: string;
  userAgent: string | null;
  userAgentDigest: string;
  salt: string | null;
  erased: boolean;
  prevHash: string;
  hash: string;
}

interface Verification {
  intact: boolean;
  entriesChecked: number;
  headHash: string | null;
}

export async function verifyScenario(ctx: Context): Promise<ScenarioResult> {
  const started = Date.now();
  const ours: { seconds: number; entries: number; rate: number; rssBeforeMb: number; peakRssMb: number; intact: boolean; headHash: string | null }[] = [];
  const baseline: { seconds: number; entries: number; rate: number; headHash: string; mismatches: number }[] = [];
  for (let rep = 0; rep < ctx.options.repetitions; rep++) {
    const before = readMemory(ctx.api.pid);
    const trace = new MemoryTrace(ctx.api.pid, 50);
    const t0 = process.hrtime.bigint();
    const res = await ctx.http.json<Verification>({ method: 'GET', path: '/api/v1/audit/verify', headers: sessionHeaders(ctx.staff.dpo) });
    const seconds = msSince(t0) / 1000;
    trace.stop();
    ours.push({
      seconds,
      entries: res.data.entriesChecked,
      rate: res.data.entriesChecked / seconds,
      rssBeforeMb: (before?.rssKb ?? 0) / 1024,
      peakRssMb: trace.peakRssMb,
      intact: res.data.intact,
      headHash: res.data.headHash,
    });
    const b = await rawHashing(ctx.runUrl);
    baseline.push(b);
    log(`  verify: repetition ${rep + 1}/${ctx.options.repetitions}: ours ${ours[rep].rate.toFixed(0)} entries/s, raw hashing ${b.rate.toFixed(0)} entries/s`);
  }
  const o = median(ours.map((x) => x.rate));
  const b = median(baseline.map((x) => x.rate));
  const q = ratio(o, b);
  const growth = median(ours.map((x) => x.peakRssMb - x.rssBeforeMb));
  const measures: Measure[] = [
    { label: 'entries verified per second', unit: 'entries/s', ours: o, baseline: b, oursText: `${o.toFixed(0)} /s`, baselineText: `${b.toFixed(0)} /s`, ratio: q, target: '≥ 0.5×', pass: q !== null && q >= 0.5 },
    {
      label: 'API memory (peak RSS; growth during the call)',
      unit: 'MB',
      ours: growth,
      baseline: null,
      oursText: `${median(ours.map((x) => x.peakRssMb)).toFixed(0)} MB; +${growth.toFixed(0)} MB`,
      baselineText: '—',
      ratio: null,
      target: '—',
      pass: null,
    },
  ];
  const notes = [`${ours[0].entries} entries in the register.`];
  if (ours.some((x) => !x.intact)) notes.push('The API found the register NOT intact: the generated chain is wrong.');
  if (ours.some((x, i) => x.headHash !== baseline[i].headHash)) notes.push('The raw hashing reached another head hash than the API: they did not hash the same bytes.');
  if (baseline.some((x) => x.mismatches > 0)) notes.push('The raw hashing found entries whose hash does not match.');
  return {
    key: 'verify',
    title: 'Register verification',
    method: 'GET /api/v1/audit/verify (the whole register, as the DPO) vs. one query streaming the same rows and node:crypto hashing the same bytes.',
    measures,
    notes,
    status: ours.some((x) => !x.intact) ? 'FAILED' : statusOf(measures),
    details: { ours, baseline },
    seconds: (Date.now() - started) / 1000,
  };
}

/** One query, read through a cursor; per entry the three personal digests and the chain hash. */
async function rawHashing(url: string): Promise<{ seconds: number; entries: number; rate: number; headHash: string; mismatches: number }> {
  const client = new Client({ connectionString: url, application_name: 'vigie-bench-baseline' });
  await client.connect();
  try {
    const t0 = process.hrtime.bigint();
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    await client.query(`DECLARE register NO SCROLL CURSOR FOR SELECT ${STORED_COLUMNS} FROM access_log ORDER BY access_log.sequence`);
    let prev = '0'.repeat(64);
    let entries = 0;
    let mismatches = 0;
    let next = client.query<Row>('FETCH 5000 FROM register');
    for (;;) {
      const { rows } = await next;
      if (rows.length === 0) break;
      next = client.query<Row>('FETCH 5000 FROM register');
      for (const e of rows) {
        if (!e.erased && e.salt !== null) {
          digest(e.salt, e.justification);
          digest(e.salt, e.ip);
          digest(e.salt, e.userAgent);
        }
        const text = JSON.stringify([
          'vigie-register-v1', e.sequence, e.at, e.staffId, e.staffRoles, e.caseId, e.conversationId, e.reportIds, e.subjectIds, e.legalBasis,
          e.purpose, e.outcome, e.reason, sorted(e.scope ?? null), e.grantId, e.requestId, e.justificationDigest, e.ipDigest, e.userAgentDigest,
        ]);
        if (hash('sha256', e.prevHash + text, 'hex') !== e.hash || e.prevHash !== prev) mismatches += 1;
        prev = e.hash;
        entries += 1;
      }
    }
    await client.query('COMMIT');
    const seconds = msSince(t0) / 1000;
    return { seconds, entries, rate: entries / seconds, headHash: prev, mismatches };
  } finally {
    await client.end();
  }
}

function digest(salt: string, value: string | null): string {
  return hash('sha256', `${salt}\u0000${value ?? ''}`, 'hex');
}

function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sorted((value as Record<string, unknown>)[k])]));
  }
  return value;
}
