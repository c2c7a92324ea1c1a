import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';
import { type ApiErrorBody, statusOfCode } from '@vigie/contracts';
import { DomainException, InvalidInputException } from './domain.exception';
import { requestIdOf } from './request-id';
import { SpaFallback } from './spa-fallback';

/**
 * The one place that turns an exception into an HTTP answer of the documented shape
 * `{ statusCode, error, message, details?, requestId }`. A domain error's status comes from its
 * code, through the contracts' `ERROR_CODES`. Anything unexpected becomes a 500
 * that says nothing of its cause; the cause goes to the log, without driver details that
 * could quote personal data.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  constructor(private readonly spa: SpaFallback) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const requestId = requestIdOf(request.raw);

    const status = statusOf(exception);
    if (status === HttpStatus.NOT_FOUND && this.spa.serves(request)) {
      this.spa.send(reply);
      return;
    }

    // Domain errors and HttpExceptions are deliberate answers, whatever their status; anything
    // else is a fault.
    const deliberate = exception instanceof DomainException || exception instanceof HttpException || status < 500;
    const body: ApiErrorBody =
      exception instanceof DomainException
        ? domainError(exception, status, requestId)
        : deliberate
          ? deliberateError(exception, status, requestId)
          : this.internalError(exception, status, requestId);
    const retryAfter = (body.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
    if (typeof retryAfter === 'number') void reply.header('retry-after', String(retryAfter));
    void reply.status(status).header('content-type', 'application/json; charset=utf-8').send(body);
  }

  private internalError(exception: unknown, status: number, requestId?: string): ApiErrorBody {
    this.logger.error({ requestId, err: describe(exception) }, 'Unhandled error');
    return {
      statusCode: status,
      error: STATUS_CODES[status] ?? 'Internal Server Error',
      message: 'An unexpected error occurred. Quote the request id when reporting it.',
      requestId,
    };
  }
}

function statusOf(exception: unknown): number {
  if (exception instanceof DomainException) return statusOfCode(exception.code);
  // The framework's own answers (an unknown route, say).
  if (exception instanceof HttpException) return exception.getStatus();
  // Fastify's own errors (body too large, malformed JSON, unsupported media type) carry a status.
  const status = (exception as { statusCode?: unknown } | null)?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 600) return status;
  return HttpStatus.INTERNAL_SERVER_ERROR;
}

function domainError(exception: DomainException, status: number, requestId?: string): ApiErrorBody {
  return {
    statusCode: status,
    error: STATUS_CODES[status] ?? 'Error',
    message: exception.message,
    ...(exception.reason === undefined ? {} : { reason: exception.reason }),
    details: exception instanceof InvalidInputException ? exception.problems : { code: exception.code, ...exception.details },
    requestId,
  };
}

function deliberateError(exception: unknown, status: number, requestId?: string): ApiErrorBody {
  const error = STATUS_CODES[status] ?? 'Error';
  if (exception instanceof HttpException) {
    const response = exception.getResponse();
    if (typeof response === 'string') return { statusCode: status, error, message: response, requestId };
    const { message, details, reason } = response as { message?: unknown; details?: unknown; reason?: unknown };
    return {
      statusCode: status,
      error,
      message: Array.isArray(message) ? message.join('; ') : String(message ?? error),
      ...(typeof reason === 'string' ? { reason } : {}),
      ...(details === undefined ? {} : { details }),
      requestId,
    };
  }
  const message = (exception as { message?: unknown }).message;
  return { statusCode: status, error, message: typeof message === 'string' ? message : error, requestId };
}

/** What may be logged of an unexpected error: its kind and where it came from, not the data it quotes. */
function describe(exception: unknown): Record<string, unknown> {
  if (!(exception instanceof Error)) return { type: typeof exception };
  const driver = (exception as { driverError?: { code?: string; constraint?: string; table?: string } }).driverError;
  return {
    type: exception.name,
    // PostgreSQL messages can quote row values ("Key (email)=(…)"): keep only codes.
    ...(driver
      ? { sqlState: driver.code, constraint: driver.constraint, table: driver.table }
      : { message: exception.message }),
    stack: exception.stack?.split('\n').slice(1, 8).join('\n'),
  };
}
