import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Client } from 'pg';
import { APP_ROLE } from './migrations/1764158400000-access-register';

/**
 * The API's own login on the embedded server. Never a superuser: a superuser's session can
 * `SET ROLE NONE` (or `SET ROLE postgres`) out of `vigie_app`, and then read every message body.
 */
export const EMBEDDED_API_LOGIN = 'vigie_api';

const PASSWORD_FILE = 'postgres-api-password';

// Another constant than the migrations' lock: the API and the CLI may both bring the login up to date.
const LOGIN_LOCK_KEY = 7_461_002;

/** The password of the API's login: generated once, kept in DATA_DIR beside the superuser's (0600). */
export async function embeddedLoginPassword(dataDir: string): Promise<string> {
  const file = join(dataDir, PASSWORD_FILE);
  const stored = async () => (await readFile(file, 'utf8').catch(() => '')).trim();
  const existing = await stored();
  if (existing) return existing;
  const password = randomBytes(24).toString('base64url');
  try {
    await writeFile(file, `${password}\n`, { mode: 0o600, flag: 'wx' });
    return password;
  } catch (error) {
    // The CLI and the API starting together: the first one's password wins.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST' && (await stored())) return stored();
    throw error;
  }
}

export interface LoginRole {
  name: string;
  password: string;
  /** The role the API switches to (DATABASE_ROLE); null: it works as the login itself. */
  workRole: string | null;
}

/**
 * Creates the login, or brings an existing one (an older data folder, a lost password file) to
 * exactly this: LOGIN, no SUPERUSER, CREATEDB, CREATEROLE, REPLICATION or BYPASSRLS, a member of
 * the role it works as and nothing else of its own. Run with the owner's URL, after the
 * migrations created `vigie_app`.
 */
export async function ensureLoginRole(ownerUrl: string, login: LoginRole): Promise<void> {
  const client = new Client({ connectionString: ownerUrl, application_name: 'vigie-migrate' });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [LOGIN_LOCK_KEY]);
    const name = client.escapeIdentifier(login.name);
    const found = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [login.name]);
    if (found.rowCount === 0) await client.query(`CREATE ROLE ${name}`);
    // NOINHERIT when it switches roles: back to itself (SET ROLE NONE), it can read nothing.
    const inherit = login.workRole === null ? 'INHERIT' : 'NOINHERIT';
    await client.query(
      `ALTER ROLE ${name} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS ${inherit} PASSWORD ${client.escapeLiteral(login.password)}`,
    );
    await client.query(`GRANT ${client.escapeIdentifier(login.workRole ?? APP_ROLE)} TO ${name}`);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

export interface LoginRoleRisk {
  login: string;
  superuser: boolean;
  bypassRls: boolean;
}

/** What the session's login may do beyond its work role: a superuser leaves it at will, BYPASSRLS ignores row security. */
export async function loginRoleRisk(query: (sql: string) => Promise<Array<{ rolname: string; rolsuper: boolean; rolbypassrls: boolean }>>): Promise<LoginRoleRisk | null> {
  const [row] = await query('SELECT rolname, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = session_user');
  if (!row || (!row.rolsuper && !row.rolbypassrls)) return null;
  return { login: row.rolname, superuser: row.rolsuper, bypassRls: row.rolbypassrls };
}

/** The sentence an operator reads when the API logs in as such a role: what is wrong and how to fix it. */
export function describeLoginRoleRisk(risk: LoginRoleRisk): string {
  const what = risk.superuser ? 'a superuser' : 'a role with BYPASSRLS';
  return (
    `DATABASE_URL logs in as "${risk.login}", ${what}: any SQL run through the API (an injection, leaked credentials) ` +
    `could leave DATABASE_ROLE with SET ROLE NONE and read every message body. Log the API in as a role without ` +
    `SUPERUSER or BYPASSRLS that is a member of ${APP_ROLE} (CREATE ROLE vigie_api LOGIN PASSWORD '…' NOINHERIT IN ROLE ${APP_ROLE}), ` +
    `and give the owner's URL to MIGRATION_DATABASE_URL (README, "Production: the API under a non-owner role").`
  );
}
