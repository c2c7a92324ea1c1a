import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { type Action, canAccess, rolesFor } from '@vigie/contracts';
import { DomainException } from '../common/domain.exception';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { requiresMfa } from './mfa-policy';
import { SessionService, sameToken } from './session.service';
import { PUBLIC_ROUTE } from '../common/public.decorator';
import { OPEN_DURING_MFA_ENROLMENT, ROUTE_ACTION, type StaffRequest } from './staff.decorators';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The global guard: every route needs a live staff session unless it is marked `@Public`.
 * Then, in order: CSRF token on mutating requests, MFA enrolment when the roles require it,
 * and the action the route names (`@Requires`), decided by the contracts' `canAccess`. A route
 * that names no action is refused: deny by default.
 */
@Injectable()
export class SessionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<string | undefined>(PUBLIC_ROUTE, targets)) return true;

    const request = context.switchToHttp().getRequest<StaffRequest>();
    const check = await this.sessions.check(request.cookies?.[this.sessions.cookieName]);
    if (!check.ok) throw new DomainException(check.reason);
    const { session } = check;

    if (!SAFE_METHODS.has(request.method) && !sameToken(header(request, 'x-csrf-token'), session.csrfToken)) {
      throw new DomainException('csrf');
    }

    // Counting the pending roles too: the person enrols while the approval is on its way.
    const mfaEnrolmentRequired = !session.mfaEnabled && requiresMfa([...session.roles, ...session.pendingRoles], this.config);
    request.staff = {
      id: session.staffId,
      email: session.email,
      name: session.name,
      roles: session.roles,
      pendingRoles: session.pendingRoles,
      mfaEnabled: session.mfaEnabled,
      mfaEnrolmentRequired,
      sessionId: session.id,
      csrfToken: session.csrfToken,
      steppedUpAt: session.steppedUpAt,
    };

    if (mfaEnrolmentRequired && !this.reflector.getAllAndOverride<boolean>(OPEN_DURING_MFA_ENROLMENT, targets)) {
      throw new DomainException('mfa_enrolment_required');
    }

    const action = this.reflector.getAllAndOverride<Action | undefined>(ROUTE_ACTION, targets);
    // A forgotten @Requires is a fault of the code (the route-coverage test catches it), not a 403.
    if (!action) throw new Error(`${context.getClass().name}.${context.getHandler().name} names no action: add @Requires or @Public`);
    if (!canAccess(session.roles, action)) {
      // Only the approval is missing: say so, the person has nothing else to ask for.
      if (canAccess([...session.roles, ...session.pendingRoles], action)) throw new DomainException('role_pending');
      throw new DomainException('role', { message: `This needs one of the roles: ${rolesFor(action).join(', ')}.` });
    }
    return true;
  }
}

function header(request: StaffRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
