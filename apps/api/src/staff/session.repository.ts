import { Injectable } from '@nestjs/common';
import type { StaffRole } from '@vigie/contracts';
import { DataSource } from 'typeorm';
import { inRoleOrder } from './role-request.repository';
import { type SessionEnd, StaffSession } from './staff-session.entity';

export interface SessionWithStaff {
  id: string;
  csrfToken: string;
  lastSeenAt: Date;
  expiresAt: Date;
  staffId: string;
  email: string;
  name: string;
  roles: StaffRole[];
  /** Roles given and waiting for approval: they grant nothing yet. */
  pendingRoles: StaffRole[];
  disabledAt: Date | null;
  mfaEnabled: boolean;
  steppedUpAt: Date | null;
}

/** A session as a grant it obtained sees it: alive, or how it ended. */
export interface SessionState {
  revokedAt: Date | null;
  endedBy: SessionEnd | null;
  lastSeenAt: Date;
  expiresAt: Date;
}

@Injectable()
export class SessionRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(session: Omit<StaffSession, 'revokedAt' | 'endedBy'>): Promise<void> {
    await this.dataSource.getRepository(StaffSession).insert({ ...session, revokedAt: null, endedBy: null });
  }

  /** The live session with its account as it is now: role changes and disabling apply at once. */
  async findLive(id: string): Promise<SessionWithStaff | undefined> {
    const rows: SessionWithStaff[] = await this.dataSource.query(
      `SELECT s.id, s.csrf_token AS "csrfToken", s.last_seen_at AS "lastSeenAt", s.expires_at AS "expiresAt",
              u.id AS "staffId", u.email, u.name, u.roles, u.disabled_at AS "disabledAt",
              (u.totp_enabled_at IS NOT NULL) AS "mfaEnabled", s.stepped_up_at AS "steppedUpAt",
              ARRAY(SELECT unnest(r.requested_roles) EXCEPT SELECT unnest(u.roles)) AS "pendingRoles"
         FROM staff_session s JOIN staff_user u ON u.id = s.staff_id
         LEFT JOIN staff_role_request r ON r.staff_id = u.id AND r.status = 'pending'
        WHERE s.id = $1 AND s.revoked_at IS NULL`,
      [id],
    );
    return rows[0] && { ...rows[0], pendingRoles: inRoleOrder(rows[0].pendingRoles) };
  }

  async touch(id: string, at: Date): Promise<void> {
    await this.dataSource.query(`UPDATE staff_session SET last_seen_at = $2 WHERE id = $1`, [id, at]);
  }

  async stepUp(id: string, at: Date): Promise<void> {
    await this.dataSource.query(`UPDATE staff_session SET stepped_up_at = $2 WHERE id = $1 AND revoked_at IS NULL`, [id, at]);
  }

  async state(id: string): Promise<SessionState | undefined> {
    const rows: SessionState[] = await this.dataSource.query(
      `SELECT revoked_at AS "revokedAt", ended_by AS "endedBy", last_seen_at AS "lastSeenAt", expires_at AS "expiresAt"
         FROM staff_session WHERE id = $1`,
      [id],
    );
    return rows[0];
  }

  async revoke(id: string, at: Date, endedBy: SessionEnd): Promise<void> {
    await this.dataSource.query(`UPDATE staff_session SET revoked_at = $2, ended_by = $3 WHERE id = $1 AND revoked_at IS NULL`, [id, at, endedBy]);
  }

  async revokeAllOf(staffId: string, at: Date, endedBy: SessionEnd, exceptId?: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE staff_session SET revoked_at = $2, ended_by = $3
        WHERE staff_id = $1 AND revoked_at IS NULL AND ($4::text IS NULL OR id <> $4)`,
      [staffId, at, endedBy, exceptId ?? null],
    );
  }
}
