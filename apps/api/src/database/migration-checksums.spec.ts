import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MIGRATIONS } from './migrations';

const DIR = join(__dirname, 'migrations');
const MIGRATION_FILE = /^\d+-[\w-]+\.ts$/;

/** SHA-256 of a migration file; line endings normalised, so a Windows checkout hashes the same. */
function checksum(file: string): string {
  return createHash('sha256').update(readFileSync(join(DIR, file), 'utf8').replace(/\r\n/g, '\n')).digest('hex');
}

function recorded(): Record<string, string> {
  return JSON.parse(readFileSync(join(DIR, 'checksums.json'), 'utf8')) as Record<string, string>;
}

/** The files of `MIGRATIONS`, in its order, by the imports of migrations/index.ts. */
function listedFiles(): string[] {
  const index = readFileSync(join(DIR, 'index.ts'), 'utf8');
  const fileOf = new Map([...index.matchAll(/import \{ (\w+) \} from '\.\/([^']+)'/g)].map(([, name, file]) => [name, `${file}.ts`]));
  return MIGRATIONS.map((migration) => fileOf.get(migration.name) ?? `(no import for ${migration.name})`);
}

// A database that already ran a migration never runs it again: an edit reaches new databases
// only, and the schemas part ways. A change is a new migration.
describe('migrations are history', () => {
  it('each committed migration file still has its recorded checksum', () => {
    const sums = recorded();
    const edited = readdirSync(DIR)
      .filter((file) => MIGRATION_FILE.test(file) && sums[file] !== undefined && checksum(file) !== sums[file])
      .map((file) => `migrations are history: add a new migration instead of editing ${file}`);
    expect(edited).toEqual([]);
  });

  it('every migration file has a recorded checksum, and every checksum a file', () => {
    const sums = recorded();
    const files = readdirSync(DIR).filter((file) => MIGRATION_FILE.test(file));
    const unrecorded = files
      .filter((file) => sums[file] === undefined)
      .map((file) => `${file} has no recorded checksum: add "${file}": "<sha256sum of the file>" to migrations/checksums.json`);
    const missing = Object.keys(sums)
      .filter((file) => !files.includes(file))
      .map((file) => `migrations are history: ${file} was committed and is gone; add a new migration instead of editing or deleting it`);
    expect([...unrecorded, ...missing]).toEqual([]);
  });

  it('migrations/index.ts runs exactly the recorded migrations, in their order', () => {
    expect(listedFiles()).toEqual(Object.keys(recorded()).sort());
  });
});
