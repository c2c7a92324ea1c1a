import { type CanActivate, type ExecutionContext, HttpStatus, Inject, Injectable, Logger, type RawBodyRequest } from '@nestjs/common';
import { verifySignature } from '@vigie/intake-client';
import type { FastifyRequest } from 'fastify';
import { Clock } from '../common/clock';
import { DomainException } from '../common/domain.exception';
import { INTAKE_SECRETS, type IntakeSecrets } from './intake-secrets';

const MESSAGES = {
  missing: 'X-Signature header is missing.',
  malformed: 'X-Signature must read t=<unix seconds>,v1=<hex HMAC-SHA256>.',
  expired: 'X-Signature timestamp is more than 300 s away from now: check the clock, sign each attempt anew.',
  mismatch: 'X-Signature does not match the body: sign the exact bytes sent, with the current secret.',
} as const;

/** Intake routes answer only requests signed by the platform (they need no staff session). */
@Injectable()
export class IntakeSignatureGuard implements CanActivate {
  private readonly logger = new Logger('Intake');

  constructor(
    @Inject(INTAKE_SECRETS) private readonly secrets: IntakeSecrets,
    private readonly clock: Clock,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<RawBodyRequest<FastifyRequest>>();
    const header = request.headers['x-signature'];
    const result = verifySignature(
      request.rawBody ?? Buffer.alloc(0),
      Array.isArray(header) ? header[0] : header,
      this.secrets.secrets,
      Math.floor(this.clock.now().getTime() / 1000),
    );
    if (result === 'ok') return true;
    this.logger.warn({ rejected: 'signature', reason: result }, 'Intake request refused');
    throw new DomainException(HttpStatus.UNAUTHORIZED, `signature_${result}`, MESSAGES[result]);
  }
}
