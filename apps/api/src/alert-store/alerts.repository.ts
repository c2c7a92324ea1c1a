import { Injectable } from '@nestjs/common';
import type { AlertDetails, AlertResolution, AlertRule, AlertsQuery, AlertStatus, StaffAlert, SystemAlertRule } from '@vigie/contracts';
import { DataSource, type EntityManager } from 'typeorm';

// Any constant works; every instance of the API must use the same one (7_461_004 is retention's runner).
const EVALUATION_LOCK_KEY = 7_461_005;

/** What a rule found: a member of staff, the entries behind it and their time span. */
export interface Finding {
  rule: AlertRule;
  staffId: string;
  sequences: number[];
  windowStart: Date;
  windowEnd: Date;
}

/** A new alert that waits for the webhook. */
export interface PendingDelivery {
  alert: StaffAlert;
  attempts: number;
}

interface AlertRow {
  id: string;
  rule: AlertRule;
  staff_id: string | null;
  staff_name: string | null;
  opened_at: Date;
  window_start: Date;
  window_end: Date;
  evidence: string[];
  details: AlertDetails;
  status: AlertStatus;
  note: string | null;
  resolved_at: Date | null;
  resolved_by: string | null;
  resolver_name: string | null;
}

const SELECT = `
  SELECT a.id, a.rule, a.staff_id, s.name AS staff_name, a.opened_at, a.window_start, a.window_end, a.evidence::text[] AS evidence, a.details,
         a.status, a.note, a.resolved_at, a.resolved_by, r.name AS resolver_name
    FROM staff_alert a
    LEFT JOIN staff_user s ON s.id = a.staff_id
    LEFT JOIN staff_user r ON r.id = a.resolved_by`;

function toAlert(r: AlertRow): StaffAlert {
  return {
    id: r.id,
    rule: r.rule,
    staffId: r.staff_id,
    staffName: r.staff_name,
    openedAt: r.opened_at.toISOString(),
    windowStart: r.window_start.toISOString(),
    windowEnd: r.window_end.toISOString(),
    status: r.status,
    evidence: { sequences: r.evidence.map(Number) },
    details: r.details,
    note: r.note,
    resolvedAt: r.resolved_at?.toISOString() ?? null,
    resolvedBy: r.resolved_by ? { id: r.resolved_by, name: r.resolver_name } : null,
  };
}

/** Alerts on anomalous access and the evaluation's cursor over the register. */
@Injectable()
export class AlertsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Runs `work` in a transaction holding the evaluation's advisory lock, with the last sequence
   * evaluated; what it answers becomes the new cursor. Undefined when another instance is evaluating.
   */
  async underEvaluationLock<T>(work: (m: EntityManager, after: number) => Promise<{ last: number; result: T }>, at: Date): Promise<T | undefined> {
    return this.dataSource.transaction(async (m) => {
      const [{ locked }]: { locked: boolean }[] = await m.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [EVALUATION_LOCK_KEY]);
      if (!locked) return undefined;
      const [cursor]: { last_sequence: string }[] = await m.query('SELECT last_sequence::text FROM alert_cursor FOR UPDATE');
      const after = Number(cursor?.last_sequence ?? 0);
      const { last, result } = await work(m, after);
      if (last > after) await m.query('UPDATE alert_cursor SET last_sequence = $1, evaluated_at = $2', [last, at]);
      return result;
    });
  }

  /**
   * Records a finding: its entries join the alert of the same rule and person that already holds
   * some of them (the same burst, seen again), or open a new one. True when a new one was opened.
   */
  async raise(m: EntityManager, finding: Finding, at: Date, deliver: boolean): Promise<string | undefined> {
    const [existing]: { id: string }[] = await m.query(
      `SELECT id FROM staff_alert WHERE staff_id = $1 AND rule = $2 AND evidence && $3::bigint[] ORDER BY opened_at DESC LIMIT 1 FOR UPDATE`,
      [finding.staffId, finding.rule, finding.sequences],
    );
    if (existing) {
      await m.query(
        `UPDATE staff_alert
            SET evidence = ARRAY(SELECT DISTINCT x FROM unnest(evidence || $2::bigint[]) x ORDER BY x),
                window_start = least(window_start, $3), window_end = greatest(window_end, $4)
          WHERE id = $1`,
        [existing.id, finding.sequences, finding.windowStart, finding.windowEnd],
      );
      return undefined;
    }
    const [row]: { id: string }[] = await m.query(
      `INSERT INTO staff_alert (rule, staff_id, opened_at, window_start, window_end, evidence, webhook_next_at)
       VALUES ($1, $2, $3, $4, $5, $6::bigint[], $7) RETURNING id`,
      [finding.rule, finding.staffId, at, finding.windowStart, finding.windowEnd, finding.sequences, deliver ? at : null],
    );
    return row.id;
  }

  /**
   * Raises an alert about Vigie itself (no member of staff, no evidence): its id, or undefined when
   * the same one is already there — an open `register_broken` or `checkpoint_failed`, the
   * `retention_failed` of the same run (the unique indexes decide, across instances).
   */
  async raiseSystem(rule: SystemAlertRule, details: AlertDetails, at: Date, deliver: boolean): Promise<string | undefined> {
    const [row]: { id: string }[] = await this.dataSource.query(
      `INSERT INTO staff_alert (rule, staff_id, opened_at, window_start, window_end, evidence, details, webhook_next_at)
       VALUES ($1, NULL, $2, $2, $2, '{}', $3::jsonb, $4) ON CONFLICT DO NOTHING RETURNING id`,
      [rule, at, JSON.stringify(details), deliver ? at : null],
    );
    return row?.id;
  }

  async list(query: AlertsQuery): Promise<{ data: StaffAlert[]; total: number }> {
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    const where: string[] = [];
    if (query.status) where.push(`a.status = ${param(query.status)}`);
    if (query.rule) where.push(`a.rule = ${param(query.rule)}`);
    if (query.staffId) where.push(`a.staff_id = ${param(query.staffId)}`);
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const countParams = [...params];
    const page = `LIMIT ${param(query.perPage)} OFFSET ${param((query.page - 1) * query.perPage)}`;
    const [rows, [{ total }]] = await Promise.all([
      this.dataSource.query(`${SELECT} ${filter} ORDER BY a.opened_at ${query.order}, a.id ${query.order} ${page}`, params) as Promise<AlertRow[]>,
      this.dataSource.query(`SELECT count(*)::int AS total FROM staff_alert a ${filter}`, countParams) as Promise<{ total: number }[]>,
    ]);
    return { data: rows.map(toAlert), total };
  }

  async openCount(): Promise<number> {
    const [{ open }]: { open: number }[] = await this.dataSource.query(`SELECT count(*)::int AS open FROM staff_alert WHERE status = 'open'`);
    return open;
  }

  async find(id: string): Promise<StaffAlert | undefined> {
    const [row]: AlertRow[] = await this.dataSource.query(`${SELECT} WHERE a.id = $1`, [id]);
    return row ? toAlert(row) : undefined;
  }

  /** Resolves an open alert; false when it is not open (any more). */
  async resolve(id: string, status: AlertResolution, note: string, by: string, at: Date): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `WITH done AS (UPDATE staff_alert SET status = $2, note = $3, resolved_by = $4, resolved_at = $5 WHERE id = $1 AND status = 'open' RETURNING id)
       SELECT id FROM done`,
      [id, status, note, by, at],
    );
    return rows.length > 0;
  }

  /** One person's alerts whose evidence falls in a period, oldest first. */
  async ofStaff(staffId: string, from: Date, to: Date): Promise<StaffAlert[]> {
    const rows: AlertRow[] = await this.dataSource.query(`${SELECT} WHERE a.staff_id = $1 AND a.window_end >= $2 AND a.window_start < $3 ORDER BY a.window_start`, [
      staffId,
      from,
      to,
    ]);
    return rows.map(toAlert);
  }

  /** New alerts due for the webhook, taken for `leaseMs` so that another instance skips them meanwhile. */
  async claimDeliveries(at: Date, limit: number, leaseMs: number): Promise<PendingDelivery[]> {
    const rows: (AlertRow & { webhook_attempts: number })[] = await this.dataSource.query(
      `WITH claimed AS (
         UPDATE staff_alert SET webhook_next_at = $2
          WHERE id IN (SELECT id FROM staff_alert WHERE webhook_next_at <= $1 ORDER BY webhook_next_at, id LIMIT $3 FOR UPDATE SKIP LOCKED)
          RETURNING id, webhook_attempts)
       ${SELECT.replace('FROM staff_alert a', 'FROM staff_alert a JOIN claimed c ON c.id = a.id').replace('SELECT a.id,', 'SELECT c.webhook_attempts, a.id,')}`,
      [at, new Date(at.getTime() + leaseMs), limit],
    );
    return rows.map((r) => ({ alert: toAlert(r), attempts: r.webhook_attempts })).sort((a, b) => a.alert.openedAt.localeCompare(b.alert.openedAt));
  }

  async recordDelivery(id: string, outcome: { deliveredAt: Date } | { retryAt: Date; error: string }): Promise<void> {
    await this.dataSource.query(
      `UPDATE staff_alert SET webhook_attempts = webhook_attempts + 1, webhook_delivered_at = $2, webhook_next_at = $3, webhook_last_error = $4 WHERE id = $1`,
      'deliveredAt' in outcome ? [id, outcome.deliveredAt, null, null] : [id, null, outcome.retryAt, outcome.error],
    );
  }
}
