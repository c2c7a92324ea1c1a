import { accessSync, constants, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { type SignedCheckpoint, signedCheckpointSchema } from '@vigie/contracts';
import type { AppConfig } from '../config/config';
import { signingKeyPath } from './register-signing-key';

/**
 * The latest signed checkpoint, kept outside the database as well: someone who empties or cuts
 * the register and its stored checkpoints still meets this file. One file per installation,
 * shared by its instances (CHECKPOINT_DIR on a shared volume): the highest checkpoint stays.
 */
export const CHECKPOINT_FILE_NAME = 'register-checkpoint.json';

/** CHECKPOINT_DIR, or else the folder of the signing key (which defaults to DATA_DIR). */
export function checkpointDir(config: AppConfig): string {
  return config.CHECKPOINT_DIR ?? dirname(signingKeyPath(config));
}

/** Whether the folder exists (or can be made) and can be written to. */
export function checkpointDirWritable(dir: string): boolean {
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

export class CheckpointFileError extends Error {
  constructor(readonly path: string) {
    super(`${path} does not hold a signed checkpoint`);
    this.name = 'CheckpointFileError';
  }
}

/** The checkpoint of the file in `dir`; undefined when there is none; CheckpointFileError when it holds anything else. */
export function readCheckpointFile(dir: string): SignedCheckpoint | undefined {
  const path = join(dir, CHECKPOINT_FILE_NAME);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new CheckpointFileError(path);
  }
  const checkpoint = parseCheckpoint(text);
  if (!checkpoint) throw new CheckpointFileError(path);
  return checkpoint;
}

/**
 * A signed checkpoint from the text of its file — the one kept by Vigie, one written by
 * `audit:checkpoint`, one the DPO downloaded and uploads back — or undefined when the text holds
 * anything else. Only the checkpoint's own fields are kept. Its signature is not checked here.
 */
export function parseCheckpoint(text: string): SignedCheckpoint | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = signedCheckpointSchema.safeParse(value);
  if (!parsed.success || !Number.isSafeInteger(parsed.data.sequence)) return undefined;
  const { sequence, headHash, time, journal, publicKey, signature } = parsed.data;
  return { sequence, headHash, time, ...(journal ? { journal: { sequence: journal.sequence, headHash: journal.headHash } } : {}), algorithm: 'Ed25519', publicKey, signature };
}

/** Register head first, then the journal's: which of two checkpoints is the later. */
function compare(a: SignedCheckpoint, b: SignedCheckpoint): number {
  return a.sequence - b.sequence || (a.journal?.sequence ?? 0) - (b.journal?.sequence ?? 0);
}

/**
 * Writes `checkpoint` to the file in `dir` unless it already holds a later (or the same) one;
 * true when it wrote. Atomic: a file of its own, renamed over the old one, so that a reader —
 * another instance, a crash half-way — sees the old checkpoint or the new, never half of one.
 */
export function writeCheckpointFile(dir: string, checkpoint: SignedCheckpoint): boolean {
  let current: SignedCheckpoint | undefined;
  try {
    current = readCheckpointFile(dir);
  } catch {
    current = undefined; // unreadable: replaced by a good one
  }
  if (current && compare(current, checkpoint) >= 0) return false;
  mkdirSync(dir, { recursive: true });
  const path = join(dir, CHECKPOINT_FILE_NAME);
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    writeFileSync(tmp, `${JSON.stringify(checkpoint, null, 2)}\n`, { mode: 0o644 });
    renameSync(tmp, path);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
  return true;
}
