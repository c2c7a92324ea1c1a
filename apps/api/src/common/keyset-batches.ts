import type { PoolClient } from 'pg';
import type { DataSource } from 'typeorm';

/**
 * A whole table in sequence order, a batch at a time on a connection of its own: the next batch
 * is asked for before this one is handed over, so PostgreSQL reads while the caller works (hashes
 * a chain, writes an export). Stopping early (break, throw) releases the connection. `sql` takes
 * `$1`, the last sequence read ('0' first), and `$2`, the batch size; its rows come as arrays.
 */
export async function* keysetBatches<T extends { sequence: string }>(
  dataSource: DataSource,
  sql: string,
  batchSize: number,
  toRow: (values: unknown[]) => T,
): AsyncGenerator<T[]> {
  const runner = dataSource.createQueryRunner();
  const client = (await runner.connect()) as PoolClient;
  const read = (after: string) =>
    client.query<unknown[]>({ text: sql, values: [after, batchSize], rowMode: 'array' }).then((result) => result.rows.map(toRow));
  let next: Promise<T[]> | undefined = read('0');
  try {
    while (next) {
      const batch: T[] = await next;
      next = batch.length === batchSize ? read(batch[batch.length - 1].sequence) : undefined;
      if (batch.length > 0) yield batch;
    }
  } finally {
    await next?.catch(() => undefined);
    await runner.release();
  }
}
