import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '../../../..');

/**
 * The product exactly as `npm start` runs it on a fresh clone: the built API serving the built
 * UI, on its own embedded PostgreSQL in a temporary folder, seeded with the demo accounts.
 */
export interface RunningProduct {
  baseUrl: string;
  process: ChildProcess;
  output: string[];
  dataDir: string;
  /** The product's embedded database, as its superuser: for the state no screen can set (an old step-up). */
  databaseUrl: string;
}

export async function startProduct(): Promise<RunningProduct> {
  const port = await freePort();
  const dataDir = await mkdtemp(join(tmpdir(), 'vigie-e2e-'));
  const databasePort = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATA_DIR: dataDir,
    EMBEDDED_PG_PORT: String(databasePort),
    LOG_LEVEL: 'info',
    // MFA for the DPO and admins only (the product asks it of every role by default): the
    // journeys sign the moderator and the lead in with their password, as before.
    MFA_REQUIRED_ROLES: 'dpo,admin',
  };
  delete env.DATABASE_URL;

  const child = spawn(process.execPath, [join(REPO_ROOT, 'apps/api/dist/main.js')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
  const product: RunningProduct = { baseUrl: `http://127.0.0.1:${port}`, process: child, output, dataDir, databaseUrl: '' };
  try {
    await waitUntilReady(product);
  } catch (error) {
    await stopProduct(product);
    throw error;
  }
  // Where the embedded PostgreSQL keeps its superuser's password (apps/api/src/database).
  const password = (await readFile(join(dataDir, 'postgres-password'), 'utf8')).trim();
  product.databaseUrl = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${databasePort}/vigie`;
  return product;
}

export interface DemoAccount {
  role: string;
  email: string;
  password: string;
}

/** The demo accounts `npm start` prints once on an empty embedded database. */
export function demoAccounts(product: RunningProduct): DemoAccount[] {
  const text = product.output.join('');
  return [...text.matchAll(/^ {2}(moderator|lead|dpo|admin)\s+(\S+@\S+)\s+(\S+)$/gm)].map(([, role, email, password]) => ({ role, email, password }));
}

export async function stopProduct(product: RunningProduct): Promise<void> {
  const { process: child } = product;
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolveExit) => child.once('exit', resolveExit));
    child.kill('SIGTERM');
    await exited;
  }
  await rm(product.dataDir, { recursive: true, force: true });
}

async function waitUntilReady(product: RunningProduct, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (product.process.exitCode !== null) {
      throw new Error(`The server exited with ${product.process.exitCode}:\n${product.output.join('')}`);
    }
    const ready = await fetch(`${product.baseUrl}/api/health/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The server was not ready after ${timeoutMs} ms:\n${product.output.join('')}`);
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}
