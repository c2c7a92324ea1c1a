import { applyDecorators, createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { Action, StaffRole } from '@vigie/contracts';
import type { FastifyRequest } from 'fastify';

export const ROUTE_ACTION = 'vigie:action';
export const OPEN_DURING_MFA_ENROLMENT = 'vigie:mfa-enrolment';

/** The OpenAPI extension that names each operation's action (the authorisation matrix reads it). */
export const ACTION_EXTENSION = 'x-vigie-action';

/**
 * What the route does, as an action of the contracts' permissions table: the global guard lets
 * through the roles `canAccess` allows for it. On a method, it overrides its controller's; the
 * OpenAPI document shows it on each operation.
 */
export const Requires = (action: Action) => applyDecorators(SetMetadata(ROUTE_ACTION, action), ApiExtension(ACTION_EXTENSION, action));

/** Reachable by a session whose account must still enrol in MFA (profile, enrolment, logout). */
export const OpenDuringMfaEnrolment = () => SetMetadata(OPEN_DURING_MFA_ENROLMENT, true);

/** The signed-in staff member, as the session guard resolved it for this request. */
export interface AuthenticatedStaff {
  id: string;
  email: string;
  name: string;
  /** Approved roles only: these are what the account acts with. */
  roles: StaffRole[];
  /** Given, waiting for a second person's approval; they grant nothing. */
  pendingRoles: StaffRole[];
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
