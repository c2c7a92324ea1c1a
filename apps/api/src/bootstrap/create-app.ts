import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import { VersioningType } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { AppModule, type AppRuntime } from '../app.module';
import { REQUEST_ID_HEADER, requestIdFor } from '../common/request-id';
import { SpaFallback } from '../common/spa-fallback';

/** Request bodies above this are refused with 413 before they are parsed. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

/** Builds the whole application — the same one for `npm start`, the CLI and the tests. */
export async function createApp(runtime: AppRuntime): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.register(runtime),
    new FastifyAdapter({
      trustProxy: runtime.config.TRUST_PROXY,
      bodyLimit: BODY_LIMIT_BYTES,
      genReqId: requestIdFor,
    }),
    // rawBody: intake signatures are checked on the exact bytes received.
    { bufferLogs: true, abortOnError: false, rawBody: true },
  );
  app.useLogger(app.get(Logger));
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', async (request, reply) => {
      reply.header(REQUEST_ID_HEADER, request.id);
    });
  // Routes live under /api/v1/…; health is version-neutral (/api/health) for probes.
  app.setGlobalPrefix('api');
  app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' });

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // MUI injects its styles at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        scriptSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
      },
    },
  });

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Vigie — moderation backoffice API')
      .setDescription(
        'Reports from the platform, the moderation queue, the gate to reported conversations, the access register and retention.',
      )
      .setVersion('1')
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });

  const spa = app.get(SpaFallback);
  if (spa.available) {
    // The build writes .br and .gz beside each asset: served as they are, nothing compressed per request.
    app.useStaticAssets({ root: runtime.config.UI_DIST_DIR, prefix: '/', wildcard: false, index: false, preCompressed: true });
  }
  return app;
}
