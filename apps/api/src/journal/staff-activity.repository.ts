import { Injectable } from '@nestjs/common';
import type { StaffActivityEntry, StaffActivityEvent, StaffActivityQuery } from '@vigie/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { chainTime, type Link, nextLink } from '../common/hash-chain';
import { keysetBatches } from '../common/keyset-batches';
import { CURRENT_JOURNAL_FORMAT, type JournalChainedEntry, journalHash, journalPersonalDigest, newJournalSalt } from './staff-activity-chain';

export interface ActivityContext {
  actorId?: string | null;
  subjectId?: string | null;
  ip?: string | null;
  userAgent?: string | null;
  details?: Record<string, unknown>;
}

// Any constant works, as long as it differs from the register's: the two chains append independently.
const APPEND_LOCK_KEY = 7_461_003;

export type JournalLink = JournalChainedEntry &
  Link & {
    /**
     * What was read is what was hashed: an address with a netmask (`203.0.113.7/24`) reads as
     * `host(ip)` like the address alone, so one counts as altered (the journal writes addresses only).
     */
    exact: boolean;
    /** When retention blanked its personal fields (v2 only). */
    erasedAt: string | null;
  };

const CHAIN_SELECT = `
  SELECT format, sequence::text, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), event, actor_id::text, subject_id::text,
         host(ip), user_agent, details, prev_hash, hash, ip IS NULL OR masklen(ip) = CASE family(ip) WHEN 4 THEN 32 ELSE 128 END,
         personal_salt, personal_digest, to_char(erased_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
    FROM staff_activity WHERE staff_activity.sequence > $1::bigint ORDER BY staff_activity.sequence LIMIT $2`;

function toLink(r: unknown[]): JournalLink {
  return {
    format: r[0] as string,
    sequence: r[1] as string,
    at: r[2] as string,
    event: r[3] as string,
    actorId: r[4] as string | null,
    subjectId: r[5] as string | null,
    ip: r[6] as string | null,
    userAgent: r[7] as string | null,
    details: r[8],
    prevHash: r[9] as string,
    hash: r[10] as string,
    exact: r[11] === true,
    personalSalt: r[12] as string | null,
    personalDigest: r[13] as string | null,
    erasedAt: r[14] as string | null,
  };
}

interface ListRow {
  sequence: string;
  at: Date;
  event: StaffActivityEvent;
  actor_id: string | null;
  actor_name: string | null;
  subject_id: string | null;
  subject_name: string | null;
  ip: string | null;
  user_agent: string | null;
  details: Record<string, unknown>;
  hash: string;
}

export type StaffActivityFilters = Pick<StaffActivityQuery, 'staffId' | 'action' | 'from' | 'to'>;

function filterOf(query: StaffActivityFilters, params: unknown[]): string {
  const where: string[] = [];
  const param = (value: unknown) => `$${params.push(value)}`;
  if (query.staffId) {
    const id = param(query.staffId);
    where.push(`(a.actor_id = ${id} OR a.subject_id = ${id})`);
  }
  if (query.action) where.push(`a.event = ${param(query.action)}`);
  if (query.from) where.push(`a.at >= ${param(query.from)}`);
  if (query.to) where.push(`a.at < ${param(query.to)}`);
  return where.length ? `WHERE ${where.join(' AND ')}` : '';
}

/**
 * The staff journal: who signed in, who changed which account, what the DPO and admins did.
 * A hash chain like the access register, append-only for the application's role.
 */
@Injectable()
export class StaffActivityRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /**
   * Appends after the current head, in a transaction of its own. The transaction-scoped
   * advisory lock makes appends take turns until commit — across every API instance — so the
   * chain never forks. The address goes through PostgreSQL's `inet` first: the chain hashes it
   * as the database will print it back.
   */
  async record(event: StaffActivityEvent, context: ActivityContext): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      await m.query('SELECT pg_advisory_xact_lock($1)', [APPEND_LOCK_KEY]);
      const [row]: { ip: string | null; sequence: string | null; hash: string | null }[] = await m.query(
        `SELECT host($1::inet) AS ip, head.sequence::text AS sequence, head.hash
           FROM (SELECT 1) one LEFT JOIN (SELECT sequence, hash FROM staff_activity ORDER BY staff_activity.sequence DESC LIMIT 1) head ON true`,
        [context.ip ?? null],
      );
      const { sequence, prevHash } = nextLink(row.sequence && row.hash ? { sequence: row.sequence, hash: row.hash } : undefined);
      const entry: JournalChainedEntry = {
        format: CURRENT_JOURNAL_FORMAT,
        sequence,
        at: chainTime(this.clock.now()),
        event,
        actorId: context.actorId?.toLowerCase() ?? null,
        subjectId: context.subjectId?.toLowerCase() ?? null,
        ip: row.ip,
        userAgent: context.userAgent?.slice(0, 500) ?? null,
        // What PostgreSQL's jsonb keeps: no undefined values.
        details: JSON.parse(JSON.stringify(context.details ?? {})) as unknown,
      };
      entry.personalSalt = newJournalSalt();
      entry.personalDigest = journalPersonalDigest(entry.personalSalt, entry);
      await m.query(
        `INSERT INTO staff_activity (sequence, format, at, event, actor_id, subject_id, ip, user_agent, details, prev_hash, hash, personal_salt, personal_digest)
         VALUES ($1, $2, $3::timestamptz, $4, $5, $6, $7, $8, $9::jsonb, $10, $11, $12, $13)`,
        [
          entry.sequence, entry.format, entry.at, entry.event, entry.actorId, entry.subjectId, entry.ip, entry.userAgent,
          JSON.stringify(entry.details), prevHash, journalHash(prevHash, entry), entry.personalSalt, entry.personalDigest,
        ],
      );
    });
  }

  /** The whole chain, oldest first, a batch at a time (keysetBatches). */
  chain(batchSize: number): AsyncGenerator<JournalLink[]> {
    return keysetBatches(this.dataSource, CHAIN_SELECT, batchSize, toLink);
  }

  /**
   * Blanks the personal fields of v2 entries older than `cutoff` (the database's own function: the
   * application's role may not update the journal), in the caller's transaction; how many.
   */
  async erasePersonalFields(m: EntityManager, cutoff: Date, at: Date): Promise<number> {
    const [row]: { n: number }[] = await m.query(`SELECT staff_activity_erase_personal($1, $2)::int AS n`, [cutoff, at]);
    return row.n;
  }

  /** The erasures the journal recorded: their cutoff, and whether it was at least `retention` before the erasure (and not in the future). */
  async erasures(retention: string, now: Date): Promise<{ sequence: number; cutoff: string; valid: boolean }[]> {
    const rows: { sequence: string; cutoff: string; valid: boolean }[] = await this.dataSource.query(
      `SELECT sequence::text, details->>'cutoff' AS cutoff,
              (details->>'cutoff')::timestamptz <= at - $1::interval AND at <= $2 AS valid
         FROM staff_activity WHERE event = 'journal.erased' AND details ? 'cutoff' ORDER BY staff_activity.sequence`,
      [retention, now],
    );
    return rows.map((r) => ({ sequence: Number(r.sequence), cutoff: r.cutoff, valid: r.valid === true }));
  }

  async head(): Promise<{ sequence: number; hash: string } | undefined> {
    const [row]: { sequence: string; hash: string }[] = await this.dataSource.query(
      `SELECT sequence::text AS sequence, hash FROM staff_activity ORDER BY staff_activity.sequence DESC LIMIT 1`,
    );
    return row ? { sequence: Number(row.sequence), hash: row.hash } : undefined;
  }

  async list(query: StaffActivityQuery): Promise<{ data: StaffActivityEntry[]; total: number }> {
    const params: unknown[] = [];
    const filter = filterOf(query, params);
    const countParams = [...params];
    const page = `LIMIT $${params.push(query.perPage)} OFFSET $${params.push((query.page - 1) * query.perPage)}`;
    const [rows, count] = await Promise.all([
      this.dataSource.query(
        `SELECT a.sequence::text AS sequence, a.at, a.event, a.actor_id, actor.name AS actor_name, a.subject_id, subject.name AS subject_name,
                host(a.ip) AS ip, a.user_agent, a.details, a.hash
           FROM staff_activity a
           LEFT JOIN staff_user actor ON actor.id = a.actor_id
           LEFT JOIN staff_user subject ON subject.id = a.subject_id
           ${filter} ORDER BY a.sequence ${query.order} ${page}`,
        params,
      ) as Promise<ListRow[]>,
      this.dataSource.query(`SELECT count(*)::int AS total FROM staff_activity a ${filter}`, countParams) as Promise<{ total: number }[]>,
    ]);
    return { data: rows.map(toEntry), total: count[0].total };
  }
}

function toEntry(row: ListRow): StaffActivityEntry {
  return {
    sequence: Number(row.sequence),
    at: row.at.toISOString(),
    event: row.event,
    actor: row.actor_id ? { id: row.actor_id, name: row.actor_name } : null,
    subject: row.subject_id ? { id: row.subject_id, name: row.subject_name } : null,
    ip: row.ip,
    userAgent: row.user_agent,
    details: row.details,
    hash: row.hash,
  };
}
