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
  /** The legitimate-interest assessment in force for the access (its grant's); covered from format 3, null before. */
  liaVersion: number | null;
}

/**
 * The formats an entry may have been hashed with (`access_log.format`). Entries keep the format
 * they were written in and verify with it forever; new entries are written in the latest.
 *
 * - 1: a JSON array of the fields in a fixed order, the format not among them.
 * - 2: the same, with the format number itself covered, so that an entry cannot be passed off
 *   as another format's.
 * - 3: format 2 followed by the version of the legitimate-interest assessment in force (`liaVersion`).
 *
 * Both are JSON of strings, nulls, arrays of strings and the scope's JSON (keys sorted): one
 * string per value. What makes the whole injective is reading the values back exactly as they
 * were hashed — no NULL inside an array, no element holding the separator, a scope that is SQL
 * NULL or a JSON object —, which the repository checks for every format (`ChainLink.malformed`).
 */
export const REGISTER_FORMATS = [1, 2, 3] as const;
export type RegisterFormat = (typeof REGISTER_FORMATS)[number];
/** The format new entries are written in. */
export const REGISTER_FORMAT: RegisterFormat = 3;

const FORMAT_V1 = 'vigie-register-v1';
const FORMAT_V2 = 'vigie-register';

function fields(entry: ChainedEntry): unknown[] {
  return [
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
  ];
}

/** The entry as one string, in `format` (the latest by default). */
export function canonical(entry: ChainedEntry, format: RegisterFormat = REGISTER_FORMAT): string {
  switch (format) {
    case 1:
      return JSON.stringify([FORMAT_V1, ...fields(entry)]);
    case 2:
      return JSON.stringify([FORMAT_V2, 2, ...fields(entry)]);
    case 3:
      // The version as a string, like every other value: one string per value.
      return JSON.stringify([FORMAT_V2, 3, ...fields(entry), entry.liaVersion === null ? null : String(entry.liaVersion)]);
  }
}

export const isRegisterFormat = (format: unknown): format is RegisterFormat => (REGISTER_FORMATS as readonly unknown[]).includes(format);

/** The entry's link in the chain: `SHA-256(prevHash ‖ canonical(entry, format))`, hex. */
export function chainHash(prevHash: string, entry: ChainedEntry, format: RegisterFormat = REGISTER_FORMAT): string {
  return linkHash(prevHash, canonical(entry, format));
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
