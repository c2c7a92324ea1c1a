import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Clock } from '../common/clock';
import { DomainException } from '../common/domain.exception';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { IntakeRepository } from './intake.repository';

const WINDOW_MS = 60_000;

/**
 * `INTAKE_RATE_LIMIT_PER_MINUTE` requests per client address and minute, every intake route and
 * every API instance together (the count is kept in PostgreSQL). A fixed window: the minute of
 * the app's clock. Over the limit a request is refused before its signature is even checked.
 */
@Injectable()
export class IntakeRateLimitGuard implements CanActivate {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly intake: IntakeRepository,
    private readonly clock: Clock,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    // The address as Fastify sees it: the peer's, or with TRUST_PROXY the load balancer's X-Forwarded-For.
    const client = context.switchToHttp().getRequest<FastifyRequest>().ip;
    const now = this.clock.now().getTime();
    const windowStart = now - (now % WINDOW_MS);
    const hits = await this.intake.countRequest(client, new Date(windowStart));
    if (hits <= this.config.INTAKE_RATE_LIMIT_PER_MINUTE) return true;
    throw new DomainException('rate_limited', { details: { retryAfterSeconds: Math.ceil((windowStart + WINDOW_MS - now) / 1000) } });
  }
}
