import type { DataSource } from 'typeorm';
import { createDataSource } from './data-source';

// Any constant works; it only has to be the same for every instance of the API.
const MIGRATION_LOCK_KEY = 7_461_001;

/**
 * Applies pending migrations. Several API instances starting together take turns through a
 * PostgreSQL advisory lock, so each migration runs exactly once.
 */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lock.release();
  }
}

/** Migrates the database at `url` as its login role (the schema owner), on a connection of its own. */
export async function migrateDatabase(url: string): Promise<string[]> {
  const dataSource = createDataSource(url, { poolSize: 2, applicationName: 'vigie-migrate' });
  await dataSource.initialize();
  try {
    return await runMigrations(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

/** True when the database lacks a migration this build knows. */
export function hasPendingMigrations(dataSource: DataSource): Promise<boolean> {
  return dataSource.showMigrations();
}
