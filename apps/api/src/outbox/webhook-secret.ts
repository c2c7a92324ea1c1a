import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { readOrCreateSecretFile } from '../common/secret-file';
import type { AppConfig } from '../config/config';

export const WEBHOOK_SECRET = Symbol('WEBHOOK_SECRET');

export interface WebhookSecret {
  secret: string;
  generatedFile?: string;
}

/** `PLATFORM_WEBHOOK_SECRET`, or outside production one generated once under `DATA_DIR`. */
export function loadWebhookSecret(config: AppConfig): WebhookSecret {
  return loadSigningSecret(config.PLATFORM_WEBHOOK_SECRET, config.DATA_DIR, 'platform-webhook-secret');
}

/** A configured HMAC secret, or outside production one generated once as `DATA_DIR/<fileName>`. */
export function loadSigningSecret(configured: string | undefined, dataDir: string, fileName: string): WebhookSecret {
  if (configured) return { secret: configured };
  const file = join(dataDir, fileName);
  const { value } = readOrCreateSecretFile(file, () => `${randomBytes(32).toString('base64url')}\n`);
  return { secret: value.trim(), generatedFile: file };
}
