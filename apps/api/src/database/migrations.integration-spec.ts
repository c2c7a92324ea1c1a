import { Client } from 'pg';
import { createDatabase, dropDatabase, uniqueDatabaseName } from '../../test/test-database';
import { createDataSource, dataSourceOptions } from './data-source';
import { hasPendingMigrations, runMigrations } from './migrate';
import { MIGRATIONS } from './migrations';

const serverUrl = () => process.env.VIGIE_TEST_SERVER_URL ?? '';

async function tablesOf(url: string): Promise<string[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
    );
    return rows.map((r) => r.table_name);
  } finally {
    await client.end();
  }
}

describe('migrations', () => {
  const name = uniqueDatabaseName('vigie_migr');
  let url: string;

  beforeAll(async () => {
    url = await createDatabase(serverUrl(), name);
  });
  afterAll(async () => {
    await dropDatabase(serverUrl(), name);
  });

  it('never lets TypeORM synchronize the schema', () => {
    expect(dataSourceOptions('postgres://x@localhost/db').synchronize).toBe(false);
    expect(dataSourceOptions('postgres://x@localhost/db').migrationsRun).toBe(false);
  });

  it('build the schema on an empty database, once, and undo it', async () => {
    expect(await tablesOf(url)).toEqual([]);
    const dataSource = createDataSource(url, { poolSize: 2 });
    await dataSource.initialize();
    try {
      expect(await hasPendingMigrations(dataSource)).toBe(true);
      const applied = await runMigrations(dataSource);
      expect(applied).toEqual(MIGRATIONS.map((m) => new m().name));
      expect(await hasPendingMigrations(dataSource)).toBe(false);
      expect(await tablesOf(url)).toEqual(expect.arrayContaining(['installation', 'typeorm_migrations']));

      // A second start applies nothing.
      expect(await runMigrations(dataSource)).toEqual([]);

      for (let i = 0; i < MIGRATIONS.length; i++) await dataSource.undoLastMigration();
      expect(await tablesOf(url)).toEqual(['typeorm_migrations']);
    } finally {
      await dataSource.destroy();
    }
  });

  it('run exactly once when several instances start together', async () => {
    const concurrent = uniqueDatabaseName('vigie_migr_conc');
    const concurrentUrl = await createDatabase(serverUrl(), concurrent);
    const sources = [createDataSource(concurrentUrl, { poolSize: 2 }), createDataSource(concurrentUrl, { poolSize: 2 }), createDataSource(concurrentUrl, { poolSize: 2 })];
    try {
      await Promise.all(sources.map((s) => s.initialize()));
      const results = await Promise.all(sources.map((s) => runMigrations(s)));
      expect(results.flat()).toHaveLength(MIGRATIONS.length);
    } finally {
      await Promise.all(sources.map((s) => s.destroy()));
      await dropDatabase(serverUrl(), concurrent);
    }
  });
});
