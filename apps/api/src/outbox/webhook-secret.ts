import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from '../config/config';

export const WEBHOOK_SECRET = Symbol('WEBHOOK_SECRET');

export interface WebhookSecret {
  secret: string;
  generatedFile?: string;
}

/** `PLATFORM_WEBHOOK_SECRET`, or outside production one generated once under `DATA_DIR`. */
export function loadWebhookSecret(config: AppConfig): WebhookSecret {
  if (config.PLATFORM_WEBHOOK_SECRET) return { secret: config.PLATFORM_WEBHOOK_SECRET };
  const file = join(config.DATA_DIR, 'platform-webhook-secret');
  if (!existsSync(file)) {
    mkdirSync(config.DATA_DIR, { recursive: true });
    writeFileSync(file, `${randomBytes(32).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
  }
  return { secret: readFileSync(file, 'utf8').trim(), generatedFile: file };
}
