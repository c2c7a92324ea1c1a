import { Injectable } from '@nestjs/common';
import type { Delivery } from '@vigie/contracts';
import { DataSource, type EntityManager } from 'typeorm';

export interface OutboxMessage {
  id: number;
  eventType: string;
  payload: Record<string, unknown>;
  attempts: number;
}

/** Messages for the platform, written in the transaction that decides, delivered later. */
@Injectable()
export class OutboxRepository {
  constructor(private readonly dataSource: DataSource) {}

  async add(m: EntityManager, eventType: string, caseId: string, payload: Record<string, unknown>, at: Date): Promise<number> {
    const [row]: { id: string }[] = await m.query(
      `INSERT INTO outbox (event_type, case_id, payload, created_at, next_attempt_at) VALUES ($1, $2, $3, $4, $4) RETURNING id`,
      [eventType, caseId, JSON.stringify(payload), at],
    );
    return Number(row.id);
  }

  /**
   * Takes up to `limit` due messages for `leaseMs`: another worker (another API instance) skips
   * them meanwhile; if this one dies, they come back when the lease ends.
   */
  async claimDue(at: Date, limit: number, leaseMs: number): Promise<OutboxMessage[]> {
    const rows: { id: string; event_type: string; payload: Record<string, unknown>; attempts: number }[] = await this.dataSource.query(
      // Through a CTE: TypeORM answers a bare UPDATE … RETURNING with [rows, count].
      `WITH claimed AS (
         UPDATE outbox SET next_attempt_at = $2
          WHERE id IN (SELECT id FROM outbox WHERE delivered_at IS NULL AND next_attempt_at <= $1
                        ORDER BY next_attempt_at, id LIMIT $3 FOR UPDATE SKIP LOCKED)
          RETURNING id, event_type, payload, attempts)
       SELECT * FROM claimed`,
      [at, new Date(at.getTime() + leaseMs), limit],
    );
    return rows.map((r) => ({ id: Number(r.id), eventType: r.event_type, payload: r.payload, attempts: r.attempts })).sort((a, b) => a.id - b.id);
  }

  async recordAttempt(id: number, at: Date, outcome: { statusCode: number | null; error: string | null; durationMs: number }, next: { deliveredAt: Date } | { retryAt: Date }): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      await m.query(`INSERT INTO outbox_attempt (outbox_id, at, status_code, error, duration_ms) VALUES ($1, $2, $3, $4, $5)`, [
        id,
        at,
        outcome.statusCode,
        outcome.error,
        outcome.durationMs,
      ]);
      await m.query(
        `UPDATE outbox SET attempts = attempts + 1, last_status = $2, last_error = $3, delivered_at = $4, next_attempt_at = COALESCE($5, next_attempt_at)
          WHERE id = $1`,
        [id, outcome.statusCode, outcome.error, 'deliveredAt' in next ? next.deliveredAt : null, 'retryAt' in next ? next.retryAt : null],
      );
    });
  }

  /** "Retry now": due at once, whatever the back-off said. */
  async retryNow(id: number, at: Date): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `WITH due AS (UPDATE outbox SET next_attempt_at = $2 WHERE id = $1 AND delivered_at IS NULL RETURNING id) SELECT id FROM due`,
      [id, at],
    );
    return rows.length > 0;
  }

  async list(pending: boolean | undefined, limit: number, offset: number): Promise<{ data: Delivery[]; total: number }> {
    const filter = pending === undefined ? '' : pending ? 'WHERE o.delivered_at IS NULL' : 'WHERE o.delivered_at IS NOT NULL';
    const [rows, [{ total }]] = await Promise.all([
      this.dataSource.query(
        `SELECT o.id, o.event_type, o.case_id, o.created_at, o.attempts, o.next_attempt_at, o.delivered_at, o.last_status, o.last_error,
                COALESCE((SELECT json_agg(json_build_object('at', a.at, 'statusCode', a.status_code, 'error', a.error, 'durationMs', a.duration_ms) ORDER BY a.at DESC)
                            FROM (SELECT * FROM outbox_attempt a WHERE a.outbox_id = o.id ORDER BY a.at DESC LIMIT 10) a), '[]') AS log
           FROM outbox o ${filter} ORDER BY o.id DESC LIMIT $1 OFFSET $2`,
        [limit, offset],
      ) as Promise<{ id: string; event_type: string; case_id: string; created_at: Date; attempts: number; next_attempt_at: Date; delivered_at: Date | null; last_status: number | null; last_error: string | null; log: Delivery['log'] }[]>,
      this.dataSource.query(`SELECT count(*)::int AS total FROM outbox o ${filter}`) as Promise<{ total: number }[]>,
    ]);
    return {
      total,
      data: rows.map((r) => ({
        id: Number(r.id),
        eventType: r.event_type,
        caseId: r.case_id,
        createdAt: r.created_at.toISOString(),
        attempts: r.attempts,
        nextAttemptAt: r.delivered_at ? null : r.next_attempt_at.toISOString(),
        deliveredAt: r.delivered_at?.toISOString() ?? null,
        lastStatus: r.last_status,
        lastError: r.last_error,
        log: r.log.map((a) => ({ ...a, at: new Date(a.at).toISOString() })),
      })),
    };
  }
}
