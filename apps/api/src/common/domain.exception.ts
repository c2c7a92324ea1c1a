import { HttpException } from '@nestjs/common';

/**
 * An error of the domain, with a stable code clients can act on (`details.code`). The filter
 * answers it as `{ statusCode, error, message, details: { code, … } }`.
 */
export class DomainException extends HttpException {
  constructor(
    status: number,
    readonly code: string,
    message: string,
    extra: Record<string, unknown> = {},
  ) {
    super({ message, details: { code, ...extra } }, status);
  }
}
