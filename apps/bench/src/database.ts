import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Client, Pool, type PoolConfig } from 'pg';
import { log } from './log';
import { apiModule, type EmbeddedPostgresModule, REPO_ROOT } from './product';

export const LOCAL_SERVER = 'postgres://postgres@127.0.0.1:5432/postgres';
/** The role the API works as (DATABASE_ROLE's default): the baselines work as it too. */
export const APP_ROLE = 'vigie_app';

export interface Server {
  /** A URL of the server's maintenance database (CREATE/DROP DATABASE run there). */
  adminUrl: string;
  kind: 'BENCH_DATABASE_URL' | 'local server' | 'embedded';
  version: string;
  versionNum: number;
  stop(): Promise<void>;
}

/**
 * BENCH_DATABASE_URL, else the local server on 5432 if it answers, else an embedded PostgreSQL
 * (also when BENCH_DATABASE_URL=embedded).
 */
export async function resolveServer(): Promise<Server> {
  const configured = process.env.BENCH_DATABASE_URL;
  if (configured && configured !== 'embedded') return describe(configured, 'BENCH_DATABASE_URL', async () => undefined);
  if (!configured && (await answers(LOCAL_SERVER))) return describe(LOCAL_SERVER, 'local server', async () => undefined);
  log('no PostgreSQL on 127.0.0.1:5432: starting the embedded one (apps/api/dist/database/embedded-postgres.js)');
  const { startEmbeddedPostgres } = await apiModule<EmbeddedPostgresModule>('database/embedded-postgres.js');
  const embedded = await startEmbeddedPostgres({
    dataDir: join(REPO_ROOT, 'apps/bench/.data/postgres'),
    port: Number(process.env.BENCH_EMBEDDED_PG_PORT ?? 5434),
    whenRunning: 'adopt',
    onLog: (line) => process.stderr.write(`${line}\n`),
  });
  return describe(embedded.url, 'embedded', () => embedded.stop());
}

async function answers(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function describe(adminUrl: string, kind: Server['kind'], stop: () => Promise<void>): Promise<Server> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ version: string; num: string }>(`SELECT version(), current_setting('server_version_num') AS num`);
    return { adminUrl, kind, version: rows[0].version, versionNum: Number(rows[0].num), stop };
  } finally {
    await client.end();
  }
}

/** The login the product runs as: never the server's superuser, which the API refuses in production. */
export interface ApiLogin {
  name: string;
  password: string;
}

/** Creates (or resets the password of) the bench's API login: no superuser, a member of vigie_app only. */
export async function ensureApiLogin(server: Server): Promise<ApiLogin> {
  const login = { name: 'vigie_bench_api', password: randomBytes(18).toString('hex') };
  await withAdmin(server, async (c) => {
    // The migrations create vigie_app too; the login must be its member before they first run.
    await c.query(`DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN CREATE ROLE ${APP_ROLE} NOLOGIN; END IF; END $$`);
    await c.query(`DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${login.name}') THEN CREATE ROLE ${login.name}; END IF; END $$`);
    await c.query(`ALTER ROLE ${login.name} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOINHERIT PASSWORD '${login.password}'`);
    await c.query(`GRANT ${APP_ROLE} TO ${login.name}`);
  });
  return login;
}

export function databaseUrl(server: Server, name: string): string {
  const url = new URL(server.adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function withAdmin<T>(server: Server, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: server.adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function databaseExists(server: Server, name: string): Promise<boolean> {
  return withAdmin(server, async (c) => (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1);
}

export async function createDatabase(server: Server, name: string): Promise<void> {
  await withAdmin(server, (c) => c.query(`CREATE DATABASE ${quote(name)}`));
}

export async function dropDatabase(server: Server, name: string): Promise<void> {
  await withAdmin(server, async (c) => {
    await c.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [name]);
    await c.query(`DROP DATABASE IF EXISTS ${quote(name)}`);
  });
}

/** An identical copy of `template` (which must have no other connection): files copied, no WAL replay. */
export async function cloneDatabase(server: Server, template: string, name: string): Promise<number> {
  const started = Date.now();
  await dropDatabase(server, name);
  await withAdmin(server, async (c) => {
    await c.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [template]);
    // FILE_COPY (PostgreSQL 15+) copies the files instead of WAL-logging every block: much faster for big datasets.
    const strategy = server.versionNum >= 150000 ? ' STRATEGY = FILE_COPY' : '';
    await c.query(`CREATE DATABASE ${quote(name)} TEMPLATE ${quote(template)}${strategy}`);
  });
  return (Date.now() - started) / 1000;
}

/** A pool that works as the API's role, like the API's own pool (`-c role=vigie_app`). */
export function appPool(url: string, max: number, name = 'vigie-bench-baseline', extra: PoolConfig = {}): Pool {
  return new Pool({ connectionString: url, max, application_name: name, options: `-c role=${APP_ROLE}`, ...extra });
}

export function ownerPool(url: string, max: number, name = 'vigie-bench'): Pool {
  return new Pool({ connectionString: url, max, application_name: name });
}

export async function withClient<T>(url: string, work: (client: Client) => Promise<T>, role?: string): Promise<T> {
  const client = new Client({ connectionString: url, application_name: 'vigie-bench', ...(role ? { options: `-c role=${role}` } : {}) });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
