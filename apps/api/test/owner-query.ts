import { Client } from 'pg';
import { testDatabaseUrl } from './test-app';

/**
 * A query as the schema owner, outside the API's restricted role: for tests that look at what
 * the API itself may not read (message bodies) or that tamper with the register.
 */
export async function ownerQuery<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: testDatabaseUrl(), application_name: 'vigie-test-owner' });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}
