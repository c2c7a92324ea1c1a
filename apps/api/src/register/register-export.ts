import type { AccessLogEntry } from '@vigie/contracts';
import { Readable } from 'node:stream';
import { csvLine } from '../common/csv';

const COLUMNS = [
  'sequence', 'at', 'staff_id', 'staff_name', 'staff_roles', 'case_id', 'conversation_id', 'report_ids', 'subjects',
  'legal_basis', 'purpose', 'outcome', 'reason', 'scope', 'message_count', 'grant_id', 'justification', 'ip',
  'user_agent', 'request_id', 'erased_at', 'hash',
];

function row(e: AccessLogEntry): unknown[] {
  return [
    e.sequence, e.at, e.staff.id, e.staff.name, e.staff.roles, e.caseId, e.conversationId, e.reportIds,
    e.subjects.map((s) => s.externalId ?? s.id), e.legalBasis, e.purpose, e.outcome, e.reason, e.scope?.kind ?? null,
    e.scope?.messageCount ?? null, e.grantId, e.justification, e.ip, e.userAgent, e.requestId, e.erasedAt, e.hash,
  ];
}

/**
 * The register as a stream: batches are read only as fast as the client takes them (back
 * pressure), so memory stays flat whatever the register's size. Never a message body: entries
 * hold none.
 */
export function exportStream(batches: AsyncGenerator<AccessLogEntry[]>, format: 'csv' | 'json'): Readable {
  async function* lines(): AsyncGenerator<string> {
    if (format === 'csv') {
      yield `${COLUMNS.join(',')}\r\n`;
      for await (const batch of batches) yield batch.map((e) => csvLine(row(e))).join('');
      return;
    }
    let first = true;
    yield '[';
    for await (const batch of batches) {
      yield batch.map((e) => `${first ? ((first = false), '\n') : ',\n'}${JSON.stringify(e)}`).join('');
    }
    yield '\n]\n';
  }
  return Readable.from(lines());
}
