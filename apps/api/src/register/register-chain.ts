import { hash, randomBytes } from 'node:crypto';
import type { AccessOutcome } from '@vigie/contracts';
import { linkHash, sortedKeys } from '../common/hash-chain';

export { chainTime, GENESIS_HASH } from '../common/hash-chain';

/** Every field of an entry that the chain covers. Personal fields enter as salted digests only. */
export interface ChainedEntry {
  sequence: string;
  /** `YYYY-MM-DDTHH:MM:SS.ffffffZ`, as PostgreSQL keeps a timestamptz (microseconds, UTC). */
  at: string;
  staffId: string;
  staffRoles: string[];
  caseId: string | null;
  conversationId: string | null;
  reportIds: string[];
  subjectIds: string[];
  legalBasis: string;
  purpose: string;
  outcome: AccessOutcome;
  reason: string | null;
  scope: unknown;
  grantId: string | null;
  requestId: string | null;
  justificationDigest: string;
  ipDigest: string;
  userAgentDigest: string;
}

const FORMAT = 'vigie-register-v1';

/**
 * The entry as one unambiguous string: a JSON array in a fixed order (no key-order questions),
 * with objects inside it serialised with sorted keys.
 */
export function canonical(entry: ChainedEntry): string {
  return JSON.stringify([
    FORMAT,
    entry.sequence,
    entry.at,
    entry.staffId,
    entry.staffRoles,
    entry.caseId,
    entry.conversationId,
    entry.reportIds,
    entry.subjectIds,
    entry.legalBasis,
    entry.purpose,
    entry.outcome,
    entry.reason,
    sortedKeys(entry.scope ?? null),
    entry.grantId,
    entry.requestId,
    entry.justificationDigest,
    entry.ipDigest,
    entry.userAgentDigest,
  ]);
}

/** The entry's link in the chain: `SHA-256(prevHash ‖ canonical(entry))`, hex. */
export function chainHash(prevHash: string, entry: ChainedEntry): string {
  return linkHash(prevHash, canonical(entry));
}

/**
 * A personal field as the chain sees it. The salt is erased with the value, after which the
 * digest can neither be reversed nor tested against guesses (an IP address has few values).
 */
export function personalDigest(salt: string, value: string | null): string {
  return hash('sha256', `${salt}\u0000${value ?? ''}`, 'hex');
}

export function newSalt(): string {
  return randomBytes(16).toString('hex');
}
