import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { readOrCreateSecretFile } from '../common/secret-file';
import type { AppConfig } from '../config/config';

export const INTAKE_SECRETS = Symbol('INTAKE_SECRETS');

export interface IntakeSecrets {
  secrets: string[];
  /** Set when the secret was generated under DATA_DIR (development and demos), to be shown at start. */
  generatedFile?: string;
}

/** `INTAKE_HMAC_SECRETS`, or outside production a secret generated once under `DATA_DIR`. */
export function loadIntakeSecrets(config: AppConfig): IntakeSecrets {
  if (config.INTAKE_HMAC_SECRETS) return { secrets: config.INTAKE_HMAC_SECRETS };
  const file = join(config.DATA_DIR, 'intake-hmac-secret');
  const { value } = readOrCreateSecretFile(file, () => `${randomBytes(32).toString('base64url')}\n`);
  return { secrets: [value.trim()], generatedFile: file };
}
