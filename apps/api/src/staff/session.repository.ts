import { Injectable } from '@nestjs/common';
import type { StaffRole } from '@vigie/contracts';
import { DataSource } from 'typeorm';
import { inRoleOrder } from './role-request.repository';
import { StaffSession } from './staff-session.entity';

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
}

@Injectable()
export class SessionRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(session: Omit<StaffSession, 'revokedAt'>): Promise<void> {
    await this.dataSource.getRepository(StaffSession).insert({ ...session, revokedAt: null });
  }

  /** The live session with its account as it is now: role changes and disabling apply at once. */
  async findLive(id: string): Promise<SessionWithStaff | undefined> {
    const rows: SessionWithStaff[] = await this.dataSource.query(
      `SELECT s.id, s.csrf_token AS "csrfToken", s.last_seen_at AS "lastSeenAt", s.expires_at AS "expiresAt",
              u.id AS "staffId", u.email, u.name, u.roles, u.disabled_at AS "disabledAt",
              (u.totp_enabled_at IS NOT NULL) AS "mfaEnabled",
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

  async revoke(id: string, at: Date): Promise<void> {
    await this.dataSource.query(`UPDATE staff_session SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL`, [id, at]);
  }

  async revokeAllOf(staffId: string, at: Date, exceptId?: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE staff_session SET revoked_at = $2
        WHERE staff_id = $1 AND revoked_at IS NULL AND ($3::text IS NULL OR id <> $3)`,
      [staffId, at, exceptId ?? null],
    );
  }
}
