import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createApp } from '../src/bootstrap/create-app';
import type { Clock } from '../src/common/clock';
import { loadConfig, type AppConfig } from '../src/config/config';

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  /** Every log line the app wrote, for tests that check what is (not) logged. */
  logs: string[];
  close(): Promise<void>;
}

export const TEST_INTAKE_SECRETS = ['test-intake-secret-current', 'test-intake-secret-previous'];

/** A webhook secret of the tests' own: without one the app would generate it in DATA_DIR, racing other workers. */
export const TEST_WEBHOOK_SECRET = 'test-platform-webhook-secret-0123456789';

/**
 * This run's own folder, made by jest's global set-up and removed by its teardown: two runs at once
 * (another checkout, a loop of runs) never share the files the app reads or writes.
 */
export function testRunDir(): string {
  const dir = process.env.VIGIE_TEST_RUN_DIR;
  if (!dir) throw new Error('VIGIE_TEST_RUN_DIR is not set: run the tests through jest (its global set-up creates the folder).');
  return dir;
}

/** The register's signing key, written once by the global set-up before any test app starts. */
export const testSigningKeyFile = (): string => join(testRunDir(), 'register-signing-key.pem');

/** The run's database as its owner (a superuser here): for set-ups and checks the API may not do. */
export function testDatabaseUrl(): string {
  const url = process.env.VIGIE_TEST_DATABASE_URL;
  if (!url) throw new Error('VIGIE_TEST_DATABASE_URL is not set: run the tests through jest (its global set-up creates the database).');
  return url;
}

/** The run's database as the API logs in to it: a non-superuser login that works as vigie_app. */
export function testApiDatabaseUrl(): string {
  const url = process.env.VIGIE_TEST_API_DATABASE_URL;
  if (!url) throw new Error('VIGIE_TEST_API_DATABASE_URL is not set: run the tests through jest (its global set-up creates the login).');
  return url;
}

/** The real application on the run's test database, answering through Fastify's `inject` (no port). */
export async function createTestApp(
  options: { env?: Record<string, string>; databaseUrl?: string; clock?: Clock } = {},
): Promise<TestApp> {
  const { env = {}, databaseUrl = testApiDatabaseUrl(), clock } = options;
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    UI_DIST_DIR: '/nonexistent',
    INTAKE_HMAC_SECRETS: TEST_INTAKE_SECRETS.join(','),
    DATA_DIR: join(testRunDir(), 'data'),
    REGISTER_SIGNING_KEY_FILE: testSigningKeyFile(),
    // The checkpoint file belongs with its register: one folder per database, so that a spec's
    // checkpoints never meet another database's register (specs sharing the run's database share it).
    CHECKPOINT_DIR: join(testRunDir(), 'checkpoints', new URL(databaseUrl).pathname.slice(1) || 'default'),
    PLATFORM_WEBHOOK_SECRET: TEST_WEBHOOK_SECRET,
    // Tests sign checkpoints when they mean to.
    REGISTER_CHECKPOINT_INTERVAL_HOURS: '0',
    // Tests verify the register when they mean to.
    REGISTER_VERIFY_SCHEDULE_HOURS: '0',
    RETENTION_SCHEDULE_HOURS: '0',
    WEBHOOK_POLL_MS: '0',
    // Tests evaluate the alert rules when they mean to.
    ALERT_EVALUATION_SECONDS: '0',
    ...env,
  });
  const logs: string[] = [];
  openLogs.add(logs);
  const app = await createApp({ config, databaseUrl, logDestination: sharedLogDestination, clock });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return {
    app,
    config,
    logs,
    close: async () => {
      openLogs.delete(logs);
      await app.close();
    },
  };
}

/**
 * The log lines of every app open in this test file. nestjs-pino builds one pino logger per
 * process, with the destination of the first app that asked: a second app's own stream would
 * never receive a line, and its "nothing is logged" assertions would prove nothing. So every app
 * gets this one stream, which hands each line to every open app's `logs`.
 */
const openLogs = new Set<string[]>();
const sharedLogDestination = new Writable({
  write(chunk: Buffer, _encoding, done) {
    const lines = chunk.toString('utf8').split('\n').filter(Boolean);
    for (const logs of openLogs) logs.push(...lines);
    done();
  },
});
