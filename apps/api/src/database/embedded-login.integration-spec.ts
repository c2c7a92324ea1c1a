import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../config/config';
import { createDataSource } from './data-source';
import { resolveDatabase, type Database } from './database-url';
import { migrateDatabase } from './migrate';

/**
 * `npm start` without DATABASE_URL, as far as the database goes: the embedded server, migrated,
 * and the login the API's pool then uses.
 */
describe('the embedded PostgreSQL', () => {
  let dir: string;
  let database: Database;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vigie-embedded-login-'));
    const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dir, EMBEDDED_PG_PORT: String(await freePort()) });
    database = await resolveDatabase(config, { whenRunning: 'adopt' });
    await migrateDatabase(database.url);
  }, 120_000);

  afterAll(async () => {
    await database?.embedded?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  // `-c role=` makes vigie_app the session's default role, so RESET ROLE keeps it; these do not.
  it.each(['SET ROLE NONE', 'RESET ROLE', 'SET SESSION AUTHORIZATION DEFAULT', 'SET ROLE postgres', 'SET SESSION AUTHORIZATION postgres'])(
    'gives the API a login that "%s" cannot turn into a reader of message bodies',
    async (escape) => {
      // Exactly the API's pool: SET ROLE vigie_app at connection start.
      const pool = createDataSource(database.url, { role: 'vigie_app', poolSize: 1 });
      await pool.initialize();
      const connection = pool.createQueryRunner();
      try {
        await connection.connect();
        await connection.query(escape).catch(() => undefined);
        await expect(connection.query('SELECT body FROM message_body')).rejects.toThrow(/permission denied/);
      } finally {
        await connection.release();
        await pool.destroy();
      }
    },
  );
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
