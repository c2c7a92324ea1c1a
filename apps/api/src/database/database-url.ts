import { Client } from 'pg';
import { join } from 'node:path';
import type { AppConfig } from '../config/config';
import { startEmbeddedPostgres, type RunningPostgres } from './embedded-postgres';
import { EMBEDDED_API_LOGIN, embeddedLoginPassword, ensureLoginRole } from './login-role';
import { migrateDatabase } from './migrate';

export const EMBEDDED_DATABASE = 'vigie';

export interface Database {
  /** What the API's pool logs in with: `DATABASE_URL`, or the embedded server's non-superuser login. */
  url: string;
  /** The migrations this opening applied. */
  applied: string[];
  /** Set when this process started an embedded server, which it must stop on exit (its superuser's URL stays behind). */
  embedded?: Pick<RunningPostgres, 'stop'>;
}

/**
 * A migrated database and the URL the API works with: `DATABASE_URL` (migrated through
 * `MIGRATION_DATABASE_URL` when set), or an embedded PostgreSQL under `DATA_DIR`, migrated as its
 * superuser, whose URL goes no further than this function.
 */
export async function openDatabase(
  config: AppConfig,
  options: { whenRunning?: 'adopt' | 'share'; onLog?: (line: string) => void } = {},
): Promise<Database> {
  if (config.DATABASE_URL) {
    const applied = await migrateDatabase(config.MIGRATION_DATABASE_URL ?? config.DATABASE_URL);
    return { url: config.DATABASE_URL, applied };
  }
  const embedded = await startEmbeddedPostgres({
    dataDir: join(config.DATA_DIR, 'postgres'),
    port: config.EMBEDDED_PG_PORT,
    ...options,
  });
  try {
    await createDatabaseIfMissing(embedded.url, EMBEDDED_DATABASE);
    const ownerUrl = withDatabaseName(embedded.url, EMBEDDED_DATABASE);
    const applied = await migrateDatabase(ownerUrl);
    const password = await embeddedLoginPassword(config.DATA_DIR);
    await ensureLoginRole(ownerUrl, { name: EMBEDDED_API_LOGIN, password, workRole: config.DATABASE_ROLE });
    const url = new URL(ownerUrl);
    url.username = EMBEDDED_API_LOGIN;
    url.password = encodeURIComponent(password);
    return { url: url.toString(), applied, embedded: { stop: embedded.stop } };
  } catch (error) {
    await embedded.stop();
    throw error;
  }
}

function withDatabaseName(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function createDatabaseIfMissing(serverUrl: string, name: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}
