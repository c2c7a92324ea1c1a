import { Injectable } from '@nestjs/common';
import { CONTENT_ROLES, type ListResponse, mayApproveRoles, type RoleRequest, type RoleRequestCause, type StaffRole } from '@vigie/contracts';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { DomainException } from '../common/domain.exception';
import type { ClientInfo } from './auth.service';
import { inRoleOrder, type RoleRequestRow, RoleRequestRepository } from './role-request.repository';
import { StaffActivityRepository } from '../journal/staff-activity.repository';
import type { AuthenticatedStaff } from './staff.decorators';

/** Who gives or decides: a signed-in admin or lead. */
export interface Requester extends ClientInfo {
  id: string;
}

type Approver = Pick<AuthenticatedStaff, 'id' | 'roles' | 'pendingRoles'> & ClientInfo;

/**
 * Four eyes on roles: a role given through the API is a request; `staff_user.roles` changes only
 * when a second person approves it. Removing a role is not giving one: it applies at once.
 */
@Injectable()
export class RoleRequestService {
  constructor(
    private readonly requests: RoleRequestRepository,
    private readonly activity: StaffActivityRepository,
    private readonly clock: Clock,
  ) {}

  /**
   * The account shall hold `target` (an allowed set): roles it loses go at once, roles it gains
   * wait for approval. Asking again for what is already pending changes nothing.
   */
  async give(account: { id: string; roles: StaffRole[] }, target: StaffRole[], requester: Requester): Promise<void> {
    const at = this.clock.now();
    const kept = account.roles.filter((role) => target.includes(role));
    const gained = target.filter((role) => !account.roles.includes(role));
    const requested = await this.requests.transaction(async (m) => {
      const pending = await this.requests.findPendingOf(m, account.id);
      if (pending && sameRoles(pending.requestedRoles, target)) return false;
      if (kept.length !== account.roles.length) await this.requests.setRoles(m, account.id, kept, at);
      if (gained.length === 0) {
        await this.requests.supersede(m, account.id, at);
        return false;
      }
      await this.requests.insert(m, { staffId: account.id, requestedRoles: target, cause: 'roles_given', requestedBy: requester.id, at });
      return true;
    });
    const context = { actorId: requester.id, subjectId: account.id, ip: requester.ip, userAgent: requester.userAgent };
    if (kept.length !== account.roles.length) {
      await this.activity.record('staff.roles_changed', { ...context, details: { from: inRoleOrder(account.roles), to: inRoleOrder(kept) } });
    }
    if (requested) {
      await this.activity.record('staff.roles_requested', { ...context, details: { from: inRoleOrder(kept), requested: inRoleOrder(target), cause: 'roles_given' } });
    }
  }

  /**
   * Whoever holds a password link could sign in as the account: its content roles are suspended
   * until a second person approves them again (the link's issuer cannot).
   */
  async suspendContentRoles(account: { id: string; roles: StaffRole[] }, requester: Requester): Promise<void> {
    const suspended = account.roles.filter((role) => CONTENT_ROLES.includes(role));
    const at = this.clock.now();
    const cause: RoleRequestCause = 'password_link';
    const target = await this.requests.transaction(async (m): Promise<StaffRole[] | undefined> => {
      const pending = await this.requests.findPendingOf(m, account.id);
      if (suspended.length === 0 && !pending) return undefined;
      const wanted = pending?.requestedRoles ?? account.roles;
      await this.requests.setRoles(m, account.id, account.roles.filter((role) => !suspended.includes(role)), at);
      // The issuer becomes the requester of what stays pending, so that they cannot approve it.
      await this.requests.insert(m, { staffId: account.id, requestedRoles: wanted, cause, requestedBy: requester.id, at });
      return wanted;
    });
    if (!target) return;
    const context = { actorId: requester.id, subjectId: account.id, ip: requester.ip, userAgent: requester.userAgent };
    if (suspended.length > 0) await this.activity.record('staff.roles_suspended', { ...context, details: { roles: inRoleOrder(suspended) } });
    await this.activity.record('staff.roles_requested', { ...context, details: { requested: inRoleOrder(target), cause } });
  }

  /** Pending requests the caller's roles could decide, with the names that say whose they are. */
  async listPending(me: Approver): Promise<ListResponse<RoleRequest>> {
    const rows = (await this.requests.listPending()).filter((row) => mayApproveRoles(me.roles, row.requestedRoles));
    return { data: rows.map((row) => toRoleRequest(row, refusalOf(row, me) === undefined)), total: rows.length };
  }

  async approve(id: string, me: Approver): Promise<void> {
    await this.decide(id, me, 'approved');
  }

  async reject(id: string, me: Approver): Promise<void> {
    await this.decide(id, me, 'rejected');
  }

  private async decide(id: string, me: Approver, status: 'approved' | 'rejected'): Promise<void> {
    const at = this.clock.now();
    const row = await this.requests.transaction(async (m: EntityManager) => {
      const pending = await this.requests.findPending(m, id);
      if (!pending) throw new DomainException('role_request_not_found');
      const refusal = refusalOf(pending, me);
      if (refusal) throw new DomainException(refusal);
      await this.requests.decide(m, id, { status, by: me.id, at });
      if (status === 'approved') await this.requests.setRoles(m, pending.staffId, pending.requestedRoles, at);
      return pending;
    });
    await this.activity.record(status === 'approved' ? 'staff.roles_approved' : 'staff.roles_rejected', {
      actorId: me.id,
      subjectId: row.staffId,
      ip: me.ip,
      userAgent: me.userAgent,
      details: { requestId: id, from: inRoleOrder(row.currentRoles), requested: inRoleOrder(row.requestedRoles), requestedBy: row.requestedById },
    });
  }
}

/**
 * Why `me` may not decide this request: never the requester nor the account concerned; never
 * someone whose own role is still pending; and only the roles that approve what is asked.
 */
function refusalOf(row: RoleRequestRow, me: Approver): 'own_request' | 'approval_not_allowed' | undefined {
  if (row.requestedById === me.id || row.staffId === me.id) return 'own_request';
  if (me.pendingRoles.length > 0 || !mayApproveRoles(me.roles, row.requestedRoles)) return 'approval_not_allowed';
  return undefined;
}

function toRoleRequest(row: RoleRequestRow, canDecide: boolean): RoleRequest {
  return {
    id: row.id,
    staff: { id: row.staffId, name: row.staffName, email: row.staffEmail },
    currentRoles: inRoleOrder(row.currentRoles),
    requestedRoles: inRoleOrder(row.requestedRoles),
    cause: row.cause,
    requestedBy: row.requestedById ? { id: row.requestedById, name: row.requestedByName ?? '' } : null,
    requestedAt: row.requestedAt.toISOString(),
    canDecide,
  };
}

function sameRoles(a: readonly StaffRole[], b: readonly StaffRole[]): boolean {
  return a.length === b.length && a.every((role) => b.includes(role));
}
