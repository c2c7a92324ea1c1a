import { type CanActivate, type ExecutionContext, Inject, Injectable, Logger, type RawBodyRequest } from '@nestjs/common';
import type { ErrorCode } from '@vigie/contracts';
import { verifySignature } from '@vigie/intake-client';
import type { FastifyRequest } from 'fastify';
import { Clock } from '../common/clock';
import { DomainException } from '../common/domain.exception';
import { INTAKE_SECRETS, type IntakeSecrets } from './intake-secrets';

const CODES = {
  missing: 'signature_missing',
  malformed: 'signature_malformed',
  expired: 'signature_expired',
  mismatch: 'signature_mismatch',
} as const satisfies Record<string, ErrorCode>;

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
    throw new DomainException(CODES[result]);
  }
}
