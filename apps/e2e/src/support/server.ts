import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';

export const REPO_ROOT = resolve(__dirname, '../../../..');

/**
 * The product as `npm start` runs it (the built API serving the built UI), on a fresh database:
 * a new database on `TEST_DATABASE_URL` when set, otherwise its own embedded PostgreSQL.
 */
export interface RunningProduct {
  baseUrl: string;
  process: ChildProcess;
  output: string[];
  dataDir: string;
  database?: { serverUrl: string; name: string };
}

export async function startProduct(): Promise<RunningProduct> {
  const port = await freePort();
  const dataDir = await mkdtemp(join(tmpdir(), 'vigie-e2e-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATA_DIR: dataDir,
    EMBEDDED_PG_PORT: String(await freePort()),
    LOG_LEVEL: 'info',
  };
  delete env.DATABASE_URL;
  let database: RunningProduct['database'];
  const serverUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  if (serverUrl) {
    const name = `vigie_e2e_${Date.now().toString(36)}_${process.pid}`;
    await withClient(serverUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    env.DATABASE_URL = url.toString();
    database = { serverUrl, name };
  }

  const child = spawn(process.execPath, [join(REPO_ROOT, 'apps/api/dist/main.js')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
  const product: RunningProduct = { baseUrl: `http://127.0.0.1:${port}`, process: child, output, dataDir, database };
  try {
    await waitUntilReady(product);
  } catch (error) {
    await stopProduct(product);
    throw error;
  }
  return product;
}

export async function stopProduct(product: RunningProduct): Promise<void> {
  const { process: child } = product;
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolveExit) => child.once('exit', resolveExit));
    child.kill('SIGTERM');
    await exited;
  }
  if (product.database) {
    const { serverUrl, name } = product.database;
    await withClient(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
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

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
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
