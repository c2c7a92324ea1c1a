import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { baseUrl } from './browser';
import { freePort, REPO_ROOT } from './server';

/** The platform simulator (apps/platform-sim), built, sending its reports to the product under test. */
export interface RunningSimulator {
  url: string;
  process: ChildProcess;
  output: string[];
}

export async function startSimulator(): Promise<RunningSimulator> {
  const dataDir = process.env.VIGIE_E2E_DATA_DIR;
  if (!dataDir) throw new Error('VIGIE_E2E_DATA_DIR is not set: run through jest (its global set-up starts the product).');
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, SIM_HOST: '127.0.0.1', SIM_PORT: String(port), VIGIE_URL: baseUrl(), DATA_DIR: dataDir };
  // The secret must be the one the product generated in its data folder, not one from the caller's shell.
  delete env.INTAKE_HMAC_SECRETS;

  const child = spawn(process.execPath, [join(REPO_ROOT, 'apps/platform-sim/dist/main.js')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
  const simulator: RunningSimulator = { url: `http://127.0.0.1:${port}`, process: child, output };
  try {
    await waitUntilServing(simulator);
  } catch (error) {
    await stopSimulator(simulator);
    throw error;
  }
  return simulator;
}

/** SIGTERM, as a process manager stops it; resolves with the exit code once it has exited. */
export async function stopSimulator(simulator: RunningSimulator): Promise<number | null> {
  const { process: child } = simulator;
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
  const exited = new Promise<number | null>((resolveExit) => child.once('exit', (code) => resolveExit(code)));
  child.kill('SIGTERM');
  return exited;
}

async function waitUntilServing(simulator: RunningSimulator, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (simulator.process.exitCode !== null) {
      throw new Error(`The platform simulator exited with ${simulator.process.exitCode}:\n${simulator.output.join('')}`);
    }
    const serving = await fetch(simulator.url, { method: 'HEAD' }).then(
      (r) => r.ok,
      () => false,
    );
    if (serving) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`The platform simulator was not serving after ${timeoutMs} ms:\n${simulator.output.join('')}`);
}
