import { Client } from 'pg';
import { sessionHeaders } from '../http';
import { log } from '../log';
import { type ChainedEntry, type ChainFunctions, MemoryTrace, readMemory } from '../product';
import { median, msSince } from '../stats';
import { type Context, type Measure, ratio, type ScenarioResult, statusOf } from '../types';

/**
 * Verification of the whole register: GET /api/v1/audit/verify as the DPO, against node:crypto
 * alone hashing the same bytes — the three salted digests of the personal fields and
 * SHA-256(prev_hash ‖ canonical entry), with the API's chain functions and no database: the
 * entries of a sample are read beforehand (untimed) and held in memory. The ratio says how close the product's
 * verification, which also reads and decodes every entry from PostgreSQL, comes to the hashing
 * itself. The product splits the work across the two processes: PostgreSQL recomputes the three
 * personal digests as it reads each entry (on the other core), Node builds the canonical text and
 * the chain hash; the baseline does all four hashes in Node.
 */

/** Entries held in memory for the baseline: enough for a stable rate, few enough for the bench's heap. */
const SAMPLE = 250_000;

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

/** An entry as read for the baseline: the chained fields, the personal ones, the links. */
interface Row extends ChainedEntry {
  justification: string | null;
  ip: string | null;
  userAgent: string | null;
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
  const baseline: { seconds: number; entries: number; rate: number; mismatches: number }[] = [];
  const sample = await readSample(ctx.runUrl, SAMPLE);
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
    const b = hashAlone(sample, ctx.chain);
    baseline.push(b);
    log(`  verify: repetition ${rep + 1}/${ctx.options.repetitions}: ours ${ours[rep].rate.toFixed(0)} entries/s, node:crypto alone ${b.rate.toFixed(0)} entries/s`);
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
  const perEntry = (rate: number) => (1e6 / rate).toFixed(1);
  const notes = [
    `${ours[0].entries} entries in the register; the baseline hashes the first ${sample.length} of them, held in memory.`,
    `Per entry: ${perEntry(o)} µs in ours (PostgreSQL reading the row and recomputing the three personal digests while Node decodes the previous batch, checks the links, serialises and hashes the chain), ${perEntry(b)} µs for the serialisation and the four SHA-256 alone in Node.`,
  ];
  if (ours.some((x) => !x.intact)) notes.push('The API found the register NOT intact: the generated chain is wrong.');
  if (baseline.some((x) => x.mismatches > 0)) notes.push('The baseline found entries whose hash does not match.');
  return {
    key: 'verify',
    title: 'Register verification',
    method: 'GET /api/v1/audit/verify (the whole register, as the DPO) vs. node:crypto alone hashing the same bytes for entries held in memory (no database).',
    measures,
    notes,
    status: ours.some((x) => !x.intact) ? 'FAILED' : statusOf(measures),
    details: { ours, baseline },
    seconds: (Date.now() - started) / 1000,
  };
}

/** The first `size` entries, read once through a cursor (untimed). */
async function readSample(url: string, size: number): Promise<Row[]> {
  const client = new Client({ connectionString: url, application_name: 'vigie-bench-baseline' });
  await client.connect();
  try {
    const { rows } = await client.query<Row>(`SELECT ${STORED_COLUMNS} FROM access_log ORDER BY access_log.sequence LIMIT $1`, [size]);
    return rows;
  } finally {
    await client.end();
  }
}

/**
 * Per entry the three personal digests, the canonical text and the chain hash — the API's own
 * chain functions (apps/api/dist/register/register-chain.js), so the bytes are the product's —;
 * the links checked.
 */
function hashAlone(sample: Row[], chain: ChainFunctions): { seconds: number; entries: number; rate: number; mismatches: number } {
  const t0 = process.hrtime.bigint();
  let prev = chain.GENESIS_HASH;
  let mismatches = 0;
  for (const e of sample) {
    if (!e.erased && e.salt !== null) {
      chain.personalDigest(e.salt, e.justification);
      chain.personalDigest(e.salt, e.ip);
      chain.personalDigest(e.salt, e.userAgent);
    }
    if (chain.chainHash(e.prevHash, e) !== e.hash || e.prevHash !== prev) mismatches += 1;
    prev = e.hash;
  }
  const seconds = msSince(t0) / 1000;
  return { seconds, entries: sample.length, rate: sample.length / seconds, mismatches };
}
