import { Inject, Injectable, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { APP_CONFIG, type AppConfig } from '../config/config';

/**
 * The backoffice is a single-page app: any GET outside `/api` that matches no file is one of
 * its routes, answered with its `index.html`.
 */
@Injectable()
export class SpaFallback {
  private readonly indexHtml?: Buffer;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const index = join(config.UI_DIST_DIR, 'index.html');
    if (existsSync(index)) this.indexHtml = readFileSync(index);
    else new Logger('SpaFallback').warn(`No built backoffice at ${config.UI_DIST_DIR}: only the API is served.`);
  }

  get available(): boolean {
    return this.indexHtml !== undefined;
  }

  serves(request: FastifyRequest): boolean {
    const path = request.url.split('?')[0];
    return (
      this.indexHtml !== undefined &&
      (request.method === 'GET' || request.method === 'HEAD') &&
      path !== '/api' &&
      !path.startsWith('/api/')
    );
  }

  send(reply: FastifyReply): void {
    void reply
      .status(200)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(this.indexHtml);
  }
}
