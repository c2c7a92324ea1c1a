import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface SecretFile {
  /** The file's content, as written. */
  value: string;
  /** True when this call created the file. */
  created: boolean;
}

/**
 * Reads the secret in `path`, or creates it with `generate()`: exclusively and readable by its
 * owner only. Several processes may start together (API instances, the CLI): one creates the
 * file, the others read that one, and all agree. The secret is written aside and then linked
 * into place, which fails if a file is already there: nobody ever reads a half-written secret.
 */
export function readOrCreateSecretFile(path: string, generate: () => string): SecretFile {
  const existing = readIfPresent(path);
  if (existing !== undefined) return { value: existing, created: false };

  mkdirSync(dirname(path), { recursive: true });
  const draft = `${path}.${process.pid}-${randomBytes(6).toString('hex')}.draft`;
  const value = generate();
  writeFileSync(draft, value, { flag: 'wx', mode: 0o600 });
  try {
    linkSync(draft, path);
    return { value, created: true };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    // Someone else won the race: theirs is the secret.
    return { value: readFileSync(path, 'utf8'), created: false };
  } finally {
    unlinkSync(draft);
  }
}

function readIfPresent(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
