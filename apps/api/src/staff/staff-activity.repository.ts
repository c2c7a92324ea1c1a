import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import type { StaffActivityEvent } from '@vigie/contracts';

export interface ActivityContext {
  actorId?: string | null;
  subjectId?: string | null;
  ip?: string | null;
  userAgent?: string | null;
  details?: Record<string, unknown>;
}

/** The staff-activity log: authentication and account events, append-only. */
@Injectable()
export class StaffActivityRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async record(event: StaffActivityEvent, context: ActivityContext): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO staff_activity (at, event, actor_id, subject_id, ip, user_agent, details)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        this.clock.now(),
        event,
        context.actorId ?? null,
        context.subjectId ?? null,
        context.ip ?? null,
        context.userAgent?.slice(0, 500) ?? null,
        JSON.stringify(context.details ?? {}),
      ],
    );
  }
}
