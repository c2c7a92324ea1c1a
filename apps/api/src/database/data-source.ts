import { DataSource, type DataSourceOptions } from 'typeorm';
import { StaffActivity } from '../staff/staff-activity.entity';
import { StaffSession } from '../staff/staff-session.entity';
import { StaffUser } from '../staff/staff-user.entity';
import { MIGRATIONS } from './migrations';

export const ENTITIES: DataSourceOptions['entities'] = [StaffUser, StaffSession, StaffActivity];

export interface ConnectionOptions {
  poolSize?: number;
  /** The role every connection switches to (`SET ROLE`); none for the schema owner's work. */
  role?: string | null;
  applicationName?: string;
}

/** One definition of how we talk to PostgreSQL, used by the API, the CLI and the tests. */
export function dataSourceOptions(url: string, options: ConnectionOptions = {}): DataSourceOptions {
  const { poolSize = 10, role, applicationName = 'vigie-api' } = options;
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
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
