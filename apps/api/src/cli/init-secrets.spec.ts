import { createPrivateKey } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../config/config';
import { initSecrets } from './init-secrets';

describe('secrets:init', () => {
  const read = (dir: string, name: string) => readFileSync(join(dir, name), 'utf8');

  it('creates every secret production needs, for its owner only, and a configuration that reads them starts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-secrets-'));
    const created = initSecrets(dir);
    expect(created.map((s) => [s.file, s.created])).toEqual([
      [join(dir, 'register-signing-key.pem'), true],
      [join(dir, 'intake-hmac-secret'), true],
      [join(dir, 'platform-webhook-secret'), true],
      [join(dir, 'alert-webhook-secret'), true],
    ]);
    for (const { file } of created) expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(createPrivateKey(read(dir, 'register-signing-key.pem')).asymmetricKeyType).toBe('ed25519');
    expect(read(dir, 'intake-hmac-secret')).not.toBe(read(dir, 'platform-webhook-secret'));

    const config = loadConfig({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://db/vigie',
      ...Object.fromEntries(created.map((s) => [s.setting, s.file])),
    });
    expect(config.INTAKE_HMAC_SECRETS).toEqual([read(dir, 'intake-hmac-secret').trim()]);
    expect(config.ALERT_WEBHOOK_SECRET).toBe(read(dir, 'alert-webhook-secret').trim());
  });

  it('never replaces a secret already there: run again, it creates only what is missing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-secrets-'));
    writeFileSync(join(dir, 'intake-hmac-secret'), 'the-platform-already-has-this-one\n', { mode: 0o600 });
    const first = initSecrets(dir);
    const key = read(dir, 'register-signing-key.pem');
    expect(first.filter((s) => !s.created).map((s) => s.setting)).toEqual(['INTAKE_HMAC_SECRETS_FILE']);
    expect(read(dir, 'intake-hmac-secret')).toBe('the-platform-already-has-this-one\n');

    expect(initSecrets(dir).some((s) => s.created)).toBe(false);
    expect(read(dir, 'register-signing-key.pem')).toBe(key);
  });
});
