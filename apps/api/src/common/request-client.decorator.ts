import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { requestIdOf } from './request-id';

/** Who sent a request, as the access register records it. */
export interface RequestClient {
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}

export function requestClientOf(request: FastifyRequest): RequestClient {
  const agent = request.headers['user-agent'];
  return {
    ip: request.ip ?? null,
    userAgent: typeof agent === 'string' ? agent.slice(0, 512) : null,
    requestId: requestIdOf(request.raw) ?? null,
  };
}

export const Client = createParamDecorator((_data: unknown, context: ExecutionContext): RequestClient =>
  requestClientOf(context.switchToHttp().getRequest<FastifyRequest>()),
);
