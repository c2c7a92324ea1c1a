import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/**
 * Failed sign-ins counted per key (`email:…`, `ip:…`) in PostgreSQL, so that every API instance
 * sees the same counts. Keys exist for unknown e-mail addresses too: a lockout says nothing
 * about whether an account exists.
 */
@Injectable()
export class LoginThrottleRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The latest lock still in force among these keys. */
  async lockedUntil(keys: string[], now: Date): Promise<Date | undefined> {
    const rows: { until: Date | null }[] = await this.dataSource.query(
      `SELECT max(locked_until) AS until FROM login_throttle WHERE key = ANY($1) AND locked_until > $2`,
      [keys, now],
    );
    return rows[0]?.until ?? undefined;
  }

  /** Counts a failure (the count restarts after an hour without one) and returns the new count. */
  async recordFailure(key: string, now: Date): Promise<number> {
    const rows: { failures: number }[] = await this.dataSource.query(
      `INSERT INTO login_throttle (key, failures, last_failure_at) VALUES ($1, 1, $2)
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN login_throttle.last_failure_at < $2::timestamptz - interval '1 hour'
                         THEN 1 ELSE login_throttle.failures + 1 END,
         last_failure_at = $2
       RETURNING failures`,
      [key, now],
    );
    return rows[0].failures;
  }

  async lock(key: string, until: Date): Promise<void> {
    await this.dataSource.query(`UPDATE login_throttle SET locked_until = $2 WHERE key = $1`, [key, until]);
  }

  async clear(key: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM login_throttle WHERE key = $1`, [key]);
  }
}
