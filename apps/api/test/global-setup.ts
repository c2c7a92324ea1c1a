import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDataSource } from '../src/database/data-source';
import { ensureLoginRole } from '../src/database/login-role';
import { runMigrations } from '../src/database/migrate';
import { createDatabase, startTestServer, uniqueDatabaseName, type TestServer } from './test-database';

declare global {
  var __VIGIE_TEST_SERVER__: (TestServer & { database: string; login: string }) | undefined;
  var __VIGIE_TEST_RUN_DIR__: string | undefined;
}

/** The run's folder, with the register's signing key in it before any worker starts an app. */
async function createRunDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'vigie-api-test-'));
  const { privateKey } = generateKeyPairSync('ed25519');
  await writeFile(join(dir, 'register-signing-key.pem'), privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  return dir;
}

/** One fresh, migrated database for this test run, and a login for its test apps; their URLs reach the test files through the environment. */
export default async function globalSetup(): Promise<void> {
  const runDir = await createRunDir();
  process.env.VIGIE_TEST_RUN_DIR = runDir;
  globalThis.__VIGIE_TEST_RUN_DIR__ = runDir;
  const server = await startTestServer();
  const database = uniqueDatabaseName();
  const url = await createDatabase(server.serverUrl, database);
  const dataSource = createDataSource(url, { poolSize: 2 });
  await dataSource.initialize();
  try {
    await runMigrations(dataSource);
  } finally {
    await dataSource.destroy();
  }
  // The test apps log in as the API does in production: a login of the run's own (roles are
  // shared by the server's databases), no superuser, that may only switch to vigie_app.
  const login = `${database}_api`;
  const password = randomBytes(18).toString('base64url');
  await ensureLoginRole(url, { name: login, password, workRole: 'vigie_app' });
  const apiUrl = new URL(url);
  apiUrl.username = login;
  apiUrl.password = password;
  process.env.VIGIE_TEST_DATABASE_URL = url;
  process.env.VIGIE_TEST_API_DATABASE_URL = apiUrl.toString();
  process.env.VIGIE_TEST_SERVER_URL = server.serverUrl;
  globalThis.__VIGIE_TEST_SERVER__ = { ...server, database, login };
}
