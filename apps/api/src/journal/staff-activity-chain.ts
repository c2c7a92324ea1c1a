import { createHash, randomBytes } from 'node:crypto';
import { linkHash, sortedKeys } from '../common/hash-chain';

/** The journal's first format: its hash covers every field, so none can ever be erased. */
export const JOURNAL_FORMAT = 'vigie-journal-v1';
/**
 * The second: its hash covers a salted digest of the personal fields (actor, subject, address,
 * browser, details) instead of the fields, so that retention can blank them — salt included, which
 * makes the digest unguessable — and the chain still verifies.
 */
export const JOURNAL_FORMAT_V2 = 'vigie-journal-v2';
/** What new entries are written in. */
export const CURRENT_JOURNAL_FORMAT = JOURNAL_FORMAT_V2;

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
  /** v2: the salt of the personal digest (null once erased) and the digest itself. */
  personalSalt?: string | null;
  personalDigest?: string | null;
}

/** The entry as one unambiguous string: a JSON array in a fixed order, the details with sorted keys. */
export function journalCanonical(entry: JournalChainedEntry): string {
  if (entry.format === JOURNAL_FORMAT_V2) return JSON.stringify([entry.format, entry.sequence, entry.at, entry.event, entry.personalDigest ?? null]);
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

/** v2: the salted digest of the personal fields, which the chain covers in their place. */
export function journalPersonalDigest(salt: string, entry: Pick<JournalChainedEntry, 'actorId' | 'subjectId' | 'ip' | 'userAgent' | 'details'>): string {
  const personal = JSON.stringify([entry.actorId, entry.subjectId, entry.ip, entry.userAgent, sortedKeys(entry.details ?? {})]);
  return createHash('sha256').update(`${salt}\u0000${personal}`).digest('hex');
}

export const newJournalSalt = (): string => randomBytes(16).toString('hex');

export function journalHash(prevHash: string, entry: JournalChainedEntry): string {
  return linkHash(prevHash, journalCanonical(entry));
}
