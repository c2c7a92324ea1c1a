import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Action, StaffRole } from '@vigie/contracts';
import type { FastifyRequest } from 'fastify';

export const ROUTE_ACTION = 'vigie:action';
export const OPEN_DURING_MFA_ENROLMENT = 'vigie:mfa-enrolment';

/**
 * What the route does, as an action of the contracts' permissions table: the global guard lets
 * through the roles `canAccess` allows for it. On a method, it overrides its controller's.
 */
export const Requires = (action: Action) => SetMetadata(ROUTE_ACTION, action);

/** Reachable by a session whose account must still enrol in MFA (profile, enrolment, logout). */
export const OpenDuringMfaEnrolment = () => SetMetadata(OPEN_DURING_MFA_ENROLMENT, true);

/** The signed-in staff member, as the session guard resolved it for this request. */
export interface AuthenticatedStaff {
  id: string;
  email: string;
  name: string;
  roles: StaffRole[];
  mfaEnabled: boolean;
  mfaEnrolmentRequired: boolean;
  sessionId: string;
  csrfToken: string;
  /** When this session last confirmed its password or code (a sign-in counts). */
  steppedUpAt: Date | null;
}

export type StaffRequest = FastifyRequest & { staff?: AuthenticatedStaff };

export const CurrentStaff = createParamDecorator((_data: unknown, context: ExecutionContext): AuthenticatedStaff => {
  const staff = context.switchToHttp().getRequest<StaffRequest>().staff;
  if (!staff) throw new Error('CurrentStaff used on a route without a staff session');
  return staff;
});
