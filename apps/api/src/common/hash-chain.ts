import { hash } from 'node:crypto';
import type { RegisterProblem } from '@vigie/contracts';

/**
 * What the access register and the staff journal share: a chain of entries, each hashing the one
 * before it, walked from the first entry and checked against signed checkpoints. Each chain keeps
 * its own canonical form of an entry (its own format string); this file knows only the links.
 */

/** The `prevHash` of a chain's first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * `hash = SHA-256(prevHash ‖ canonical)`, hex. One-shot `crypto.hash` rather than a `createHash`
 * object: the same digest, two to four times faster on inputs this small, which is most of what
 * verifying ten million entries costs.
 */
export function linkHash(prevHash: string, canonical: string): string {
  return hash('sha256', prevHash + canonical, 'hex');
}

/** A JavaScript date in the text form PostgreSQL returns for a timestamptz with microseconds. */
export function chainTime(date: Date): string {
  return date.toISOString().replace(/Z$/, '000Z');
}

/** Objects with their keys sorted at every depth: one serialisation whatever the insertion order. */
export function sortedKeys(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  // Arrays of strings and numbers (the ids in a scope) serialise as they are: no copy to make.
  if (Array.isArray(value)) return value.some(isObject) ? value.map(sortedKeys) : value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortedKeys((value as Record<string, unknown>)[key])]),
  );
}

const isObject = (value: unknown) => value !== null && typeof value === 'object';

/** The next link's sequence and previous hash, after `head` (undefined: an empty chain). */
export function nextLink(head: { sequence: string; hash: string } | undefined): { sequence: string; prevHash: string } {
  return { sequence: head ? (BigInt(head.sequence) + 1n).toString() : '1', prevHash: head?.hash ?? GENESIS_HASH };
}

/** A stored link as a walk reads it. */
export interface Link {
  sequence: string;
  prevHash: string;
  hash: string;
}

export interface ChainWalk {
  entriesChecked: number;
  headSequence: number;
  headHash: string | null;
  firstBroken?: { sequence: number; problem: RegisterProblem };
}

/**
 * Walks a chain from its first entry, a batch at a time (memory stays flat whatever its size),
 * and stops at the first problem: a gap, a broken link, an entry whose recomputed hash differs
 * (`rehash`), an entry-specific problem (`problemOf`), a signed head (`heads`: sequence → signed
 * head hashes) that differs, or signed heads beyond the end (a truncated tail).
 */
export async function walkChain<L extends Link>(
  batches: AsyncIterable<L[]>,
  options: { rehash: (link: L) => string; heads: Map<number, string[]>; problemOf?: (link: L) => RegisterProblem | undefined; onLink?: (link: L) => void },
): Promise<ChainWalk> {
  let checked = 0;
  let broken: ChainWalk['firstBroken'];
  let previous: { sequence: bigint; hash: string } = { sequence: 0n, hash: GENESIS_HASH };
  scan: for await (const batch of batches) {
    for (const link of batch) {
      const sequence = BigInt(link.sequence);
      const problem = problemOfLink(link, previous, options);
      if (problem) {
        broken = { sequence: Number(problem === 'sequence_gap' ? previous.sequence + 1n : sequence), problem };
        break scan;
      }
      options.onLink?.(link);
      checked += 1;
      previous = { sequence, hash: link.hash };
    }
  }
  const headSequence = Number(previous.sequence);
  if (!broken && [...options.heads.keys()].some((sequence) => sequence > headSequence)) {
    broken = { sequence: headSequence + 1, problem: 'truncated_before_checkpoint' };
  }
  return { entriesChecked: checked, headSequence, headHash: checked > 0 ? previous.hash : null, ...(broken ? { firstBroken: broken } : {}) };
}

function problemOfLink<L extends Link>(
  link: L,
  previous: { sequence: bigint; hash: string },
  options: { rehash: (link: L) => string; heads: Map<number, string[]>; problemOf?: (link: L) => RegisterProblem | undefined },
): RegisterProblem | undefined {
  if (BigInt(link.sequence) !== previous.sequence + 1n) return 'sequence_gap';
  if (link.prevHash !== previous.hash) return 'prev_hash_mismatch';
  const own = options.problemOf?.(link);
  if (own) return own;
  if (options.rehash(link) !== link.hash) return 'hash_mismatch';
  if (options.heads.get(Number(link.sequence))?.some((head) => head !== link.hash)) return 'checkpoint_mismatch';
  return undefined;
}
