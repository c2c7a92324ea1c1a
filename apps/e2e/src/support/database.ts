import { Client } from 'pg';

/**
 * One statement on the product's own database, for a state no screen can set — a step-up that
 * has grown old, say — without waiting for it as a person would.
 */
export async function productQuery(sql: string, params: unknown[] = []): Promise<void> {
  const url = process.env.VIGIE_E2E_DATABASE_URL;
  if (!url) throw new Error('VIGIE_E2E_DATABASE_URL is not set: run through jest (its global set-up starts the product).');
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql, params);
  } finally {
    await client.end();
  }
}
