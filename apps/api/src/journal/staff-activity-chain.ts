import { linkHash, sortedKeys } from '../common/hash-chain';

/** The format of the journal's entries; a change to `journalCanonical` needs a new one. */
export const JOURNAL_FORMAT = 'vigie-journal-v1';

/** Every field of a journal entry that its chain covers, in the text form PostgreSQL gives back. */
export interface JournalChainedEntry {
  format: string;
  sequence: string;
  /** `YYYY-MM-DDTHH:MM:SS.ffffffZ` (`chainTime`). */
  at: string;
  event: string;
  actorId: string | null;
  subjectId: string | null;
  /** As `host(ip)` prints it. */
  ip: string | null;
  userAgent: string | null;
  details: unknown;
}

/** The entry as one unambiguous string: a JSON array in a fixed order, the details with sorted keys. */
export function journalCanonical(entry: JournalChainedEntry): string {
  return JSON.stringify([
    entry.format,
    entry.sequence,
    entry.at,
    entry.event,
    entry.actorId,
    entry.subjectId,
    entry.ip,
    entry.userAgent,
    sortedKeys(entry.details ?? {}),
  ]);
}

export function journalHash(prevHash: string, entry: JournalChainedEntry): string {
  return linkHash(prevHash, journalCanonical(entry));
}
