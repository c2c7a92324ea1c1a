import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { readOrCreateSecretFile } from '../common/secret-file';
import { newSigningKeyPem } from '../register/register-signing-key';

/** The files `secrets:init` writes, and what each holds: the names the production settings point at. */
export const SECRET_FILES = {
  'register-signing-key.pem': { setting: 'REGISTER_SIGNING_KEY_FILE', generate: newSigningKeyPem },
  'intake-hmac-secret': { setting: 'INTAKE_HMAC_SECRETS_FILE', generate: () => `${randomBytes(32).toString('base64url')}\n` },
  'platform-webhook-secret': { setting: 'PLATFORM_WEBHOOK_SECRET_FILE', generate: () => `${randomBytes(32).toString('base64url')}\n` },
  'alert-webhook-secret': { setting: 'ALERT_WEBHOOK_SECRET_FILE', generate: () => `${randomBytes(32).toString('base64url')}\n` },
} as const;

export interface InitialisedSecret {
  file: string;
  setting: string;
  created: boolean;
}

/**
 * Creates, in `dir`, every secret a production installation needs that is not there yet —
 * readable by its owner only, never overwritten (a new signing key would orphan the checkpoints
 * signed so far; a new intake secret would refuse the platform's reports). Says which it created,
 * never what they hold.
 */
export function initSecrets(dir: string): InitialisedSecret[] {
  return Object.entries(SECRET_FILES).map(([name, { setting, generate }]) => {
    const file = join(dir, name);
    return { file, setting, created: readOrCreateSecretFile(file, generate).created };
  });
}
