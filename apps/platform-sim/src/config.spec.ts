import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSimulatorConfig, REPO_ROOT, SimulatorConfigError } from './config';

const SECRET = 'generated-secret-0123456789abcdef';

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'platform-sim-config-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

function problemsOf(run: () => unknown): readonly string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof SimulatorConfigError) return error.problems;
    throw error;
  }
  throw new Error('no SimulatorConfigError');
}

describe('loadSimulatorConfig', () => {
  it('defaults to Vigie on port 3000 and the secret Vigie generated under DATA_DIR', () => {
    writeFileSync(join(dataDir, 'intake-hmac-secret'), `${SECRET}\n`);

    expect(loadSimulatorConfig({ DATA_DIR: dataDir })).toEqual({
      port: 3001,
      host: '127.0.0.1',
      vigieUrl: 'http://127.0.0.1:3000',
      intakeSecret: SECRET,
      intakeSecretSource: join(dataDir, 'intake-hmac-secret'),
    });
  });

  it('looks for the secret in the repository’s .data/ without DATA_DIR', () => {
    const read: string[] = [];
    loadSimulatorConfig({}, (path) => {
      read.push(path);
      return SECRET;
    });
    expect(read).toEqual([join(REPO_ROOT, '.data', 'intake-hmac-secret')]);
  });

  it('signs with the first of INTAKE_HMAC_SECRETS, and reads the other settings', () => {
    const config = loadSimulatorConfig({
      INTAKE_HMAC_SECRETS: ` ${SECRET} , older-secret-0123456789`,
      DATA_DIR: dataDir,
      SIM_PORT: '4100',
      SIM_HOST: '0.0.0.0',
      VIGIE_URL: 'https://vigie.example.org/',
    });

    expect(config).toMatchObject({ port: 4100, host: '0.0.0.0', vigieUrl: 'https://vigie.example.org', intakeSecret: SECRET, intakeSecretSource: 'INTAKE_HMAC_SECRETS' });
  });

  it('names what is missing when there is no secret anywhere, empty variables counting as unset', () => {
    const problems = problemsOf(() => loadSimulatorConfig({ DATA_DIR: dataDir, INTAKE_HMAC_SECRETS: '', SIM_PORT: '' }));

    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('INTAKE_HMAC_SECRETS is not set');
    expect(problems[0]).toContain(`${join(dataDir, 'intake-hmac-secret')} does not exist`);
  });

  it('lists every wrong setting at once', () => {
    const problems = problemsOf(() => loadSimulatorConfig({ SIM_PORT: '70000', VIGIE_URL: 'vigie.local', INTAKE_HMAC_SECRETS: 'short' }));

    expect(problems).toEqual([
      expect.stringMatching(/^SIM_PORT: .*"70000"/),
      expect.stringMatching(/^VIGIE_URL: .*"vigie.local"/),
      expect.stringMatching(/^INTAKE_HMAC_SECRETS: .*16 characters/),
    ]);
  });
});
