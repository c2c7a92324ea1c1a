import { createDataSource } from '../src/database/data-source';
import { runMigrations } from '../src/database/migrate';
import { createDatabase, startTestServer, uniqueDatabaseName, type TestServer } from './test-database';

declare global {
  var __VIGIE_TEST_SERVER__: (TestServer & { database: string }) | undefined;
}

/** One fresh, migrated database for this test run; its URL reaches the test files through the environment. */
export default async function globalSetup(): Promise<void> {
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
  process.env.VIGIE_TEST_DATABASE_URL = url;
  process.env.VIGIE_TEST_SERVER_URL = server.serverUrl;
  globalThis.__VIGIE_TEST_SERVER__ = { ...server, database };
}
