import { type ChildProcess, spawn } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { log } from './log';
import { sleep } from './stats';

/** The repository root: this file runs from apps/bench/dist. */
export const REPO_ROOT = resolve(__dirname, '../../..');
export const API_MAIN = join(REPO_ROOT, 'apps/api/dist/main.js');
export const API_CLI = join(REPO_ROOT, 'apps/api/dist/cli.js');
export const BACKOFFICE_DIST = join(REPO_ROOT, 'apps/backoffice/dist');

/**
 * The product under test is the BUILT API, loaded as an artifact (never imported as a project:
 * the bench may depend on the shared libs only). These are the few functions it reuses from it.
 */
export interface ChainFunctions {
  GENESIS_HASH: string;
  canonical(entry: ChainedEntry): string;
  chainHash(prevHash: string, entry: ChainedEntry): string;
  personalDigest(salt: string, value: string | null): string;
  newSalt(): string;
  chainTime(date: Date): string;
}

/** apps/api/src/register/register-chain.ts's ChainedEntry. */
export interface ChainedEntry {
  sequence: string;
  at: string;
  staffId: string;
  staffRoles: string[];
  caseId: string | null;
  conversationId: string | null;
  reportIds: string[];
  subjectIds: string[];
  legalBasis: string;
  purpose: string;
  outcome: 'granted' | 'denied' | 'read';
  reason: string | null;
  scope: unknown;
  grantId: string | null;
  requestId: string | null;
  justificationDigest: string;
  ipDigest: string;
  userAgentDigest: string;
  liaVersion: number | null;
}

export interface EmbeddedPostgresModule {
  startEmbeddedPostgres(options: { dataDir: string; port: number; whenRunning?: 'adopt' | 'share'; onLog?: (line: string) => void }): Promise<{ url: string; stop(): Promise<void> }>;
}

/** A module of the built API, by its path under apps/api/dist. */
export async function apiModule<T>(relative: string): Promise<T> {
  const path = join(REPO_ROOT, 'apps/api/dist', relative);
  if (!existsSync(path)) throw new Error(`${path} is missing: build the API first (npm run bench builds it).`);
  return (await import(path)) as T;
}

export function loadChain(): Promise<ChainFunctions> {
  return apiModule<ChainFunctions>('register/register-chain.js');
}

/** The product's settings for a benchmark: production-like, nothing scheduled, quiet logs. */
export interface ProductEnv {
  dir: string;
  intakeSecret: string;
  env(databaseUrl: string, extra?: Record<string, string>): NodeJS.ProcessEnv;
  dispose(): void;
}

// Every variable the API reads (apps/api/src/config/config.ts): none leaks in from the caller's shell.
const PRODUCT_VARIABLES = [
  'DATABASE_URL', 'DATABASE_POOL_SIZE', 'DATABASE_ROLE', 'MIGRATION_DATABASE_URL', 'PORT', 'HOST', 'NODE_ENV', 'LOG_LEVEL', 'DATA_DIR',
  'EMBEDDED_PG_PORT', 'UI_DIST_DIR', 'TRUST_PROXY', 'COOKIE_SECURE', 'SESSION_IDLE_TIMEOUT_MINUTES', 'SESSION_ABSOLUTE_TIMEOUT_HOURS',
  'INTAKE_HMAC_SECRETS', 'INTAKE_RATE_LIMIT_PER_MINUTE', 'MFA_REQUIRED_ROLES', 'GATE_GRANT_MINUTES', 'GATE_CONTEXT_MESSAGES',
  'REGISTER_SIGNING_KEY_FILE', 'PLATFORM_WEBHOOK_URL', 'PLATFORM_WEBHOOK_SECRET', 'WEBHOOK_RETRY_BASE_SECONDS', 'WEBHOOK_POLL_MS',
  'RETENTION_PERIOD', 'RETENTION_SCHEDULE_HOURS', 'RETENTION_BATCH_SIZE', 'REGISTER_CHECKPOINT_INTERVAL_HOURS',
  'REGISTER_CHECKPOINT_EVERY_ENTRIES', 'CHECKPOINT_DIR',
  'ALERT_EVALUATION_SECONDS', 'ALERT_OPENINGS_PER_HOUR', 'ALERT_MEDIAN_FACTOR', 'ALERT_MEDIAN_MINIMUM', 'ALERT_SAME_JUSTIFICATION_PER_DAY',
  'ALERT_WORKING_HOURS', 'ALERT_DENIALS', 'ALERT_DENIALS_MINUTES', 'ALERT_SAME_PERSON_CASES', 'ALERT_SAME_PERSON_DAYS',
  'ALERT_WIDENING_MIN_OPENINGS', 'ALERT_WIDENING_SHARE', 'ALERT_WEBHOOK_URL', 'ALERT_WEBHOOK_SECRET',
];

/** Migrations as the server's admin login (the schema owner); the product itself as `login`. */
export function productEnv(login: { name: string; password: string }): ProductEnv {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-bench-'));
  const keyFile = join(dir, 'register-signing-key.pem');
  const { privateKey } = generateKeyPairSync('ed25519');
  writeFileSync(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  const intakeSecret = randomBytes(24).toString('hex');
  const base = { ...process.env };
  for (const key of PRODUCT_VARIABLES) delete base[key];
  return {
    dir,
    intakeSecret,
    env: (databaseUrl, extra = {}) => ({
      ...base,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      MIGRATION_DATABASE_URL: databaseUrl,
      DATABASE_URL: asLogin(databaseUrl, login),
      DATA_DIR: dir,
      INTAKE_HMAC_SECRETS: intakeSecret,
      INTAKE_RATE_LIMIT_PER_MINUTE: '1000000',
      REGISTER_SIGNING_KEY_FILE: keyFile,
      RETENTION_SCHEDULE_HOURS: '0',
      REGISTER_CHECKPOINT_INTERVAL_HOURS: '0',
      WEBHOOK_POLL_MS: '0',
      // The alert rules would otherwise walk the generated register in the background of every measure.
      ALERT_EVALUATION_SECONDS: '0',
      LOG_LEVEL: 'warn',
      MFA_REQUIRED_ROLES: '',
      UI_DIST_DIR: BACKOFFICE_DIST,
      ...extra,
    }),
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

function asLogin(databaseUrl: string, login: { name: string; password: string }): string {
  const url = new URL(databaseUrl);
  url.username = login.name;
  url.password = login.password;
  return url.toString();
}

export interface CommandResult {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
  memory: MemoryTrace;
}

/** Runs `node apps/api/dist/cli.js …`, sampling its memory; rejects on a non-zero exit. */
export async function runCli(args: string[], env: NodeJS.ProcessEnv, stdin?: string, onSample?: (sample: MemorySample) => void): Promise<CommandResult> {
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, [API_CLI, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
  const trace = new MemoryTrace(child.pid as number, 50, onSample);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  child.stdin.end(stdin ?? '');
  const code = await new Promise<number | null>((resolveExit, reject) => {
    child.on('error', reject);
    child.on('exit', (c) => resolveExit(c));
  });
  trace.stop();
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (code !== 0) throw new Error(`cli ${args[0]} exited ${code}: ${stderr.trim() || stdout.trim()}`);
  return { code, stdout, stderr, ms, memory: trace };
}

export interface MemorySample {
  atMs: number;
  rssKb: number;
  hwmKb: number;
}

/** Reads /proc/<pid>/status: resident memory now and its high-water mark, in kB. */
export function readMemory(pid: number): { rssKb: number; hwmKb: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
    const rssKb = field('VmRSS');
    return Number.isFinite(rssKb) ? { rssKb, hwmKb: field('VmHWM') } : undefined;
  } catch {
    return undefined;
  }
}

/** Samples a process's memory every `everyMs` until stopped (or the process is gone). */
export class MemoryTrace {
  readonly samples: MemorySample[] = [];
  private readonly timer: NodeJS.Timeout;
  private readonly started = Date.now();

  constructor(
    private readonly pid: number,
    everyMs: number,
    private readonly onSample?: (sample: MemorySample) => void,
  ) {
    this.sample();
    this.timer = setInterval(() => this.sample(), everyMs);
  }

  sample(): void {
    const memory = readMemory(this.pid);
    if (!memory) return;
    const sample = { atMs: Date.now() - this.started, ...memory };
    this.samples.push(sample);
    this.onSample?.(sample);
  }

  stop(): void {
    clearInterval(this.timer);
  }

  get peakRssMb(): number {
    return Math.max(0, ...this.samples.map((s) => s.rssKb)) / 1024;
  }

  get highWaterMb(): number {
    return Math.max(0, ...this.samples.map((s) => s.hwmKb)) / 1024;
  }

  /** The samples from `fromMs` on. */
  since(fromMs: number): MemorySample[] {
    return this.samples.filter((s) => s.atMs >= fromMs);
  }
}

export interface RunningApi {
  baseUrl: string;
  pid: number;
  process: ChildProcess;
  output: string[];
  stop(): Promise<void>;
}

/** `node apps/api/dist/main.js`, as production runs it, on the given database. */
export async function startApi(env: NodeJS.ProcessEnv): Promise<RunningApi> {
  const port = await freePort();
  // To profile the product under load: BENCH_API_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof".
  const nodeArgs = (process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, API_MAIN], { env: { ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString('utf8'));
    if (output.length > 200) output.splice(0, output.length - 200);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const api: RunningApi = {
    baseUrl: `http://127.0.0.1:${port}`,
    pid: child.pid as number,
    process: child,
    output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timeout = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timeout);
    },
  };
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The API exited with ${child.exitCode}:\n${output.join('')}`);
    const ready = await fetch(`${api.baseUrl}/api/health/ready`).then((r) => r.ok, () => false);
    if (ready) {
      log(`API ready at ${api.baseUrl} (pid ${api.pid})`);
      return api;
    }
    await sleep(200);
  }
  await api.stop();
  throw new Error(`The API was not ready after 120 s:\n${output.join('')}`);
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
