import { Client } from 'pg';
import { join } from 'node:path';
import type { AppConfig } from '../config/config';
import { startEmbeddedPostgres, type RunningPostgres } from './embedded-postgres';

export const EMBEDDED_DATABASE = 'vigie';

export interface Database {
  url: string;
  /** Set when this process started an embedded server, which it must stop on exit. */
  embedded?: RunningPostgres;
}

/** `DATABASE_URL` when configured; otherwise an embedded PostgreSQL under `DATA_DIR`. */
export async function resolveDatabase(
  config: AppConfig,
  options: { whenRunning?: 'adopt' | 'share'; onLog?: (line: string) => void } = {},
): Promise<Database> {
  if (config.DATABASE_URL) return { url: config.DATABASE_URL };
  const embedded = await startEmbeddedPostgres({
    dataDir: join(config.DATA_DIR, 'postgres'),
    port: config.EMBEDDED_PG_PORT,
    ...options,
  });
  try {
    await createDatabaseIfMissing(embedded.url, EMBEDDED_DATABASE);
  } catch (error) {
    await embedded.stop();
    throw error;
  }
  const url = new URL(embedded.url);
  url.pathname = `/${EMBEDDED_DATABASE}`;
  return { url: url.toString(), embedded };
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
