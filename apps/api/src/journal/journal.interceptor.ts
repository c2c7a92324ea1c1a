import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { type Observable, mergeMap } from 'rxjs';
import { requestClientOf } from '../common/request-client.decorator';
import { JOURNAL_RULE, type JournalRule } from './journal.decorators';
import { StaffActivityRepository } from './staff-activity.repository';

/** The session guard has put who asks on the request by the time a handler succeeded. */
type JournaledRequest = FastifyRequest & { staff?: { id: string } };

/**
 * Writes the journal entry of a `@Journal(event)` route once the handler succeeded, and before
 * the answer leaves: an action whose entry cannot be written fails instead of going unseen.
 */
@Injectable()
export class JournalInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly journal: StaffActivityRepository,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const rule = this.reflector.getAllAndOverride<JournalRule | undefined>(JOURNAL_RULE, [context.getHandler(), context.getClass()]);
    if (context.getType() !== 'http' || rule?.kind !== 'route') return next.handle();
    const request = context.switchToHttp().getRequest<JournaledRequest>();
    return next.handle().pipe(
      mergeMap(async (value: unknown) => {
        const staff = request.staff;
        const params = (request.params ?? {}) as Record<string, string>;
        const query = (request.query ?? {}) as Record<string, unknown>;
        const client = requestClientOf(request);
        await this.journal.record(rule.event, {
          actorId: staff?.id ?? null,
          subjectId: rule.subjectParam ? (params[rule.subjectParam] ?? null) : null,
          ip: client.ip,
          userAgent: client.userAgent,
          details: {
            route: `${request.method} ${request.routeOptions?.url ?? request.url.split('?')[0]}`,
            ...(Object.keys(params).length ? { params } : {}),
            ...(Object.keys(query).length ? { query } : {}),
          },
        });
        return value;
      }),
    );
  }
}
