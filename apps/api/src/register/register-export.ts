import type { AccessLogEntry } from '@vigie/contracts';
import { Readable } from 'node:stream';

/**
 * The register as a JSON array: batches are read only as fast as the client takes them (back
 * pressure), so memory stays flat whatever the register's size. Never a message body: entries
 * hold none. (CSV comes straight from PostgreSQL: RegisterRepository.copyCsv.)
 */
export function exportStream(batches: AsyncGenerator<AccessLogEntry[]>): Readable {
  async function* lines(): AsyncGenerator<string> {
    let first = true;
    yield '[';
    for await (const batch of batches) {
      yield batch.map((e) => `${first ? ((first = false), '\n') : ',\n'}${JSON.stringify(e)}`).join('');
    }
    yield '\n]\n';
  }
  return Readable.from(lines());
}
