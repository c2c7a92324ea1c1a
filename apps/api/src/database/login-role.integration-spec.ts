import { DataSource } from 'typeorm';
import { createApp } from '../bootstrap/create-app';
import { loadConfig } from '../config/config';
import { createTestApp, TEST_INTAKE_SECRETS, testDatabaseUrl, testSigningKeyFile } from '../../test/test-app';
import { ownerQuery } from '../../test/owner-query';

/** The run's owner URL is a superuser's (postgres on the tests' server); the test apps' own login is not. */
describe('the login the API connects with', () => {
  // First: only the first app a test file creates receives log lines (later ones' logs stay empty).
  it('warns loudly outside production', async () => {
    const testApp = await createTestApp({ databaseUrl: testDatabaseUrl() });
    try {
      const warning = testApp.logs.find((line) => line.includes('a superuser'));
      expect(warning).toBeDefined();
      expect(JSON.parse(warning as string)).toMatchObject({ level: 40, context: 'Database' });
      expect(warning).toContain('Refused when NODE_ENV=production');
    } finally {
      await testApp.close();
    }
  });

  it('is not a superuser for the test apps either', async () => {
    const testApp = await createTestApp();
    try {
      const [login] = await testApp.app.get(DataSource).query('SELECT session_user AS name, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = session_user');
      expect(login).toMatchObject({ rolsuper: false, rolbypassrls: false });
      expect(login.name).toMatch(/_api$/);
    } finally {
      await testApp.close();
    }
  });

  // Last: an app whose start fails may leave Nest's logger buffering.
  it('refuses to start in production on a superuser login, naming the fix', async () => {
    const [{ rolsuper }] = await ownerQuery<{ rolsuper: boolean }>('SELECT rolsuper FROM pg_roles WHERE rolname = session_user');
    expect(rolsuper).toBe(true);
    const config = loadConfig({
      NODE_ENV: 'production',
      DATABASE_URL: testDatabaseUrl(),
      INTAKE_HMAC_SECRETS: TEST_INTAKE_SECRETS.join(','),
      REGISTER_SIGNING_KEY_FILE: testSigningKeyFile(),
      UI_DIST_DIR: '/nonexistent',
      LOG_LEVEL: 'silent',
      REGISTER_CHECKPOINT_INTERVAL_HOURS: '0',
      RETENTION_SCHEDULE_HOURS: '0',
      WEBHOOK_POLL_MS: '0',
    });
    const app = await createApp({ config, databaseUrl: testDatabaseUrl() });
    try {
      await expect(app.init()).rejects.toThrow(/logs in as "postgres", a superuser.*SET ROLE NONE.*MIGRATION_DATABASE_URL/s);
    } finally {
      await app.close().catch(() => undefined);
    }
  });
});
