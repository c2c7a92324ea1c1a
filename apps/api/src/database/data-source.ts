import { DataSource, type DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from './migrations';

export interface ConnectionOptions {
  poolSize?: number;
  /** The role every connection switches to (`SET ROLE`); none for the schema owner's work. */
  role?: string | null;
  applicationName?: string;
}

/**
 * One definition of how we talk to PostgreSQL, used by the API, the CLI and the tests. No
 * entities: the features above register theirs (`TypeOrmModule.forFeature`, loaded by the app
 * module); migrations and plain queries need none.
 */
export function dataSourceOptions(url: string, options: ConnectionOptions = {}): DataSourceOptions {
  const { poolSize = 10, role, applicationName = 'vigie-api' } = options;
  return {
    type: 'postgres',
    url,
    entities: [],
    migrations: MIGRATIONS,
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'each',
    // The schema only ever changes through migrations.
    synchronize: false,
    migrationsRun: false,
    installExtensions: false,
    logging: false,
    extra: {
      max: poolSize,
      application_name: applicationName,
      // Set at connection start, so no query ever runs as the login role.
      ...(role ? { options: `-c role=${role}` } : {}),
    },
  };
}

export function createDataSource(url: string, options?: ConnectionOptions): DataSource {
  return new DataSource(dataSourceOptions(url, options));
}
