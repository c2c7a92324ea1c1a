import { Injectable } from '@nestjs/common';
import type { AccessLogEntry, AccessLogQuery, RecordedVerification, SignedCheckpoint } from '@vigie/contracts';
import type { Readable } from 'node:stream';
import type { PoolClient } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { DataSource, type EntityManager } from 'typeorm';
import { csvTextSql } from '../common/csv';
import { keysetBatches } from '../common/keyset-batches';
import type { ChainedEntry } from './register-chain';

// Any constant works; every instance of the API must use the same one.
const APPEND_LOCK_KEY = 7_461_002;

/** An entry as stored: the chained fields, the personal fields (null once erased), the links. */
export interface StoredEntry extends ChainedEntry {
  /** The canonical form the hash was computed with (`REGISTER_FORMATS`). */
  format: number;
  justification: string | null;
  ip: string | null;
  userAgent: string | null;
  salt: string | null;
  erased: boolean;
  prevHash: string;
  hash: string;
}

/** An entry as verification reads it: the chained fields, the links, and what became of its personal fields. */
export interface ChainLink extends ChainedEntry {
  format: number;
  /**
   * A value that cannot be what was hashed: a NULL inside an array, an element holding the comma
   * the arrays travel joined with, a JSON null or non-object scope, a number in the scope that
   * JavaScript cannot hold exactly (the scope's counts are integers). Read as such it could
   * collide with another value (`{"a,b"}` and `{a,b}` read alike), so the entry counts as altered.
   */
  malformed: boolean;
  erased: boolean;
  /**
   * Erased fields are recorded: an erasure by `access_log_erase_personal` for this case at this
   * time, within a retention run that is not a dry run (or from before runs were recorded), of a
   * case that is purged. Always true for an entry not erased.
   */
  erasureRecorded: boolean;
  /**
   * Present personal fields match their salted digests (recomputed by PostgreSQL's own SHA-256,
   * byte for byte `personalDigest`); erased ones are gone with their salt.
   */
  personalHold: boolean;
  prevHash: string;
  hash: string;
}

const personalDigestMatches = (column: string, digest: string) =>
  `encode(sha256(convert_to(salt, 'UTF8') || '\\x00'::bytea || convert_to(coalesce(${column}, ''), 'UTF8')), 'hex') = ${digest}`;

/**
 * The chained fields in the text form the chain hashes, as PostgreSQL gives them back, in the
 * order of `toLink`. The arrays (UUIDs, role names: never a comma) come as comma-joined text and
 * are split here: decoding three array literals per entry was half of what verifying ten million
 * entries cost. So that the split gives back exactly the stored array, each comes with its
 * cardinality and whether it holds a NULL (`malformed` otherwise). The scope comes as text, so
 * that a JSON null is not taken for an SQL NULL, with whether its numbers are exact integers.
 * The three personal digests are recomputed by the database, on the other core, while Node
 * hashes the chain: the personal fields themselves never travel.
 */
const CHAIN_SELECT = `
  SELECT sequence::text, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), staff_id::text, array_to_string(staff_roles, ','),
         case_id::text, conversation_id::text, array_to_string(report_ids, ','), array_to_string(subject_ids, ','),
         legal_basis, purpose, outcome, reason, scope::text, grant_id::text, request_id,
         justification_digest, ip_digest, user_agent_digest, erased_at IS NOT NULL,
         CASE WHEN erased_at IS NOT NULL THEN salt IS NULL AND justification IS NULL AND ip IS NULL AND user_agent IS NULL
              ELSE salt IS NOT NULL AND ${personalDigestMatches('justification', 'justification_digest')}
                   AND ${personalDigestMatches('ip', 'ip_digest')} AND ${personalDigestMatches('user_agent', 'user_agent_digest')}
         END,
         prev_hash, hash, format,
         cardinality(staff_roles), cardinality(report_ids), cardinality(subject_ids),
         array_position(staff_roles, NULL) IS NULL AND array_position(report_ids, NULL) IS NULL AND array_position(subject_ids, NULL) IS NULL,
         CASE WHEN erased_at IS NULL THEN true ELSE EXISTS (
           SELECT 1 FROM register_erasure e JOIN moderation_case c ON c.id = e.case_id LEFT JOIN retention_run r ON r.id = e.run_id
            WHERE e.case_id = access_log.case_id AND e.erased_at = access_log.erased_at AND c.data_purged_at IS NOT NULL
              AND (e.run_id IS NULL OR (r.dry_run = false AND e.erased_at >= r.started_at AND (r.finished_at IS NULL OR e.erased_at <= r.finished_at))))
         END,
         scope IS NULL OR NOT jsonb_path_exists(scope, 'strict $.** ? (@.type() == "number" && (@ != @.floor() || @.abs() > 9007199254740991))'),
         lia_version
    FROM access_log WHERE access_log.sequence > $1::bigint ORDER BY access_log.sequence LIMIT $2`;

/** A row of CHAIN_SELECT (read as an array: no per-row objects keyed by column name to build and collect). */
function toLink(r: unknown[]): ChainLink {
  const staffRoles = list(r[3] as string);
  const reportIds = list(r[6] as string);
  const subjectIds = list(r[7] as string);
  const scope = r[12] === null ? null : (JSON.parse(r[12] as string) as unknown);
  const malformed =
    r[26] !== true ||
    r[28] !== true ||
    staffRoles.length !== Number(r[23]) ||
    reportIds.length !== Number(r[24]) ||
    subjectIds.length !== Number(r[25]) ||
    (r[12] !== null && (typeof scope !== 'object' || scope === null || Array.isArray(scope)));
  return {
    sequence: r[0] as string,
    at: r[1] as string,
    staffId: r[2] as string,
    staffRoles,
    caseId: r[4] as string | null,
    conversationId: r[5] as string | null,
    reportIds,
    subjectIds,
    legalBasis: r[8] as string,
    purpose: r[9] as string,
    outcome: r[10] as ChainLink['outcome'],
    reason: r[11] as string | null,
    scope,
    grantId: r[13] as string | null,
    requestId: r[14] as string | null,
    justificationDigest: r[15] as string,
    ipDigest: r[16] as string,
    userAgentDigest: r[17] as string,
    erased: r[18] as boolean,
    personalHold: r[19] === true,
    prevHash: r[20] as string,
    hash: r[21] as string,
    format: Number(r[22]),
    malformed,
    erasureRecorded: r[27] === true,
    liaVersion: r[29] === null ? null : Number(r[29]),
  };
}

/**
 * JSON that PostgreSQL's jsonb accepts: U+0000 and lone surrogates — which `JSON.stringify`
 * writes as escapes and jsonb refuses — become U+FFFD, as a text parameter would have them.
 */
export function jsonbText(value: unknown): string {
  return JSON.stringify(value).replace(/(?<!\\)((?:\\\\)*)\\u(0000|d[89a-f][0-9a-f]{2})/gi, '$1\\ufffd');
}

const list = (joined: string): string[] => (joined === '' ? [] : joined.split(','));

interface ListRow {
  sequence: string;
  at: Date;
  staff_id: string;
  staff_name: string | null;
  staff_roles: string[];
  case_id: string | null;
  conversation_id: string | null;
  conversation_external_id: string | null;
  report_ids: string[];
  reports: { id: string; category: string; reportedAt: string }[];
  subjects: AccessLogEntry['subjects'];
  legal_basis: string;
  purpose: string;
  outcome: AccessLogEntry['outcome'];
  reason: string | null;
  scope: AccessLogEntry['scope'];
  grant_id: string | null;
  justification: string | null;
  ip: string | null;
  user_agent: string | null;
  request_id: string | null;
  erased_at: Date | null;
  hash: string;
  lia_version: number | null;
}

export type AccessLogFilters = Pick<AccessLogQuery, 'staffId' | 'caseId' | 'subject' | 'outcome' | 'from' | 'to' | 'sequence' | 'conversation'>;

const LIST_SELECT = `
  SELECT l.sequence::text AS sequence, l.at, l.staff_id, s.name AS staff_name, l.staff_roles, l.case_id,
         l.conversation_id, cv.external_id AS conversation_external_id, l.report_ids::text[] AS report_ids, l.legal_basis, l.purpose, l.outcome, l.reason,
         l.scope, l.grant_id, l.justification, l.ip, l.user_agent, l.request_id, l.erased_at, l.hash, l.lia_version,
         (SELECT coalesce(json_agg(json_build_object('id', sid, 'externalId', u.external_id, 'displayName', u.display_name)
                                   ORDER BY u.external_id), '[]'::json)
            FROM unnest(l.subject_ids) sid LEFT JOIN platform_user u ON u.id = sid) AS subjects,
         (SELECT coalesce(json_agg(json_build_object('id', r.id, 'category', r.category, 'reportedAt', r.reported_at)
                                   ORDER BY r.reported_at, r.id), '[]'::json)
            FROM report r WHERE r.id = ANY (l.report_ids)) AS reports
    FROM access_log l LEFT JOIN staff_user s ON s.id = l.staff_id LEFT JOIN conversation cv ON cv.id = l.conversation_id`;

/** The register's filters as SQL, their values pushed onto `params`; unknown filters never reach here. */
function filterOf(query: AccessLogFilters, params: unknown[], extra: string[] = []): string {
  const where = [...extra];
  const param = (value: unknown) => `$${params.push(value)}`;
  if (query.staffId) where.push(`l.staff_id = ${param(query.staffId)}`);
  if (query.caseId) where.push(`l.case_id = ${param(query.caseId)}`);
  if (query.subject) where.push(`l.subject_ids && ARRAY(SELECT id FROM platform_user WHERE external_id = ${param(query.subject)})`);
  if (query.outcome) where.push(`l.outcome = ${param(query.outcome)}`);
  if (query.from) where.push(`l.at >= ${param(query.from)}`);
  if (query.to) where.push(`l.at < ${param(query.to)}`);
  if (query.sequence !== undefined) where.push(`l.sequence = ${param(query.sequence)}`);
  if (query.conversation) where.push(`l.conversation_id = (SELECT id FROM conversation WHERE external_id = ${param(query.conversation)})`);
  return where.length ? `WHERE ${where.join(' AND ')}` : '';
}

interface CheckpointRow {
  sequence: string;
  head_hash: string;
  journal_sequence: string | null;
  journal_head_hash: string | null;
  time: string;
  public_key: string;
  signature: string;
}

/** Every query of the access register. The chain itself is computed by RegisterService. */
@Injectable()
export class RegisterRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /**
   * Appends after the current head. The transaction-scoped advisory lock makes appends take
   * turns until commit — across every API instance — so the chain never forks.
   */
  async append(
    m: EntityManager,
    grantId: string | null,
    link: (head: { sequence: string; hash: string } | undefined, liaVersion: number | null) => StoredEntry,
  ): Promise<StoredEntry> {
    await m.query('SELECT pg_advisory_xact_lock($1)', [APPEND_LOCK_KEY]);
    const [head]: { sequence: string; hash: string }[] = await m.query(
      `SELECT sequence::text AS sequence, hash FROM access_log ORDER BY access_log.sequence DESC LIMIT 1`,
    );
    // The assessment the entry records: its grant's, stamped when the gate opened it; else the one in force.
    const [lia]: { version: number | null }[] = await m.query(
      `SELECT coalesce((SELECT lia_version FROM access_grant WHERE id = $1::uuid), lia_version_in_force()) AS version`,
      [grantId],
    );
    const entry = link(head, lia?.version ?? null);
    // Through the database's own rules: the application's role cannot INSERT into the register.
    await m.query(`SELECT access_log_append($1::jsonb)`, [
      jsonbText({
        sequence: entry.sequence,
        at: entry.at,
        staff_id: entry.staffId,
        staff_roles: entry.staffRoles,
        case_id: entry.caseId,
        conversation_id: entry.conversationId,
        report_ids: entry.reportIds,
        subject_ids: entry.subjectIds,
        legal_basis: entry.legalBasis,
        purpose: entry.purpose,
        outcome: entry.outcome,
        reason: entry.reason,
        scope: entry.scope,
        grant_id: entry.grantId,
        request_id: entry.requestId,
        justification: entry.justification,
        justification_digest: entry.justificationDigest,
        ip: entry.ip,
        ip_digest: entry.ipDigest,
        user_agent: entry.userAgent,
        user_agent_digest: entry.userAgentDigest,
        salt: entry.salt,
        prev_hash: entry.prevHash,
        hash: entry.hash,
        format: entry.format,
        lia_version: entry.liaVersion,
      }),
    ]);
    return entry;
  }

  /** The whole chain, oldest first, a batch at a time (keysetBatches). */
  chain(batchSize: number): AsyncGenerator<ChainLink[]> {
    return keysetBatches(this.dataSource, CHAIN_SELECT, batchSize, toLink);
  }

  async head(): Promise<{ sequence: number; hash: string } | undefined> {
    const [row]: { sequence: string; hash: string }[] = await this.dataSource.query(
      `SELECT sequence::text AS sequence, hash FROM access_log ORDER BY access_log.sequence DESC LIMIT 1`,
    );
    return row ? { sequence: Number(row.sequence), hash: row.hash } : undefined;
  }

  async list(query: AccessLogQuery): Promise<{ data: AccessLogEntry[]; total: number }> {
    const params: unknown[] = [];
    const filter = filterOf(query, params);
    const countParams = [...params];
    const page = `LIMIT $${params.push(query.perPage)} OFFSET $${params.push((query.page - 1) * query.perPage)}`;
    const [rows, count] = await Promise.all([
      this.dataSource.query(`${LIST_SELECT} ${filter} ORDER BY l.sequence ${query.order} ${page}`, params) as Promise<ListRow[]>,
      this.dataSource.query(`SELECT count(*)::int AS total FROM access_log l ${filter}`, countParams) as Promise<{ total: number }[]>,
    ]);
    return { data: rows.map(toEntry), total: count[0].total };
  }

  /** The whole (filtered) register, oldest first, a batch at a time: exports stream it. */
  async *entries(filters: AccessLogFilters, batchSize = 2000): AsyncGenerator<AccessLogEntry[]> {
    let after = '0';
    for (;;) {
      const params: unknown[] = [];
      const filter = filterOf(filters, params, [`l.sequence > $${params.push(after)}::bigint`]);
      const rows: ListRow[] = await this.dataSource.query(`${LIST_SELECT} ${filter} ORDER BY l.sequence LIMIT $${params.push(batchSize)}`, params);
      if (rows.length > 0) yield rows.map(toEntry);
      if (rows.length < batchSize) return;
      after = rows[rows.length - 1].sequence;
    }
  }

  /**
   * The filtered register as CSV written by PostgreSQL itself (COPY … TO STDOUT), streamed under
   * back-pressure on a connection of its own, released when the stream ends or is abandoned.
   * COPY takes no bind parameters: the (already validated) filter values are quoted by the driver.
   */
  async copyCsv(filters: AccessLogFilters): Promise<Readable> {
    const runner = this.dataSource.createQueryRunner();
    const client = (await runner.connect()) as PoolClient;
    const params: unknown[] = [];
    const filter = filterOf(filters, params).replace(/\$(\d+)/g, (_, n: string) => client.escapeLiteral(String(params[Number(n) - 1])));
    const stream = client.query(
      // Text that people or the platform chose goes through csvTextSql: never a formula in the DPO's spreadsheet.
      copyTo(`COPY (SELECT l.sequence, l.at, l.staff_id, ${csvTextSql('s.name')} AS staff_name, array_to_string(l.staff_roles, ',') AS staff_roles,
                           l.case_id, l.conversation_id, ${csvTextSql('(SELECT cv.external_id FROM conversation cv WHERE cv.id = l.conversation_id)')} AS conversation_external_id,
                           array_to_string(l.report_ids, ',') AS report_ids,
                           ${csvTextSql(`(SELECT string_agg(r.category || ' ' || to_char(r.reported_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), ',' ORDER BY r.reported_at, r.id)
                              FROM report r WHERE r.id = ANY (l.report_ids))`)} AS reports,
                           ${csvTextSql(`(SELECT string_agg(coalesce(u.external_id, sid::text), ',' ORDER BY u.external_id)
                              FROM unnest(l.subject_ids) sid LEFT JOIN platform_user u ON u.id = sid)`)} AS subjects,
                           l.legal_basis, l.lia_version, l.purpose, l.outcome, ${csvTextSql('l.reason')} AS reason, l.scope->>'kind' AS scope,
                           l.scope->>'messageCount' AS message_count, l.grant_id, ${csvTextSql('l.justification')} AS justification, l.ip,
                           ${csvTextSql('l.user_agent')} AS user_agent, ${csvTextSql('l.request_id')} AS request_id, l.erased_at, l.hash
                      FROM access_log l LEFT JOIN staff_user s ON s.id = l.staff_id ${filter} ORDER BY l.sequence)
               TO STDOUT WITH (FORMAT csv, HEADER, FORCE_QUOTE *)`),
    );
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      void runner.release();
    };
    stream.once('end', release);
    stream.once('error', release);
    stream.once('close', release);
    return stream;
  }

  /** Every staff account, for the register's filter: the DPO audits accounts that no longer work too. */
  staff(): Promise<{ id: string; name: string; email: string }[]> {
    return this.dataSource.query(`SELECT id, name, email::text AS email FROM staff_user ORDER BY name`);
  }

  /** Stores a checkpoint; false when one with the same heads was already stored (it stays). */
  async insertCheckpoint(checkpoint: SignedCheckpoint, createdAt: Date): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO register_checkpoint (sequence, head_hash, journal_sequence, journal_head_hash, time, public_key, signature, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING RETURNING id`,
      [
        checkpoint.sequence, checkpoint.headHash, checkpoint.journal?.sequence ?? null, checkpoint.journal?.headHash ?? null,
        checkpoint.time, checkpoint.publicKey, checkpoint.signature, createdAt,
      ],
    );
    return rows.length > 0;
  }

  async checkpoints(limit?: number, offset = 0): Promise<{ data: SignedCheckpoint[]; total: number }> {
    const [rows, count] = await Promise.all([
      this.dataSource.query(
        `SELECT sequence::text AS sequence, head_hash, journal_sequence::text AS journal_sequence, journal_head_hash, time, public_key, signature
           FROM register_checkpoint c ORDER BY c.sequence DESC, c.journal_sequence DESC NULLS LAST ${limit === undefined ? '' : 'LIMIT $1 OFFSET $2'}`,
        limit === undefined ? [] : [limit, offset],
      ) as Promise<CheckpointRow[]>,
      this.dataSource.query(`SELECT count(*)::int AS total FROM register_checkpoint`) as Promise<{ total: number }[]>,
    ]);
    return { data: rows.map(toCheckpoint), total: count[0].total };
  }

  /** Records a verification and what it found (the application's role may add one, never change one). */
  async recordVerification(v: { at: Date; trigger: RecordedVerification['trigger']; intact: boolean; entriesChecked: number; firstBrokenSequence: number | null; problem: string | null }): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO register_verification (at, trigger, intact, entries_checked, first_broken_sequence, problem) VALUES ($1, $2, $3, $4, $5, $6)`,
      [v.at, v.trigger, v.intact, v.entriesChecked, v.firstBrokenSequence, v.problem],
    );
  }

  /** The last verification of a trigger, if any. */
  async lastVerification(trigger: RecordedVerification['trigger']): Promise<RecordedVerification | null> {
    const [row]: { at: Date; trigger: RecordedVerification['trigger']; intact: boolean; entries_checked: string; first_broken_sequence: string | null }[] =
      await this.dataSource.query(
        `SELECT at, trigger, intact, entries_checked::text, first_broken_sequence::text FROM register_verification WHERE trigger = $1 ORDER BY at DESC, id DESC LIMIT 1`,
        [trigger],
      );
    if (!row) return null;
    return {
      at: row.at.toISOString(),
      trigger: row.trigger,
      intact: row.intact,
      entriesChecked: Number(row.entries_checked),
      firstBrokenSequence: row.first_broken_sequence === null ? null : Number(row.first_broken_sequence),
    };
  }

  async latestCheckpointAt(): Promise<Date | undefined> {
    const [row]: { at: Date | null }[] = await this.dataSource.query(`SELECT max(created_at) AS at FROM register_checkpoint`);
    return row?.at ?? undefined;
  }

  /**
   * Retention's erasure of personal fields, through the one database function allowed to do it:
   * for the running retention run `runId`, the entries of the cases it marked purged at `at`
   * (in this transaction), the erasure recorded for verification to check.
   */
  async erasePersonalFields(m: EntityManager, runId: string, caseIds: string[], at: Date): Promise<number> {
    const [row]: { erased: string }[] = await m.query(`SELECT access_log_erase_personal($1, $2::uuid[], $3) AS erased`, [runId, caseIds, at]);
    return Number(row.erased);
  }

  /**
   * Whether the case's personal data was purged, read in the appending transaction and holding
   * the case (FOR KEY SHARE: only retention's FOR UPDATE waits, or skips it) until it commits: a
   * purge either happened before — the entry then records nothing personal — or comes after this
   * entry and erases it with the others.
   */
  async casePurged(m: EntityManager, caseId: string): Promise<boolean> {
    const [row]: { purged: boolean }[] = await m.query(
      `SELECT data_purged_at IS NOT NULL AS purged FROM moderation_case WHERE id = $1 FOR KEY SHARE`,
      [caseId],
    );
    return row?.purged === true;
  }

  /** The head sequence and the highest signed one, for the scheduler's count of unsigned entries. */
  async unsignedEntries(m: EntityManager): Promise<number> {
    const [row]: { n: string }[] = await m.query(
      `SELECT coalesce((SELECT max(l.sequence) FROM access_log l), 0) - coalesce((SELECT max(c.sequence) FROM register_checkpoint c), 0) AS n`,
    );
    return Number(row.n);
  }
}

function toCheckpoint(row: CheckpointRow): SignedCheckpoint {
  return {
    sequence: Number(row.sequence),
    headHash: row.head_hash,
    ...(row.journal_sequence && row.journal_head_hash ? { journal: { sequence: Number(row.journal_sequence), headHash: row.journal_head_hash } } : {}),
    time: row.time,
    algorithm: 'Ed25519',
    publicKey: row.public_key,
    signature: row.signature,
  };
}

function toEntry(row: ListRow): AccessLogEntry {
  return {
    sequence: Number(row.sequence),
    at: row.at.toISOString(),
    staff: { id: row.staff_id, name: row.staff_name, roles: row.staff_roles },
    caseId: row.case_id,
    conversationId: row.conversation_id,
    conversationExternalId: row.conversation_external_id,
    reportIds: row.report_ids,
    reports: row.reports.map((r) => ({ id: r.id, category: r.category, reportedAt: new Date(r.reportedAt).toISOString() })),
    subjects: row.subjects,
    legalBasis: row.legal_basis,
    purpose: row.purpose,
    outcome: row.outcome,
    reason: row.reason,
    scope: row.scope,
    grantId: row.grant_id,
    justification: row.justification,
    ip: row.ip,
    userAgent: row.user_agent,
    requestId: row.request_id,
    erasedAt: row.erased_at?.toISOString() ?? null,
    hash: row.hash,
    liaVersion: row.lia_version,
  };
}
