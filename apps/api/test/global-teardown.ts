import { dropDatabase, stopTestServer } from './test-database';

export default async function globalTeardown(): Promise<void> {
  const server = globalThis.__VIGIE_TEST_SERVER__;
  if (!server) return;
  if (!process.env.KEEP_TEST_DATABASE) await dropDatabase(server.serverUrl, server.database);
  await stopTestServer(server);
}
