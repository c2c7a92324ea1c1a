import { readFileSync } from 'node:fs';
import { mkdtemp, rm, stat, unlink } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { type AppConfig, loadConfig } from '../config/config';
import { createDataSource } from './data-source';
import { openDatabase, type Database } from './database-url';

/**
 * `npm start` without DATABASE_URL, as far as the database goes: the embedded server, migrated,
 * and the login the API's pool then uses.
 */
describe('the embedded PostgreSQL', () => {
  let dir: string;
  let config: AppConfig;
  let database: Database;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vigie-embedded-login-'));
    config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dir, EMBEDDED_PG_PORT: String(await freePort()) });
    database = await openDatabase(config, { whenRunning: 'adopt' });
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

  it('logs the API in as vigie_api, without superuser, BYPASSRLS or role-creating powers, its password kept 0600', async () => {
    expect(new URL(database.url).username).toBe('vigie_api');
    const [role] = await query(database.url, 'SELECT r.* FROM pg_roles r WHERE r.rolname = session_user');
    expect(role).toMatchObject({ rolname: 'vigie_api', rolsuper: false, rolbypassrls: false, rolcreaterole: false, rolcreatedb: false, rolreplication: false, rolinherit: false });
    expect((await stat(join(dir, 'postgres-api-password'))).mode & 0o777).toBe(0o600);
  });

  it('keeps the same login on a restart, and creates it on a data folder from before it existed', async () => {
    await database.embedded?.stop();
    database = await openDatabase(config, { whenRunning: 'adopt' });
    expect(await query(database.url, 'SELECT session_user AS login')).toEqual([{ login: 'vigie_api' }]);

    // A data folder an older version made: the superuser only, no API login and no password file.
    await query(superuserUrl(), 'DROP ROLE vigie_api');
    await unlink(join(dir, 'postgres-api-password'));
    const upgraded = await openDatabase(config, { whenRunning: 'share' });
    expect(upgraded.url).not.toBe(database.url);
    expect(upgraded.applied).toEqual([]);
    expect(await query(upgraded.url, 'SELECT session_user AS login, current_setting($$is_superuser$$) AS superuser')).toEqual([{ login: 'vigie_api', superuser: 'off' }]);
  }, 60_000);

  /** The embedded superuser, as the e2e journeys read it from DATA_DIR. */
  function superuserUrl(): string {
    const url = new URL(database.url);
    url.username = 'postgres';
    url.password = encodeURIComponent(readFileSync(join(dir, 'postgres-password'), 'utf8').trim());
    return url.toString();
  }
});

async function query(url: string, sql: string): Promise<Record<string, unknown>[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

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
