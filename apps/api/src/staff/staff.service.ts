import { Injectable } from '@nestjs/common';
import {
  type CreatedStaffAccount,
  type CreateStaffRequest,
  type CreateStaffWithPasswordRequest,
  isAllowedRoleSet,
  type PasswordLink,
  type STAFF_SORT_FIELDS,
  type StaffAccount,
  type StaffRole,
  type UpdateStaffRequest,
} from '@vigie/contracts';
import { QueryFailedError } from 'typeorm';
import { Clock } from '../common/clock';
import { DomainException, fieldProblems } from '../common/domain.exception';
import { assertAcceptable } from './account.service';
import type { ClientInfo } from './auth.service';
import { PasswordLinkService } from './password-link.service';
import { PasswordService } from './password.service';
import { RoleRequestRepository } from './role-request.repository';
import { type Requester, RoleRequestService } from './role-request.service';
import { SessionService } from './session.service';
import { StaffActivityRepository } from '../journal/staff-activity.repository';
import type { StaffUser } from './staff-user.entity';
import { StaffRepository } from './staff.repository';

/** Who acts: a signed-in admin, or the command line (no actor). */
export interface Actor extends ClientInfo {
  id: string | null;
}

/**
 * Staff accounts as admins (and the CLI) manage them. Through the API, roles given wait for a
 * second person (RoleRequestService) and passwords are set by their owner through a link; the
 * command line, run by operators with server access, acts at once.
 */
@Injectable()
export class StaffService {
  constructor(
    private readonly staff: StaffRepository,
    private readonly passwords: PasswordService,
    private readonly sessions: SessionService,
    private readonly activity: StaffActivityRepository,
    private readonly roleRequests: RoleRequestService,
    private readonly pendingRequests: RoleRequestRepository,
    private readonly passwordLinks: PasswordLinkService,
    private readonly clock: Clock,
  ) {}

  async list(query: { page: number; perPage: number; sort: (typeof STAFF_SORT_FIELDS)[number]; order: 'ASC' | 'DESC' }) {
    const [rows, total] = await this.staff.list({
      skip: (query.page - 1) * query.perPage,
      take: query.perPage,
      sort: query.sort,
      order: query.order,
    });
    const pending = await this.pendingRequests.pendingRolesOf(rows.map((row) => row.id));
    return { data: rows.map((row) => toAccount(row, pending.get(row.id))), total };
  }

  count(): Promise<number> {
    return this.staff.count();
  }

  async get(id: string): Promise<StaffAccount> {
    return this.withPending(await this.require(id));
  }

  /**
   * Through the API: the account starts with no password and no role; its roles wait for a second
   * person, and the admin hands over the link with which the person sets their password.
   */
  async create(request: CreateStaffRequest, actor: Requester): Promise<CreatedStaffAccount> {
    assertAllowedRoleSet(request.roles);
    const user = await this.insert({ ...request, roles: [], passwordHash: null });
    await this.activity.record('staff.created', { actorId: actor.id, subjectId: user.id, ...client(actor), details: { requestedRoles: request.roles } });
    await this.roleRequests.give(user, request.roles, actor);
    const passwordLink = await this.passwordLinks.issue(user.id, actor);
    return { ...(await this.withPending(user)), passwordLink };
  }

  /** From the command line (operators with server access): the account and its roles are effective at once. */
  async createByOperator(request: CreateStaffWithPasswordRequest): Promise<StaffAccount> {
    assertAllowedRoleSet(request.roles);
    assertAcceptable(await this.passwords.problems(request.password, request), 'password');
    const user = await this.insert({ ...request, passwordHash: await this.passwords.hash(request.password) });
    await this.activity.record('staff.created_by_cli', { actorId: null, subjectId: user.id, details: { roles: user.roles } });
    return toAccount(user);
  }

  /** A new password link for an existing account (the admin's "reset password"); its content roles wait for approval again. */
  async issuePasswordLink(id: string, actor: Requester): Promise<PasswordLink> {
    if (actor.id === id) throw new DomainException('self_change');
    const user = await this.require(id);
    await this.roleRequests.suspendContentRoles(user, actor);
    return this.passwordLinks.issue(id, actor);
  }

  private async insert(request: { email: string; name: string; roles: StaffRole[]; passwordHash: string | null }): Promise<StaffUser> {
    try {
      return await this.staff.insert({ ...request, at: this.clock.now() });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new DomainException('email_taken', { details: fieldProblems({ field: 'email', code: 'already_used', message: 'is already used' }) });
      }
      throw error;
    }
  }

  private async withPending(user: StaffUser): Promise<StaffAccount> {
    const pending = await this.pendingRequests.pendingRolesOf([user.id]);
    return toAccount(user, pending.get(user.id));
  }

  async update(id: string, changes: UpdateStaffRequest, actor: Actor): Promise<StaffAccount> {
    const before = await this.require(id);
    // Whoever could change their own roles could give themselves content access.
    const changesRoles = changes.roles !== undefined && !sameRoles(changes.roles, before.roles);
    const changesAccess = changes.disabled !== undefined && changes.disabled !== (before.disabledAt !== null);
    if (actor.id === id && (changesRoles || changesAccess)) throw new DomainException('self_change');
    if (changes.roles !== undefined) assertAllowedRoleSet(changes.roles);
    // Through the API, roles given wait for a second person; the command line gives them at once.
    if (changes.roles !== undefined && actor.id !== null) await this.roleRequests.give(before, changes.roles, { ...actor, id: actor.id });
    const now = this.clock.now();
    await this.staff.update(id, {
      ...(changes.name !== undefined ? { name: changes.name } : {}),
      ...(changes.roles !== undefined && actor.id === null ? { roles: changes.roles } : {}),
      ...(changes.disabled !== undefined ? { disabledAt: changes.disabled ? (before.disabledAt ?? now) : null } : {}),
      updatedAt: now,
    });
    const after = await this.require(id);
    const context = { actorId: actor.id, subjectId: id, ...client(actor) };
    if (changes.name !== undefined && changes.name !== before.name) await this.activity.record('staff.renamed', context);
    if (actor.id === null && changes.roles !== undefined && !sameRoles(before.roles, after.roles)) {
      await this.activity.record('staff.roles_changed', { ...context, details: { from: before.roles, to: after.roles } });
    }
    if (changes.disabled === true && !before.disabledAt) {
      await this.sessions.closeAllOf(id, undefined, 'account_disabled');
      await this.activity.record('staff.disabled', context);
    }
    if (changes.disabled === false && before.disabledAt) await this.activity.record('staff.enabled', context);
    return this.withPending(after);
  }

  async resetPassword(id: string, password: string, actor: Actor): Promise<void> {
    const user = await this.require(id);
    assertAcceptable(await this.passwords.problems(password, user), 'password');
    await this.staff.update(id, { passwordHash: await this.passwords.hash(password), updatedAt: this.clock.now() });
    await this.sessions.closeAllOf(id);
    await this.activity.record('password.reset', { actorId: actor.id, subjectId: id, ...client(actor) });
  }

  async findIdByEmail(email: string): Promise<string> {
    const user = await this.staff.findByEmail(email.trim().toLowerCase());
    if (!user) throw new DomainException('staff_not_found', { message: `No staff account for ${email}.` });
    return user.id;
  }

  private async require(id: string): Promise<StaffUser> {
    const user = await this.staff.findById(id);
    if (!user) throw new DomainException('staff_not_found');
    return user;
  }
}

function assertAllowedRoleSet(roles: StaffRole[]): void {
  if (!isAllowedRoleSet(roles)) {
    throw new DomainException('incompatible_roles', {
      details: fieldProblems({ field: 'roles', code: 'incompatible', message: 'moderator, lead, lead and moderator, dpo, or admin' }),
    });
  }
}

function client(actor: Actor): ClientInfo {
  return { ip: actor.ip, userAgent: actor.userAgent };
}

function sameRoles(a: StaffRole[], b: StaffRole[]): boolean {
  return a.length === b.length && a.every((r) => b.includes(r));
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505';
}

export function toAccount(user: StaffUser, pendingRoles: StaffRole[] = []): StaffAccount {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    roles: user.roles,
    pendingRoles,
    disabled: user.disabledAt !== null,
    mfaEnabled: user.totpEnabledAt !== null,
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
  };
}
