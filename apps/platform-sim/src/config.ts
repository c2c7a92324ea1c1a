import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The repository root, two levels above `apps/platform-sim/dist` (or `src` under jest). */
export const REPO_ROOT = resolve(__dirname, '../../..');

export interface SimulatorConfig {
  port: number;
  host: string;
  /** Where Vigie is served, without a trailing slash. */
  vigieUrl: string;
  /** One of Vigie's intake secrets: the simulator signs its reports with it, as the platform does. */
  intakeSecret: string;
  /** Where the secret came from, to say at start (never the secret itself). */
  intakeSecretSource: string;
}

export class SimulatorConfigError extends Error {
  override readonly name = 'SimulatorConfigError';

  constructor(readonly problems: readonly string[]) {
    super(`Invalid platform simulator configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/**
 * Reads and checks the configuration once; the only place that reads `process.env`.
 * Empty variables count as unset, as for Vigie.
 */
export function loadSimulatorConfig(
  env: NodeJS.ProcessEnv = process.env,
  readFile: (path: string) => string = (path) => readFileSync(path, 'utf8'),
): SimulatorConfig {
  const value = (name: string) => env[name]?.trim() || undefined;
  const problems: string[] = [];

  const portText = value('SIM_PORT') ?? '3001';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) problems.push(`SIM_PORT: must be a port number (0–65535), got "${portText}"`);

  const vigieUrl = (value('VIGIE_URL') ?? 'http://127.0.0.1:3000').replace(/\/+$/, '');
  if (!/^https?:\/\/[^/]/.test(vigieUrl)) problems.push(`VIGIE_URL: must be an http(s) URL, got "${vigieUrl}"`);

  const secret = intakeSecret(value('INTAKE_HMAC_SECRETS'), value('DATA_DIR') ?? join(REPO_ROOT, '.data'), readFile);
  if ('problem' in secret) problems.push(secret.problem);

  if ('problem' in secret || problems.length > 0) throw new SimulatorConfigError(problems);
  return Object.freeze({ port, host: value('SIM_HOST') ?? '127.0.0.1', vigieUrl, intakeSecret: secret.secret, intakeSecretSource: secret.source });
}

type SecretLookup = { secret: string; source: string } | { problem: string };

// The platform signs with one of Vigie's secrets: the first of INTAKE_HMAC_SECRETS (during a
// rotation Vigie accepts both), or the one Vigie generated under its DATA_DIR in development.
function intakeSecret(list: string | undefined, dataDir: string, readFile: (path: string) => string): SecretLookup {
  if (list !== undefined) {
    const first = list.split(',').map((s) => s.trim()).find(Boolean) ?? '';
    return first.length >= 16
      ? { secret: first, source: 'INTAKE_HMAC_SECRETS' }
      : { problem: 'INTAKE_HMAC_SECRETS: its first secret must have 16 characters or more, as Vigie requires' };
  }
  const file = join(dataDir, 'intake-hmac-secret');
  let text: string;
  try {
    text = readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'does not exist' : `cannot be read (${code ?? String(error)})`;
    return {
      problem:
        `no intake secret: INTAKE_HMAC_SECRETS is not set and ${file} ${why}. ` +
        'Set INTAKE_HMAC_SECRETS to one of Vigie’s secrets, or start Vigie once in development (npm start) ' +
        'so that it writes that file — with DATA_DIR set to Vigie’s data folder if it is not the default .data/.',
    };
  }
  const secret = text.trim();
  return secret.length >= 16 ? { secret, source: file } : { problem: `${file}: the secret in it is shorter than 16 characters` };
}
