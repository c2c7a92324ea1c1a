import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { createDatabaseIfMissing } from '../src/database/database-url';
import { migrateDatabase } from '../src/database/migrate';
import { startEmbeddedPostgres, type RunningPostgres } from '../src/database/embedded-postgres';

/**
 * A PostgreSQL server for a test run: `TEST_DATABASE_URL` (or `DATABASE_URL`) when set,
 * otherwise an embedded server in a temporary folder. Each run gets its own fresh database.
 */
export interface TestServer {
  serverUrl: string;
  embedded?: RunningPostgres;
  embeddedDir?: string;
}

export async function startTestServer(): Promise<TestServer> {
  const configured = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  if (configured) return { serverUrl: configured };
  const embeddedDir = await mkdtemp(join(tmpdir(), 'vigie-test-pg-'));
  const embedded = await startEmbeddedPostgres({ dataDir: join(embeddedDir, 'data'), port: await freePort() });
  return { serverUrl: embedded.url, embedded, embeddedDir };
}

export async function stopTestServer(server: TestServer): Promise<void> {
  await server.embedded?.stop();
  if (server.embeddedDir) await rm(server.embeddedDir, { recursive: true, force: true });
}

export function uniqueDatabaseName(prefix = 'vigie_test'): string {
  return `${prefix}_${Date.now().toString(36)}_${process.pid}_${Math.random().toString(36).slice(2, 6)}`;
}

export async function createDatabase(serverUrl: string, name: string): Promise<string> {
  await createDatabaseIfMissing(serverUrl, name);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

export async function dropRole(serverUrl: string, name: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`DROP ROLE IF EXISTS ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** A migrated database of the calling test file's own, on the run's server: for tests that break things. */
export async function createOwnDatabase(prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
  const serverUrl = process.env.VIGIE_TEST_SERVER_URL;
  if (!serverUrl) throw new Error('VIGIE_TEST_SERVER_URL is not set: run the tests through jest.');
  const name = uniqueDatabaseName(prefix);
  const url = await createDatabase(serverUrl, name);
  await migrateDatabase(url);
  return { url, drop: () => dropDatabase(serverUrl, name) };
}
