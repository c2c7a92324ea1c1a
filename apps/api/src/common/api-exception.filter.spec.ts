import { type ArgumentsHost, BadRequestException, ForbiddenException, Logger } from '@nestjs/common';
import type { ApiErrorBody } from '@vigie/contracts';
import { GateRefusedException } from '../gate/gate.exception';
import { ApiExceptionFilter } from './api-exception.filter';
import { DomainException, InvalidInputException } from './domain.exception';
import type { SpaFallback } from './spa-fallback';

function hostFor(method = 'POST', url = '/api/v1/things') {
  const sent: { status?: number; body?: ApiErrorBody } = {};
  const reply = {
    status(code: number) {
      sent.status = code;
      return reply;
    },
    header() {
      return reply;
    },
    send(body: ApiErrorBody) {
      sent.body = body;
      return reply;
    },
  };
  const request = { method, url, raw: { id: 'req-123456789' } };
  const host = {
    switchToHttp: () => ({ getRequest: () => request, getResponse: () => reply }),
  } as unknown as ArgumentsHost;
  return { host, sent };
}

const noSpa = { serves: () => false, send: () => undefined } as unknown as SpaFallback;

describe('ApiExceptionFilter', () => {
  it('answers client errors in the documented shape, with the request id and details', () => {
    const { host, sent } = hostFor();
    new ApiExceptionFilter(noSpa).catch(
      new BadRequestException({ message: 'Invalid body: email (Required)', details: [{ field: 'email', message: 'Required' }] }),
      host,
    );
    expect(sent.status).toBe(400);
    expect(sent.body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'Invalid body: email (Required)',
      details: [{ field: 'email', message: 'Required' }],
      requestId: 'req-123456789',
    });
  });

  it('answers a domain error with the status of its code, its default message and its details', () => {
    const { host, sent } = hostFor();
    new ApiExceptionFilter(noSpa).catch(new DomainException('original_decider', { details: { caseId: 'c-1' } }), host);
    expect(sent.status).toBe(403);
    expect(sent.body).toEqual({
      statusCode: 403,
      error: 'Forbidden',
      message: 'An appeal goes to someone other than the original decider.',
      details: { code: 'original_decider', caseId: 'c-1' },
      requestId: 'req-123456789',
    });
  });

  it('keeps a more specific message, and the gate’s top-level reason', () => {
    const { host, sent } = hostFor();
    new ApiExceptionFilter(noSpa).catch(new GateRefusedException('grant_expired'), host);
    expect(sent.body).toEqual({
      statusCode: 410,
      error: 'Gone',
      message: 'This access grant has expired: ask for a new one.',
      reason: 'grant_expired',
      details: { code: 'grant_expired' },
      requestId: 'req-123456789',
    });
    new ApiExceptionFilter(noSpa).catch(new DomainException('stale_version', { message: 'Reload the case.' }), host);
    expect(sent.body).toMatchObject({ statusCode: 409, message: 'Reload the case.', details: { code: 'stale_version' } });
    expect(sent.body).not.toHaveProperty('reason');
  });

  it('answers a validation failure with the list of field problems as its details', () => {
    const { host, sent } = hostFor();
    const problems = [{ field: 'email', code: 'required' as const, message: 'required' }];
    new ApiExceptionFilter(noSpa).catch(new InvalidInputException('Invalid body: email (required)', problems), host);
    expect(sent.status).toBe(400);
    expect(sent.body).toEqual({ statusCode: 400, error: 'Bad Request', message: 'Invalid body: email (required)', details: problems, requestId: 'req-123456789' });
  });

  it('keeps a plain message', () => {
    const { host, sent } = hostFor();
    new ApiExceptionFilter(noSpa).catch(new ForbiddenException('Not yours'), host);
    expect(sent.body).toMatchObject({ statusCode: 403, error: 'Forbidden', message: 'Not yours' });
  });

  it('scrubs unexpected errors: no message, no stack, no SQL, only the request id', () => {
    const { host, sent } = hostFor();
    const error = Object.assign(new Error('duplicate key value violates unique constraint; Key (email)=(lea@example.org)'), {
      driverError: { code: '23505', constraint: 'uq_staff_email' },
    });
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    new ApiExceptionFilter(noSpa).catch(error, host);
    expect(sent.status).toBe(500);
    // The log keeps the driver's codes for diagnosis, never the values its message quotes.
    expect(JSON.stringify(logged.mock.calls)).toContain('uq_staff_email');
    expect(JSON.stringify(logged.mock.calls)).not.toContain('lea@example.org');
    logged.mockRestore();
    const text = JSON.stringify(sent.body);
    expect(text).not.toMatch(/lea@example\.org|duplicate|constraint|at /);
    expect(sent.body).toMatchObject({ statusCode: 500, error: 'Internal Server Error', requestId: 'req-123456789' });
  });

  it("maps Fastify's own errors to their status", () => {
    const { host, sent } = hostFor();
    new ApiExceptionFilter(noSpa).catch(
      Object.assign(new Error('Request body is too large'), { statusCode: 413, code: 'FST_ERR_CTP_BODY_TOO_LARGE' }),
      host,
    );
    expect(sent.status).toBe(413);
    expect(sent.body?.error).toBe('Payload Too Large');
  });
});
