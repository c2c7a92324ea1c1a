import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { AppConfig } from '../config/config';

/**
 * Structured JSON logs with the request id on every line. Only the method, the path (never
 * the query string, which can name a user) and the status are logged: no headers (cookies,
 * signatures), no bodies.
 */
export function loggingParams(config: AppConfig, destination?: DestinationStream): Params {
  return {
    pinoHttp: {
      level: config.LOG_LEVEL,
      // The id is Fastify's (see createApp); every line logged during a request carries it.
      quietReqLogger: true,
      customAttributeKeys: { reqId: 'requestId' },
      serializers: {
        req: (req: IncomingMessage & { id?: string }) => ({
          method: req.method,
          path: (req.url ?? '').split('?')[0],
        }),
        res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
      },
      customLogLevel: (_req: IncomingMessage, res: ServerResponse, error?: Error) =>
        error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
      // Probes every few seconds would drown the useful lines.
      autoLogging: { ignore: (req: IncomingMessage) => (req.url ?? '').startsWith('/api/health') },
      ...(destination ? { stream: destination } : {}),
    },
  };
}
