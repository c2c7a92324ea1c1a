import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.HOST).toBe('127.0.0.1');
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.DATA_DIR).toMatch(/\.data$/);
    expect(config.TRUST_PROXY).toBe(false);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' }).PORT).toBe(3000);
  });

  it('names every wrong setting in one error', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'chatty' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/^PORT: /m);
    expect(problems).toMatch(/^DATABASE_URL: must be a postgres/m);
    expect(problems).toMatch(/^LOG_LEVEL: /m);
  });

  it('requires a real database in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/DATABASE_URL: is required in production/);
    expect(() => loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/vigie' })).toThrow(/INTAKE_HMAC_SECRETS: is required in production/);
    const secrets = { NODE_ENV: 'production', DATABASE_URL: 'postgres://db/vigie', INTAKE_HMAC_SECRETS: 'a-secret-of-sixteen+, an-older-secret-16' };
    expect(() => loadConfig(secrets)).toThrow(/REGISTER_SIGNING_KEY_FILE: is required in production/);
    const production = loadConfig({ ...secrets, REGISTER_SIGNING_KEY_FILE: '/run/secrets/register-key.pem' });
    expect(production.INTAKE_HMAC_SECRETS).toEqual(['a-secret-of-sixteen+', 'an-older-secret-16']);
  });

  it('reads secrets from files (`<NAME>_FILE`), and names the file it could not read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-config-'));
    writeFileSync(join(dir, 'intake-hmac-secret'), 'a-secret-of-sixteen+\n');
    writeFileSync(join(dir, 'platform-webhook-secret'), 'webhook-secret-of-sixteen\n');
    const production = {
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://db/vigie',
      REGISTER_SIGNING_KEY_FILE: join(dir, 'register-signing-key.pem'),
      INTAKE_HMAC_SECRETS_FILE: join(dir, 'intake-hmac-secret'),
    };
    const config = loadConfig({ ...production, PLATFORM_WEBHOOK_SECRET_FILE: join(dir, 'platform-webhook-secret') });
    expect(config.INTAKE_HMAC_SECRETS).toEqual(['a-secret-of-sixteen+']);
    expect(config.PLATFORM_WEBHOOK_SECRET).toBe('webhook-secret-of-sixteen');
    expect(config).not.toHaveProperty('INTAKE_HMAC_SECRETS_FILE');

    expect(() => loadConfig({ ...production, INTAKE_HMAC_SECRETS_FILE: join(dir, 'missing') })).toThrow(
      new RegExp(`INTAKE_HMAC_SECRETS_FILE: cannot read ${join(dir, 'missing')} \\(ENOENT\\)`),
    );
    expect(() => loadConfig({ ...production, INTAKE_HMAC_SECRETS: 'another-secret-of-16' })).toThrow(/set INTAKE_HMAC_SECRETS or INTAKE_HMAC_SECRETS_FILE, not both/);
    // A file holding a short secret is refused like the variable would be.
    writeFileSync(join(dir, 'short'), 'short\n');
    expect(() => loadConfig({ ...production, INTAKE_HMAC_SECRETS_FILE: join(dir, 'short') })).toThrow(/INTAKE_HMAC_SECRETS.*16 characters/);
  });

  it('requires MFA of every role unless told otherwise; an empty list requires it of nobody', () => {
    expect(loadConfig({}).MFA_REQUIRED_ROLES).toEqual(['moderator', 'lead', 'dpo', 'admin']);
    expect(loadConfig({ MFA_REQUIRED_ROLES: 'lead, admin' }).MFA_REQUIRED_ROLES).toEqual(['lead', 'admin']);
    expect(loadConfig({ MFA_REQUIRED_ROLES: '' }).MFA_REQUIRED_ROLES).toEqual([]);
    expect(() => loadConfig({ MFA_REQUIRED_ROLES: 'boss' })).toThrow(/MFA_REQUIRED_ROLES/);
  });

  it('wants a step-up younger than ten minutes before the gate, unless told otherwise', () => {
    expect(loadConfig({}).STEP_UP_MINUTES).toBe(10);
    expect(loadConfig({ STEP_UP_MINUTES: '3' }).STEP_UP_MINUTES).toBe(3);
    expect(() => loadConfig({ STEP_UP_MINUTES: '0' })).toThrow(/STEP_UP_MINUTES/);
  });

  it('works as the restricted database role unless told to stay the login role', () => {
    expect(loadConfig({}).DATABASE_ROLE).toBe('vigie_app');
    expect(loadConfig({ DATABASE_ROLE: '' }).DATABASE_ROLE).toBeNull();
    expect(() => loadConfig({ DATABASE_ROLE: 'x; DROP TABLE' })).toThrow(/DATABASE_ROLE: must be a plain role name/);
  });

  it('reads flags strictly', () => {
    expect(loadConfig({ TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(true);
    expect(() => loadConfig({ TRUST_PROXY: 'yes' })).toThrow(/TRUST_PROXY/);
  });
});
