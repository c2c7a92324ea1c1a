import { rm } from 'node:fs/promises';
import { dropDatabase, dropRole, stopTestServer } from './test-database';

export default async function globalTeardown(): Promise<void> {
  const runDir = globalThis.__VIGIE_TEST_RUN_DIR__;
  if (runDir) await rm(runDir, { recursive: true, force: true });
  const server = globalThis.__VIGIE_TEST_SERVER__;
  if (!server) return;
  if (!process.env.KEEP_TEST_DATABASE) {
    await dropDatabase(server.serverUrl, server.database);
    await dropRole(server.serverUrl, server.login);
  }
  await stopTestServer(server);
}
