import { ERROR_CODES, isErrorCode } from '@vigie/contracts';
import { readdirSync, readFileSync } from 'node:fs';
import { STATUS_CODES } from 'node:http';
import { join, relative } from 'node:path';

const SRC = join(__dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !/\.(spec|integration-spec)\.ts$/.test(entry.name) ? [path] : [];
  });
}

// The first argument of every domain error built in the API's source, and of the constructors
// of its subclasses.
const THROWN = /new (?:DomainException|GateRefusedException)\(\s*([^,)]+)/g;
const SUBCLASS = /extends DomainException \{[\s\S]*?(?=\n(?:export )?(?:class|function|const) |$)/g;
const SUPER = /super\(\s*([^,)]+)/g;

interface Site {
  file: string;
  argument: string;
}

const sites: Site[] = sourceFiles(SRC).flatMap((path) => {
  const text = readFileSync(path, 'utf8');
  const subclasses = [...text.matchAll(SUBCLASS)].flatMap(([body]) => [...body.matchAll(SUPER)]);
  const matches = [...text.matchAll(THROWN), ...subclasses];
  return matches.map((match) => ({ file: relative(SRC, path), argument: (match[1] ?? '').trim() }));
});
const literal = (argument: string) => /^'([a-z0-9_]+)'$/.exec(argument)?.[1];

// Codes passed as values rather than literals: typed `ErrorCode` (or a narrower union), so the
// compiler keeps them in the table. A new one is added here after a look at its type.
const COMPUTED = [
  'cases/case-record.repository.ts: outcome',
  'gate/gate.exception.ts: reason',
  'gate/gate.service.ts: outcome',
  'gate/gate.service.ts: outcome.reason',
  'intake/intake-signature.guard.ts: CODES[result]',
  'retention/retention.service.ts: outcome',
  'staff/role-request.service.ts: refusal',
  'staff/session.guard.ts: check.reason',
];

describe('error codes', () => {
  it('finds the throw sites (the scan itself works)', () => {
    expect(sites.filter((s) => literal(s.argument)).length).toBeGreaterThan(40);
  });

  it('has every code thrown under apps/api/src in the contracts table', () => {
    const unknown = sites.flatMap((s) => {
      const code = literal(s.argument);
      return code !== undefined && !isErrorCode(code) ? [`${s.file}: ${code}`] : [];
    });
    expect(unknown).toEqual([]);
  });

  it('knows every code that is computed rather than written out', () => {
    const computed = sites.filter((s) => literal(s.argument) === undefined).map((s) => `${s.file}: ${s.argument}`);
    expect([...new Set(computed)].sort()).toEqual(COMPUTED);
  });

  it('chooses no HTTP status at a throw site', () => {
    const offenders = sourceFiles(SRC).flatMap((path) => {
      const text = readFileSync(path, 'utf8');
      return /throw new \w*(?:Http|Request|Forbidden|Unauthorized|NotFound|Conflict|Unavailable|Gone|Unprocessable)\w*Exception\(/.test(text) ||
        /HttpStatus\.\w+,/.test(text)
        ? [relative(SRC, path)]
        : [];
    });
    expect(offenders).toEqual([]);
  });

  it.each(Object.entries(ERROR_CODES))('gives %s a real 4xx or 5xx status and a message', (_code, entry) => {
    expect(Number.isInteger(entry.status)).toBe(true);
    expect(entry.status).toBeGreaterThanOrEqual(400);
    expect(entry.status).toBeLessThan(600);
    expect(STATUS_CODES[entry.status]).toBeDefined();
    expect(entry.message.length).toBeGreaterThan(5);
  });
});
