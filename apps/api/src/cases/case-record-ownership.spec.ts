import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

// One owner for the case record: its version check and the rule of who may work a case hold
// only if every change to `moderation_case` goes through CaseRecordRepository.
const OWNER = 'cases/case-record.repository.ts';
const MIGRATIONS = 'database/migrations/';

const SQL_WRITE = /\b(?:INSERT\s+INTO|UPDATE(?:\s+ONLY)?|DELETE\s+FROM(?:\s+ONLY)?|MERGE\s+INTO|TRUNCATE(?:\s+TABLE)?(?:\s+ONLY)?)\s+"?moderation_case"?\b/i;
const ENTITY_DECLARATION = /@Entity\(\s*(?:\{\s*name:\s*)?['"`]moderation_case['"`][^)]*\)\s*(?:export\s+)?class\s+(\w+)/g;

/** TypeORM writes on the table, by name or through its entity class(es). */
function ormWrite(entities: string[]): RegExp {
  const target = [`['"\`]moderation_case['"\`]`, ...entities.map((name) => `${name}\\b`)].join('|');
  const injected = entities.length ? `|Repository<\\s*(?:${entities.join('|')})\\s*>` : '';
  return new RegExp(`(?:getRepository|\\.insert|\\.update|\\.delete|\\.save|\\.upsert|\\.remove|\\.softDelete|\\.restore|\\.increment|\\.decrement|\\.into)\\s*\\(\\s*(?:${target})${injected}`);
}

/** Files of `src` (production code: specs may set up a case as the schema owner) that write the case record. */
function writersOf(files: Map<string, string>): string[] {
  const entities = [...files.values()].flatMap((text) => [...text.matchAll(ENTITY_DECLARATION)].map((match) => match[1]));
  const orm = ormWrite(entities);
  return [...files.entries()]
    .filter(([file]) => file !== OWNER && !file.startsWith(MIGRATIONS))
    .filter(([, text]) => SQL_WRITE.test(text) || orm.test(text))
    .map(([file]) => file);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(name) && !/\.(integration-)?spec\.ts$/.test(name) ? [path] : [];
  });
}

describe('the case record has one owner', () => {
  it('no file but CaseRecordRepository and the migrations writes moderation_case', () => {
    const root = join(__dirname, '..');
    const files = new Map(sourceFiles(root).map((path) => [relative(root, path), readFileSync(path, 'utf8')]));
    expect(files.has(OWNER)).toBe(true);
    expect(writersOf(files)).toEqual([]);
  });

  it('recognises the ways of writing it', () => {
    const writes = [
      'await m.query(`UPDATE moderation_case SET version = version + 1 WHERE id = $1`)',
      "m.query('update  moderation_case c set priority = 1')",
      'INSERT INTO moderation_case (conversation_id) VALUES ($1)',
      'DELETE FROM moderation_case WHERE id = $1',
      "dataSource.createQueryBuilder().update('moderation_case').set({ status: 'closed' })",
      "@Entity('moderation_case') export class ModerationCase {}\nthis.dataSource.getRepository(ModerationCase).save(kase)",
      "@Entity({ name: 'moderation_case' }) class CaseRow {}\nm.insert(CaseRow, { status: 'open' })",
    ];
    for (const text of writes) expect(writersOf(new Map([['elsewhere/x.repository.ts', text]]))).toEqual(['elsewhere/x.repository.ts']);

    const reads = [
      'SELECT c.id FROM moderation_case c WHERE c.id = $1 FOR NO KEY UPDATE OF c',
      'UPDATE decision d SET facts = $2 FROM moderation_case c WHERE c.id = d.case_id',
      'ON CONFLICT (conversation_id) DO UPDATE SET last_activity_at = now()',
    ];
    for (const text of reads) expect(writersOf(new Map([['elsewhere/x.repository.ts', text]]))).toEqual([]);
    expect(writersOf(new Map([[OWNER, writes[0]], [`${MIGRATIONS}1-x.ts`, writes[2]]]))).toEqual([]);
  });
});
