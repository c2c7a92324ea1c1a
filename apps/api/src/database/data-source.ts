import { DataSource, type DataSourceOptions } from 'typeorm';
import { StaffActivity } from '../staff/staff-activity.entity';
import { StaffSession } from '../staff/staff-session.entity';
import { StaffUser } from '../staff/staff-user.entity';
import { MIGRATIONS } from './migrations';

export const ENTITIES: DataSourceOptions['entities'] = [StaffUser, StaffSession, StaffActivity];

/** One definition of how we talk to PostgreSQL, used by the API, the CLI and the tests. */
export function dataSourceOptions(url: string, poolSize = 10): DataSourceOptions {
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
    logging: false,
    extra: { max: poolSize, application_name: 'vigie-api' },
  };
}

export function createDataSource(url: string, poolSize?: number): DataSource {
  return new DataSource(dataSourceOptions(url, poolSize));
}
