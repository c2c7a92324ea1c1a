import { Client } from 'pg';
import { testDatabaseUrl } from './test-app';

/**
 * A query as the schema owner, outside the API's restricted role: for tests that look at what
 * the API itself may not read (message bodies) or that tamper with the register. Without
 * parameters, `sql` may hold several statements.
 */
export async function ownerQuery<T = Record<string, unknown>>(sql: string, params: unknown[] = [], url = testDatabaseUrl()): Promise<T[]> {
  const client = new Client({ connectionString: url, application_name: 'vigie-test-owner' });
  await client.connect();
  try {
    const result = params.length ? await client.query(sql, params) : await client.query(sql);
    return (Array.isArray(result) ? result.at(-1) : result).rows as T[];
  } finally {
    await client.end();
  }
}
