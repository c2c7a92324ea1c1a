import { Injectable } from '@nestjs/common';
import { type RoleRequestCause, STAFF_ROLES, type StaffRole } from '@vigie/contracts';
import { DataSource, type EntityManager } from 'typeorm';

export interface RoleRequestRow {
  id: string;
  staffId: string;
  staffName: string;
  staffEmail: string;
  currentRoles: StaffRole[];
  requestedRoles: StaffRole[];
  cause: RoleRequestCause;
  requestedById: string | null;
  requestedByName: string | null;
  requestedAt: Date;
}

const SELECT_PENDING = `
  SELECT r.id, r.staff_id AS "staffId", u.name AS "staffName", u.email AS "staffEmail", u.roles AS "currentRoles",
         r.requested_roles AS "requestedRoles", r.cause, r.requested_by AS "requestedById", b.name AS "requestedByName",
         r.requested_at AS "requestedAt"
    FROM staff_role_request r
    JOIN staff_user u ON u.id = r.staff_id
    LEFT JOIN staff_user b ON b.id = r.requested_by
   WHERE r.status = 'pending'`;

/** Role requests: roles given through the API wait here for a second person. */
@Injectable()
export class RoleRequestRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  listPending(): Promise<RoleRequestRow[]> {
    return this.dataSource.query(`${SELECT_PENDING} ORDER BY r.requested_at ASC, r.id ASC`);
  }

  async findPending(m: EntityManager, id: string): Promise<RoleRequestRow | undefined> {
    const rows: RoleRequestRow[] = await m.query(`${SELECT_PENDING} AND r.id = $1 FOR UPDATE OF r`, [id]);
    return rows[0];
  }

  async findPendingOf(m: EntityManager, staffId: string): Promise<RoleRequestRow | undefined> {
    const rows: RoleRequestRow[] = await m.query(`${SELECT_PENDING} AND r.staff_id = $1 FOR UPDATE OF r`, [staffId]);
    return rows[0];
  }

  /** The roles each account waits for, beyond those it holds (for the staff list). */
  async pendingRolesOf(staffIds: string[]): Promise<Map<string, StaffRole[]>> {
    if (staffIds.length === 0) return new Map();
    const rows: { staffId: string; pending: StaffRole[] }[] = await this.dataSource.query(
      `SELECT r.staff_id AS "staffId", ARRAY(SELECT unnest(r.requested_roles) EXCEPT SELECT unnest(u.roles)) AS pending
         FROM staff_role_request r JOIN staff_user u ON u.id = r.staff_id
        WHERE r.status = 'pending' AND r.staff_id = ANY($1::uuid[])`,
      [staffIds],
    );
    return new Map(rows.map((row) => [row.staffId, inRoleOrder(row.pending)]));
  }

  /** A new request supersedes the account's pending one, if any. */
  async insert(
    m: EntityManager,
    request: { staffId: string; requestedRoles: StaffRole[]; cause: RoleRequestCause; requestedBy: string | null; at: Date },
  ): Promise<string> {
    await this.supersede(m, request.staffId, request.at);
    const rows: { id: string }[] = await m.query(
      `INSERT INTO staff_role_request (staff_id, requested_roles, cause, requested_by, requested_at)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [request.staffId, inRoleOrder(request.requestedRoles), request.cause, request.requestedBy, request.at],
    );
    return rows[0].id;
  }

  async supersede(m: EntityManager, staffId: string, at: Date): Promise<void> {
    await m.query(`UPDATE staff_role_request SET status = 'superseded', decided_at = $2 WHERE staff_id = $1 AND status = 'pending'`, [staffId, at]);
  }

  async decide(m: EntityManager, id: string, decision: { status: 'approved' | 'rejected'; by: string; at: Date }): Promise<void> {
    await m.query(`UPDATE staff_role_request SET status = $2, decided_by = $3, decided_at = $4 WHERE id = $1 AND status = 'pending'`, [
      id,
      decision.status,
      decision.by,
      decision.at,
    ]);
  }

  async setRoles(m: EntityManager, staffId: string, roles: StaffRole[], at: Date): Promise<void> {
    await m.query(`UPDATE staff_user SET roles = $2, updated_at = $3 WHERE id = $1`, [staffId, inRoleOrder(roles), at]);
  }
}

export function inRoleOrder(roles: readonly StaffRole[]): StaffRole[] {
  return STAFF_ROLES.filter((role) => roles.includes(role));
}
